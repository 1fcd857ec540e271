// SPDX-License-Identifier: Apache-2.0
#include "signinfailurestore.h"

#include "common/apitypes.h"
#include "storageerror.h"
#include "tokenstore.h" // storageError()

#include <QSqlQuery>
#include <QVariant>

namespace Gatehouse::Server {

Result<std::optional<QDateTime>> SignInFailureStore::lockedUntil(QSqlDatabase &db, const QString &account,
                                                                 const QString &address, const QDateTime &now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT MAX(locked_until) FROM sign_in_failures WHERE locked_until > ? AND "
                             "((kind = 'account' AND key = ?) OR (kind = 'address' AND key = ?))"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(account);
    q.addBindValue(address);
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot read sign-in failures"), q);
    if (q.value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromWireTime(q.value(0).toString()));
}

Result<qint64> SignInFailureStore::countFailure(QSqlDatabase &db, const QString &kind, const QString &key,
                                                const QDateTime &now, const QDateTime &staleBefore)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO sign_in_failures (kind, key, failures, last_failure_at) VALUES (?, ?, 1, ?) "
                             "ON CONFLICT (kind, key) DO UPDATE SET "
                             "failures = CASE WHEN sign_in_failures.last_failure_at < ? THEN 1 "
                             "ELSE sign_in_failures.failures + 1 END, "
                             "last_failure_at = excluded.last_failure_at RETURNING failures"));
    q.addBindValue(kind);
    q.addBindValue(key);
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(staleBefore));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot count a sign-in failure"), q);
    return q.value(0).toLongLong();
}

Result<void> SignInFailureStore::lock(QSqlDatabase &db, const QString &kind, const QString &key, const QDateTime &until)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE sign_in_failures SET locked_until = ? WHERE kind = ? AND key = ?"));
    q.addBindValue(toWireTime(until));
    q.addBindValue(kind);
    q.addBindValue(key);
    if (!q.exec())
        return storageError(QStringLiteral("cannot lock sign-in"), q);
    return {};
}

Result<void> SignInFailureStore::clear(QSqlDatabase &db, const QString &kind, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM sign_in_failures WHERE kind = ? AND key = ?"));
    q.addBindValue(kind);
    q.addBindValue(key);
    if (!q.exec())
        return storageError(QStringLiteral("cannot clear sign-in failures"), q);
    return {};
}

} // namespace Gatehouse::Server
