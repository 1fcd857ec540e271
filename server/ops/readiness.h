// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Gatehouse::Server {

class Database;
struct Config;

// Whether this process can do its work right now (GET /readyz), as opposed to merely
// running (/healthz): the database file is there and answers, its schema is the one
// this program was built for, and the mail outbox is being worked off.
//
// The outbox sender exposes no heartbeat, so its liveness is read from what it leaves
// in the database: a claimed message whose lease ran out long ago, or a due message
// nobody picked up for a long time, means the sender is gone or stuck.
class Readiness
{
public:
    struct Status
    {
        bool ready = false;
        QString reason; // stable word for monitoring: database_unavailable, schema_mismatch, outbox_stalled
        QString detail; // one line for people; never a path or SQL text
    };

    Readiness(const Database &database, const Config &config);

    Status check(const QDateTime &now) const;

    // How long a due message may wait before the outbox counts as stalled, and how far
    // past its lease a claimed message may be.
    qint64 stalledAfterSeconds() const { return m_stalledAfterSeconds; }
    qint64 leaseGraceSeconds() const { return m_leaseGraceSeconds; }

private:
    Status checkOutbox(const QDateTime &now) const;

    const Database &m_database;
    qint64 m_stalledAfterSeconds;
    qint64 m_leaseGraceSeconds;
};

} // namespace Gatehouse::Server
