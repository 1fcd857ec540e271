// SPDX-License-Identifier: Apache-2.0
#include "signinguard.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "config.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

constexpr int AddressAllowanceFactor = 4;
const QString AccountKind = QStringLiteral("account");
const QString AddressKind = QStringLiteral("address");

Error storageError(const QString &what, const QSqlError &error)
{
    return Error{QString(ErrorCode::StorageError), QStringLiteral("%1: %2").arg(what, error.text())};
}

} // namespace

SignInGuard::SignInGuard(const Database &database, const Config &config)
    : m_database(database), m_maxFailures(config.signInMaxFailures), m_baseSeconds(config.signInLockoutSeconds),
      m_maxSeconds(config.signInLockoutMaxSeconds)
{}

Result<qint64> SignInGuard::retryAfter(const QString &email, const QString &address, const QDateTime &now) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT MAX(locked_until) FROM sign_in_failures WHERE locked_until > ? AND "
                             "((kind = 'account' AND key = ?) OR (kind = 'address' AND key = ?))"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(email.toLower());
    q.addBindValue(address);
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot read sign-in failures"), q.lastError());
    if (q.value(0).isNull())
        return qint64(0);
    const qint64 ms = now.msecsTo(fromWireTime(q.value(0).toString()));
    return std::max<qint64>(1, (ms + 999) / 1000); // round up: Retry-After 0 would invite a retry storm
}

Result<void> SignInGuard::recordFailure(QSqlDatabase &db, const QString &email, const QString &address,
                                        const QDateTime &now) const
{
    if (auto r = bump(db, AccountKind, email.toLower(), m_maxFailures, now); !r)
        return r;
    if (address.isEmpty())
        return {};
    return bump(db, AddressKind, address, m_maxFailures * AddressAllowanceFactor, now);
}

Result<void> SignInGuard::bump(QSqlDatabase &db, const QString &kind, const QString &key, int maxFailures,
                               const QDateTime &now) const
{
    // A count goes stale once a full maximum lockout has passed without failures, so an
    // occasional typo months apart never adds up to a lockout.
    const QString stale = toWireTime(now.addSecs(-m_maxSeconds));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sign_in_failures (kind, key, failures, last_failure_at) VALUES (?, ?, 1, ?) "
                             "ON CONFLICT (kind, key) DO UPDATE SET "
                             "failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, "
                             "last_failure_at = excluded.last_failure_at RETURNING failures"));
    q.addBindValue(kind);
    q.addBindValue(key);
    q.addBindValue(toWireTime(now));
    q.addBindValue(stale);
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot count a sign-in failure"), q.lastError());
    const qint64 failures = q.value(0).toLongLong();
    q.finish();
    if (failures < maxFailures)
        return {};
    const qint64 doublings = std::min<qint64>(failures - maxFailures, 30);
    const qint64 seconds = std::min(m_maxSeconds, m_baseSeconds << doublings);
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral("UPDATE sign_in_failures SET locked_until = ? WHERE kind = ? AND key = ?"));
    lock.addBindValue(toWireTime(now.addSecs(seconds)));
    lock.addBindValue(kind);
    lock.addBindValue(key);
    if (!lock.exec())
        return storageError(QStringLiteral("cannot lock sign-in"), lock.lastError());
    return {};
}

Result<void> SignInGuard::recordSuccess(QSqlDatabase &db, const QString &email) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM sign_in_failures WHERE kind = 'account' AND key = ?"));
    q.addBindValue(email.toLower());
    if (!q.exec())
        return storageError(QStringLiteral("cannot clear sign-in failures"), q.lastError());
    return {};
}

} // namespace Gatehouse::Server
