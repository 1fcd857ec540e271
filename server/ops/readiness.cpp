// SPDX-License-Identifier: Apache-2.0
#include "readiness.h"

#include "config.h"
#include "log.h"
#include "storage/database.h"
#include "storage/outboxstore.h"

#include <QFileInfo>
#include <algorithm>

namespace Gatehouse::Server {

namespace {

Readiness::Status notReady(const QString &reason, const QString &detail)
{
    return Readiness::Status{false, reason, detail};
}

} // namespace

Readiness::Readiness(const Database &database, const Config &config) : m_database(database)
{
    // A live sender finishes or gives up on any message within its lease (the SMTP
    // timeout twice plus a margin, see mail/mailsender.cpp). A backlog is worked off one
    // message at a time, so "stalled" allows several leases and never less than 15 min:
    // a bulk invite must not take the server out of its load balancer.
    const qint64 lease = qint64(config.smtpTimeoutSeconds) * 2 + 10;
    const qint64 poll = std::max<qint64>(1, config.mailPollMilliseconds / 1000);
    m_stalledAfterSeconds = std::max<qint64>(15 * 60, 4 * lease + poll);
    m_leaseGraceSeconds = 60 + 2 * poll;
}

Readiness::Status Readiness::check(const QDateTime &now) const
{
    // An open connection keeps working on a file that was deleted or moved away, so
    // ask the file system too: a fresh connection (the next thread) would not find it.
    if (!QFileInfo(m_database.path()).isFile())
        return notReady(QStringLiteral("database_unavailable"), QStringLiteral("the database file is missing"));
    auto version = m_database.schemaVersion(); // the trivial query: reads the file header
    if (!version) {
        Log::warning(QStringLiteral("readyz.database_failed"), {{QStringLiteral("error"), version.error().message}});
        return notReady(QStringLiteral("database_unavailable"), QStringLiteral("the database does not answer"));
    }
    if (*version != Database::latestSchemaVersion())
        return notReady(QStringLiteral("schema_mismatch"),
                        QStringLiteral("the database schema is version %1, this program needs %2")
                            .arg(*version)
                            .arg(Database::latestSchemaVersion()));
    return checkOutbox(now);
}

Readiness::Status Readiness::checkOutbox(const QDateTime &now) const
{
    auto db = m_database.connection();
    if (!db)
        return notReady(QStringLiteral("database_unavailable"), QStringLiteral("the database does not answer"));
    auto stall = OutboxStore::stall(*db, now.addSecs(-m_leaseGraceSeconds), now.addSecs(-m_stalledAfterSeconds));
    if (!stall) {
        Log::warning(QStringLiteral("readyz.outbox_query_failed"), {{QStringLiteral("error"), stall.error().message}});
        return notReady(QStringLiteral("database_unavailable"), QStringLiteral("the mail outbox cannot be read"));
    }
    const qint64 abandoned = stall->abandoned;
    const qint64 overdue = stall->overdue;
    if (abandoned > 0 || overdue > 0)
        return notReady(QStringLiteral("outbox_stalled"),
                        QStringLiteral("the mail sender is not working off the outbox (%1 abandoned, %2 overdue)")
                            .arg(abandoned)
                            .arg(overdue));
    return Status{true, {}, {}};
}

} // namespace Gatehouse::Server
