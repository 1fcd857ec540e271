// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// The SQL behind auth/SignInGuard (table sign_in_failures): failed staff sign-ins
// counted per key of a kind ("account": the email as typed, lower-cased; "address").
// Every call runs on the caller's connection, inside its write transaction where it writes.
class SignInFailureStore
{
public:
    // The latest lock still in force at `now` for the account or the address; nullopt
    // when neither is locked.
    static Result<std::optional<QDateTime>> lockedUntil(QSqlDatabase &db, const QString &account,
                                                        const QString &address, const QDateTime &now);
    // Counts one failure at `now` and returns the count; a count whose last failure is
    // older than `staleBefore` starts again at 1. One statement, so concurrent failures
    // cannot both read the same count.
    static Result<qint64> countFailure(QSqlDatabase &db, const QString &kind, const QString &key, const QDateTime &now,
                                       const QDateTime &staleBefore);
    static Result<void> lock(QSqlDatabase &db, const QString &kind, const QString &key, const QDateTime &until);
    static Result<void> clear(QSqlDatabase &db, const QString &kind, const QString &key);
};

} // namespace Gatehouse::Server
