// SPDX-License-Identifier: Apache-2.0
#include "clientstore.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

Result<qint64> nextChangeSeq(QSqlDatabase &db)
{
    QSqlQuery seq(db);
    if (!seq.exec(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value")) ||
        !seq.next())
        return storageError(QStringLiteral("cannot take a change number"), seq.lastError());
    return seq.value(0).toLongLong();
}

Result<bool> tableExists(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return storageError(QStringLiteral("cannot inspect the schema"), q.lastError());
    return q.next();
}

} // namespace

Result<void> ClientStore::update(QSqlDatabase &db, qint64 id, const Change &change, const QDateTime &now)
{
    auto seq = nextChangeSeq(db);
    if (!seq)
        return seq.error();
    QStringList sets{QStringLiteral("version = version + 1"), QStringLiteral("change_seq = ?"),
                     QStringLiteral("updated_at = ?")};
    QVariantList values{*seq, toWireTime(now)};
    auto add = [&](const QString &column, const QVariant &value) {
        sets << column + QStringLiteral(" = ?");
        values << value;
    };
    if (change.name)
        add(QStringLiteral("name"), *change.name);
    if (change.email)
        add(QStringLiteral("email"), *change.email);
    if (change.matter)
        add(QStringLiteral("matter"), *change.matter);
    if (change.partnerId)
        add(QStringLiteral("partner_id"),
            *change.partnerId > 0 ? QVariant(*change.partnerId) : QVariant(QMetaType::fromType<qint64>()));
    if (change.requireSignIn)
        add(QStringLiteral("require_sign_in"), *change.requireSignIn ? 1 : 0);
    if (change.phoneConfirmation)
        add(QStringLiteral("phone_confirmation"), *change.phoneConfirmation ? 1 : 0);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE clients SET ") + sets.join(QStringLiteral(", ")) +
              QStringLiteral(" WHERE id = ? AND deleted = 0"));
    for (const auto &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot update client"), q.lastError());
    return {};
}

Result<void> ClientStore::tombstone(QSqlDatabase &db, qint64 id, const QDateTime &now)
{
    auto seq = nextChangeSeq(db);
    if (!seq)
        return seq.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE clients SET deleted = 1, version = version + 1, change_seq = ?, updated_at = ? "
                             "WHERE id = ? AND deleted = 0"));
    q.addBindValue(*seq);
    q.addBindValue(toWireTime(now));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot delete client"), q.lastError());
    // Documents go too: their links must stop working with the client.
    QSqlQuery docs(db);
    docs.prepare(QStringLiteral("UPDATE documents SET deleted_at = ?, content = x'' WHERE client_id = ? AND "
                                "deleted_at IS NULL"));
    docs.addBindValue(toWireTime(now));
    docs.addBindValue(id);
    if (!docs.exec())
        return storageError(QStringLiteral("cannot delete the client's documents"), docs.lastError());
    return endAccess(db, id, now, true);
}

Result<void> ClientStore::endAccess(QSqlDatabase &db, qint64 id, const QDateTime &now, bool tokens)
{
    // Deleting the rows is the strongest "end": a stolen cookie or verification finds
    // nothing to match. Table names follow the token engine's migration 0003.
    QStringList statements;
    for (const auto &table : {QStringLiteral("client_sessions"), QStringLiteral("verified_browsers")})
        statements << QStringLiteral("DELETE FROM %1 WHERE client_id = ?").arg(table);
    auto haveSessions = tableExists(db, QStringLiteral("client_sessions"));
    if (!haveSessions)
        return haveSessions.error();
    if (!*haveSessions)
        return {}; // migration 0003 not there yet: nothing can hold access
    Q_UNUSED(now);
    if (tokens) {
        auto haveTokens = tableExists(db, QStringLiteral("magic_tokens"));
        if (!haveTokens)
            return haveTokens.error();
        if (*haveTokens)
            statements << QStringLiteral("DELETE FROM magic_tokens WHERE client_id = ? AND consumed_at IS NULL");
    }
    for (const auto &sql : std::as_const(statements)) {
        auto exists = tableExists(db, sql.section(u' ', 2, 2));
        if (!exists)
            return exists.error();
        if (!*exists)
            continue;
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(id);
        if (!q.exec())
            return storageError(QStringLiteral("cannot end the client's access"), q.lastError());
    }
    return {};
}

Result<qint64> ClientStore::feedHead(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM counters WHERE name = 'change_seq'")))
        return storageError(QStringLiteral("cannot read the change feed's head"), q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Gatehouse::Server
