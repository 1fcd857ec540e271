// SPDX-License-Identifier: Apache-2.0
#include "ratelimiter.h"

#include "clock.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "storage/database.h"
#include "storage/ratelimitstore.h"
#include "storage/writetransaction.h"

#include <algorithm>

namespace Gatehouse::Server {

namespace {

// The bucket is part of the hashed input too, so equal keys in different buckets are
// unrelated rows and nothing in the table links them.
QString keyHashOf(const QString &bucket, const QString &key)
{
    return Crypto::sha256Hex(QString(bucket + u'\n' + key).toUtf8());
}

} // namespace

RateLimiter::RateLimiter(const Database &database) : m_database(database) {}

QString RateLimiter::emailKey(const QString &email)
{
    return email.trimmed().toLower();
}

Result<RateLimiter::Decision> RateLimiter::hit(const QString &bucket, const QString &key, int limit,
                                               int windowSeconds) const
{
    WriteTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlDatabase db = transaction.connection();
    auto decision = hitAt(db, bucket, key, limit, windowSeconds, Clock::now());
    if (!decision)
        return decision;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return decision;
}

Result<RateLimiter::Decision> RateLimiter::hit(QSqlDatabase &db, const QString &bucket, const QString &key, int limit,
                                               int windowSeconds) const
{
    return hitAt(db, bucket, key, limit, windowSeconds, Clock::now());
}

Result<RateLimiter::Decision> RateLimiter::peek(const QString &bucket, const QString &key, int limit) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    auto counter = RateLimitStore::find(*db, bucket, keyHashOf(bucket, key));
    if (!counter)
        return counter.error();
    const qint64 nowSeconds = Clock::now().toSecsSinceEpoch();
    if (counter->windowEnd > nowSeconds && counter->hits >= limit)
        return Decision{false, int(std::max<qint64>(1, counter->windowEnd - nowSeconds))};
    return Decision{true, 0};
}

Result<RateLimiter::Decision> RateLimiter::hitAt(QSqlDatabase &db, const QString &bucket, const QString &key, int limit,
                                                 int windowSeconds, const QDateTime &now) const
{
    if (limit < 1 || windowSeconds < 1)
        return Error{QString(ErrorCode::Internal),
                     QStringLiteral("rate limit %1 needs a positive limit and window").arg(bucket)};
    const QString keyHash = keyHashOf(bucket, key);
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    auto counter = RateLimitStore::find(db, bucket, keyHash);
    if (!counter)
        return counter.error();
    RateLimitStore::Counter next = *counter;
    if (next.hits == 0 || next.windowEnd <= nowSeconds)
        next = RateLimitStore::Counter{nowSeconds, nowSeconds + windowSeconds, 0};
    if (next.hits >= limit)
        return Decision{false, int(std::max<qint64>(1, next.windowEnd - nowSeconds))};
    ++next.hits;
    if (auto stored = RateLimitStore::store(db, bucket, keyHash, next); !stored)
        return stored.error();
    return Decision{true, 0};
}

Result<int> RateLimiter::prune(const QDateTime &now) const
{
    WriteTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlDatabase db = transaction.connection();
    auto pruned = RateLimitStore::prune(db, now.toSecsSinceEpoch());
    if (!pruned)
        return pruned;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return pruned;
}

} // namespace Gatehouse::Server
