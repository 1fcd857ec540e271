// SPDX-License-Identifier: Apache-2.0
#include "signinguard.h"

#include "config.h"
#include "storage/signinfailurestore.h"

#include <algorithm>

namespace Gatehouse::Server {

namespace {

constexpr int AddressAllowanceFactor = 4;
const QString AccountKind = QStringLiteral("account");
const QString AddressKind = QStringLiteral("address");

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
    auto until = SignInFailureStore::lockedUntil(*db, email.toLower(), address, now);
    if (!until)
        return until.error();
    if (!*until)
        return qint64(0);
    const qint64 ms = now.msecsTo(**until);
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
    auto failures = SignInFailureStore::countFailure(db, kind, key, now, now.addSecs(-m_maxSeconds));
    if (!failures)
        return failures.error();
    if (*failures < maxFailures)
        return {};
    const qint64 doublings = std::min<qint64>(*failures - maxFailures, 30);
    const qint64 seconds = std::min(m_maxSeconds, m_baseSeconds << doublings);
    return SignInFailureStore::lock(db, kind, key, now.addSecs(seconds));
}

Result<void> SignInGuard::recordSuccess(QSqlDatabase &db, const QString &email) const
{
    return SignInFailureStore::clear(db, AccountKind, email.toLower());
}

} // namespace Gatehouse::Server
