// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

class Database;

// Fixed-window counters in the rate_limits table (SPEC F13, B3), shared by every
// server process on the database. A bucket names the rule ("invite.client",
// "sign_in.address", ...); the key is what is counted (a client id, an address, an
// email). Keys are stored only as SHA-256, so the table never holds raw emails.
//
// A denied hit does not count, so a client hammering the limit is told the real time
// at which the window reopens.
class RateLimiter
{
public:
    explicit RateLimiter(const Database &database);

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // > 0 when denied: seconds until the window reopens
    };

    // Counts one hit in a write transaction of its own on this thread's connection.
    // Do NOT call it while this thread holds a WriteTransaction (use the overload).
    Result<Decision> hit(const QString &bucket, const QString &key, int limit, int windowSeconds) const;
    // The same inside the caller's open WriteTransaction on `db`, so the count commits
    // with the action it limits (and rolls back with it).
    Result<Decision> hit(QSqlDatabase &db, const QString &bucket, const QString &key, int limit,
                         int windowSeconds) const;

    // Whether one more hit would be allowed, without counting it (read-only, on this
    // thread's connection): for limits that count only failures, checked before the try.
    Result<Decision> peek(const QString &bucket, const QString &key, int limit) const;

    // Removes counters whose window ended before `now` (the mail sender calls it now
    // and then, so the table stays small).
    Result<int> prune(const QDateTime &now) const;

    // The canonical key for an email address: trimmed and lower-cased, so "A@x.org"
    // and "a@x.org " share one counter.
    static QString emailKey(const QString &email);

    // Test and clock seam: hit() uses now() unless an explicit time is given.
    Result<Decision> hitAt(QSqlDatabase &db, const QString &bucket, const QString &key, int limit, int windowSeconds,
                           const QDateTime &now) const;

private:
    const Database &m_database;
};

} // namespace Gatehouse::Server
