// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/auditevent.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace Gatehouse::Server {

struct AuditQuery
{
    qint64 beforeId = 0;      // keyset paging, newest first: only ids below this (0: from the newest)
    qint64 afterId = 0;       // sync order, oldest first: only ids above this (used when beforeId is 0)
    bool oldestFirst = false; // sync order even from afterId 0 (the API's "after_id=0")
    int limit = 200;
    qint64 clientId = 0;
    QString type;
    QString actorKind;
    qint64 actorId = 0;
    QDateTime from; // inclusive, UTC
    QDateTime to;   // exclusive, UTC
};

struct AuditHead
{
    qint64 id = 0;
    QString hash = AuditEvent::genesisHash();
};

// The SQL of the audit log (table audit_events). The chain itself (hashes, linking,
// verification) is audit/auditlog's; this class only stores and reads whole events.
// Every call runs on the caller's connection; insert() inside its write transaction.
class AuditEventStore
{
public:
    // The newest entry's id and hash; the genesis head when the log is empty.
    static Result<AuditHead> head(QSqlDatabase &db);
    static Result<void> insert(QSqlDatabase &db, const AuditEvent &event);
    // When sync order is asked for (afterId or oldestFirst), oldest first; otherwise
    // newest first. At most 1000 events.
    static Result<QList<AuditEvent>> query(QSqlDatabase &db, const AuditQuery &query);
    // Every event in id order, one at a time; stops early when `visit` returns false.
    static Result<void> scan(QSqlDatabase &db, const std::function<bool(const AuditEvent &)> &visit);
};

} // namespace Gatehouse::Server
