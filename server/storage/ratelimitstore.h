// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

// The SQL behind RateLimiter (table rate_limits, migration 0004). Every call runs on
// the caller's connection, inside the caller's write transaction where it writes.
class RateLimitStore
{
public:
    struct Counter
    {
        qint64 windowStart = 0; // Unix seconds
        qint64 windowEnd = 0;
        int hits = 0;
    };

    // The counter for (bucket, keyHash), or a zero Counter when there is none.
    static Result<Counter> find(QSqlDatabase &db, const QString &bucket, const QString &keyHash);
    static Result<void> store(QSqlDatabase &db, const QString &bucket, const QString &keyHash, const Counter &counter);
    // Deletes counters whose window ended at or before `nowSeconds`.
    static Result<int> prune(QSqlDatabase &db, qint64 nowSeconds);
};

} // namespace Gatehouse::Server
