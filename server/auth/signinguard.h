// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

struct Config;

// Lockout with exponential backoff for staff sign-in (SPEC R7), counted per account
// (the email as typed, lower-cased, so unknown emails are throttled too) and per source
// address. After `max` failures each further failure locks for base·2^(n−max) seconds,
// capped; addresses get four times the allowance because a whole office may share one.
// State lives in the database so it holds across io threads and restarts.
class SignInGuard
{
public:
    SignInGuard(const Database &database, const Config &config);

    // Seconds until the next attempt may run; 0 when it may run now.
    Result<qint64> retryAfter(const QString &email, const QString &address, const QDateTime &now) const;
    // Inside the caller's WriteTransaction, together with the audit entry.
    Result<void> recordFailure(QSqlDatabase &db, const QString &email, const QString &address,
                               const QDateTime &now) const;
    // A success clears the account's count (not the address's: one good account must not
    // reset an attacker's budget for guessing others).
    Result<void> recordSuccess(QSqlDatabase &db, const QString &email) const;

private:
    Result<void> bump(QSqlDatabase &db, const QString &kind, const QString &key, int maxFailures,
                      const QDateTime &now) const;

    const Database &m_database;
    int m_maxFailures;
    qint64 m_baseSeconds;
    qint64 m_maxSeconds;
};

} // namespace Gatehouse::Server
