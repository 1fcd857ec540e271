// SPDX-License-Identifier: Apache-2.0
#include "ratelimitstore.h"

#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Gatehouse::Server {

Result<RateLimitStore::Counter> RateLimitStore::find(QSqlDatabase &db, const QString &bucket, const QString &keyHash)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT window_start, window_end, hits FROM rate_limits WHERE bucket = ? AND key_hash = ?"));
    q.addBindValue(bucket);
    q.addBindValue(keyHash);
    if (!q.exec())
        return storageError(QStringLiteral("cannot read a rate-limit counter"), q.lastError());
    if (!q.next())
        return Counter{};
    return Counter{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt()};
}

Result<void> RateLimitStore::store(QSqlDatabase &db, const QString &bucket, const QString &keyHash,
                                   const Counter &counter)
{
    QSqlQuery q(db);
    // An upsert, so the first hit of a key and every later one are the same statement.
    q.prepare(QStringLiteral("INSERT INTO rate_limits (bucket, key_hash, window_start, window_end, hits) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (bucket, key_hash) DO UPDATE SET "
                             "window_start = excluded.window_start, window_end = excluded.window_end, "
                             "hits = excluded.hits"));
    q.addBindValue(bucket);
    q.addBindValue(keyHash);
    q.addBindValue(counter.windowStart);
    q.addBindValue(counter.windowEnd);
    q.addBindValue(counter.hits);
    if (!q.exec())
        return storageError(QStringLiteral("cannot store a rate-limit counter"), q.lastError());
    return {};
}

Result<int> RateLimitStore::prune(QSqlDatabase &db, qint64 nowSeconds)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM rate_limits WHERE window_end <= ?"));
    q.addBindValue(nowSeconds);
    if (!q.exec())
        return storageError(QStringLiteral("cannot prune rate-limit counters"), q.lastError());
    return q.numRowsAffected();
}

} // namespace Gatehouse::Server
