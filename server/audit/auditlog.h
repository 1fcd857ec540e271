// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/auditevent.h"
#include "common/result.h"
#include "storage/auditeventstore.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace Gatehouse::Server {

// What a caller records; the log adds id, time (if unset), and the chain hashes.
struct AuditRecord
{
    QString type;      // an AuditType:: constant from common/auditevent.h
    QString actorKind; // "staff", "client", "system" or "anonymous"
    qint64 actorId = 0;
    QString actorLabel; // staff email, client name; never a secret
    qint64 clientId = 0;
    QString address;
    QString userAgent;
    QJsonObject details; // never tokens, session ids, codes or passwords
    QDateTime time;      // defaults to now (UTC)
};

// The append-only, hash-chained audit log (SPEC F14, R4). Appends are serialised by
// the database's write lock: append() must run inside a WriteTransaction, so the entry
// commits together with the change it records, or not at all.
class AuditLog
{
public:
    explicit AuditLog(const Database &database) : m_database(database) {}

    // Appends inside the caller's open WriteTransaction on `db`; returns the new id.
    Result<qint64> append(QSqlDatabase &db, const AuditRecord &record) const;
    // Appends in a write transaction of its own (for events that change nothing else).
    Result<qint64> record(const AuditRecord &record) const;

    Result<AuditHead> head() const;
    // When sync order is asked for (afterId), oldest first; otherwise newest first.
    Result<QList<AuditEvent>> query(const AuditQuery &query) const;

    // Re-checks the whole chain. Returns the id of the first entry whose hash or link
    // does not match, or nullopt when the chain is intact.
    struct Verification
    {
        qint64 checked = 0;
        std::optional<qint64> firstBadId;
        QString reason;
    };
    Result<Verification> verify() const;

private:
    const Database &m_database;
};

} // namespace Gatehouse::Server
