// SPDX-License-Identifier: Apache-2.0
#include "staffstore.h"

#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

const QString Columns = QStringLiteral("id, email, name, role, disabled, totp_secret IS NOT NULL");

StaffMember memberFrom(const QSqlQuery &q)
{
    StaffMember m;
    m.id = q.value(0).toLongLong();
    m.email = q.value(1).toString();
    m.name = q.value(2).toString();
    m.role = roleFromName(q.value(3).toString()).value_or(StaffRole::Paralegal);
    m.disabled = q.value(4).toBool();
    m.totpEnrolled = q.value(5).toBool();
    return m;
}

Result<void> exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return storageError(what, q.lastError());
    return {};
}

} // namespace

Result<QList<StaffMember>> StaffStore::list() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM staff ORDER BY name, id")))
        return storageError(QStringLiteral("cannot list staff"), q.lastError());
    QList<StaffMember> staff;
    while (q.next())
        staff.append(memberFrom(q));
    return staff;
}

Result<std::optional<StaffMember>> StaffStore::find(QSqlDatabase &db, qint64 id) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM staff WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up staff"), q.lastError());
    if (!q.next())
        return std::optional<StaffMember>();
    return std::optional<StaffMember>(memberFrom(q));
}

Result<void> StaffStore::update(QSqlDatabase &db, qint64 id, const StaffChange &change, const QDateTime &now) const
{
    QStringList sets{QStringLiteral("updated_at = ?")};
    QVariantList values{toWireTime(now)};
    if (change.name) {
        sets << QStringLiteral("name = ?");
        values << *change.name;
    }
    if (change.role) {
        sets << QStringLiteral("role = ?");
        values << roleName(*change.role);
    }
    if (change.disabled) {
        sets << QStringLiteral("disabled = ?");
        values << (*change.disabled ? 1 : 0);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET ") + sets.join(QStringLiteral(", ")) + QStringLiteral(" WHERE id = ?"));
    for (const auto &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(id);
    return exec(q, QStringLiteral("cannot update staff"));
}

Result<void> StaffStore::revokeTokens(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff_api_tokens SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(staffId);
    return exec(q, QStringLiteral("cannot revoke staff tokens"));
}

Result<StaffStore::TotpState> StaffStore::totp(QSqlDatabase &db, qint64 staffId) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT totp_secret, totp_pending_secret, totp_last_step FROM staff WHERE id = ?"));
    q.addBindValue(staffId);
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot read the second factor"), q.lastError());
    TotpState state;
    // An enrolled secret that cannot be opened fails the request (fail closed): treating
    // it as "no second factor" would let a damaged or swapped row skip the code.
    auto secret = openSecret(staffId, q.value(0), &state.legacy);
    if (!secret)
        return secret.error();
    bool pendingLegacy = false;
    auto pending = openSecret(staffId, q.value(1), &pendingLegacy);
    if (!pending)
        return pending.error();
    state.secret = *secret;
    state.pending = *pending;
    state.lastStep = q.value(2).toLongLong();
    return state;
}

Result<QByteArray> StaffStore::openSecret(qint64 staffId, const QVariant &stored, bool *legacy) const
{
    if (stored.isNull() || stored.toString().isEmpty())
        return QByteArray();
    auto opened = m_vault.open(staffId, stored.toString());
    if (!opened)
        return opened.error();
    *legacy = opened->legacy;
    return opened->secret;
}

Result<void> StaffStore::resealTotp(QSqlDatabase &db, qint64 staffId, const QByteArray &secret) const
{
    auto sealed = m_vault.seal(staffId, secret);
    if (!sealed)
        return sealed.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET totp_secret = ? WHERE id = ? AND totp_secret IS NOT NULL"));
    q.addBindValue(*sealed);
    q.addBindValue(staffId);
    return exec(q, QStringLiteral("cannot re-seal the second factor"));
}

Result<void> StaffStore::setPendingTotp(QSqlDatabase &db, qint64 staffId, const QByteArray &secret) const
{
    QSqlQuery q(db);
    auto sealed = m_vault.seal(staffId, secret);
    if (!sealed)
        return sealed.error();
    q.prepare(QStringLiteral("UPDATE staff SET totp_pending_secret = ? WHERE id = ?"));
    q.addBindValue(*sealed);
    q.addBindValue(staffId);
    return exec(q, QStringLiteral("cannot store the pending second factor"));
}

Result<void> StaffStore::confirmTotp(QSqlDatabase &db, qint64 staffId, qint64 step) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
                             "totp_last_step = ? WHERE id = ? AND totp_pending_secret IS NOT NULL"));
    q.addBindValue(step);
    q.addBindValue(staffId);
    return exec(q, QStringLiteral("cannot confirm the second factor"));
}

Result<bool> StaffStore::useTotpStep(QSqlDatabase &db, qint64 staffId, qint64 step) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?"));
    q.addBindValue(step);
    q.addBindValue(staffId);
    q.addBindValue(step);
    if (!q.exec())
        return storageError(QStringLiteral("cannot record the code's time step"), q.lastError());
    return q.numRowsAffected() == 1;
}

Result<void> StaffStore::resetTotp(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0, "
                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(staffId);
    return exec(q, QStringLiteral("cannot reset the second factor"));
}

} // namespace Gatehouse::Server
