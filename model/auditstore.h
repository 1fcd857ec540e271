// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/auditevent.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QSqlQuery;

namespace Gatehouse {

class LocalCache;

// What the viewer filters by; every field is evaluated in SQL.
struct AuditFilter
{
    qint64 clientId = 0; // exact client
    QString clientText;  // clients whose name contains this
    QString type;        // exact event type
    QString actor;       // actor label (email or name), case-insensitive exact
    QDateTime from, to;  // UTC, [from, to)
    QString text;        // free text in type, actor, address, device and details

    bool isEmpty() const
    {
        return clientId == 0 && clientText.isEmpty() && type.isEmpty() && actor.isEmpty() && !from.isValid() &&
               !to.isValid() && text.isEmpty();
    }
};

// The result of re-verifying the synced hash chain (R4).
struct ChainStatus
{
    qint64 verifiedUpTo = 0; // last event id whose hash and link checked out
    qint64 failedAt = 0;     // first event that failed, 0 when none
    QString failure;         // why, in words
    qint64 eventCount = 0;
};

// One row of the audit viewer: the event plus the client's name for display.
struct AuditRow
{
    AuditEvent event;
    QString clientName;
};

// What the viewer keeps per loaded row: only what its columns show, with repeated
// strings (types, actors, client names, addresses) stored once in the store's pool
// and referenced by index, so a million loaded rows stay within the memory budget
// (40 bytes a row). The details are not kept at all: the model reads them by id for
// the rows on screen (detailsOf) and keeps a small cache of their summaries.
struct AuditListRow
{
    qint64 id = 0;
    qint64 timeMs = 0; // UTC milliseconds since the epoch
    qint64 clientId = 0;
    quint32 type = 0; // indexes into AuditStore::pooled()
    quint32 actor = 0;
    quint32 clientName = 0;
    quint32 address = 0;
};

// The local copy of the audit log inside the LocalCache's database. Pages from the
// server are applied in one transaction together with the sync cursor and the chain
// verification state, so an interrupted sync never leaves a half-applied page or a
// verification claim about events that are not there.
class AuditStore
{
    Q_DECLARE_TR_FUNCTIONS(AuditStore)

public:
    explicit AuditStore(LocalCache *cache) : m_cache(cache) {}

    // The id to ask the server to continue after (0 before the first sync).
    qint64 cursor() const;
    // Appends events (oldest first), re-verifying each link of the chain.
    Result<void> applyPage(const QList<AuditEvent> &events);
    ChainStatus chainStatus() const;

    // Up to `limit` events matching `filter`, newest first, with ids below `beforeId`
    // (0: from the newest).
    Result<QList<AuditRow>> page(const AuditFilter &filter, qint64 beforeId, int limit) const;
    // The same page in the viewer's compact form.
    Result<QList<AuditListRow>> listPage(const AuditFilter &filter, qint64 beforeId, int limit) const;
    // Up to `limit` events matching `filter` with ids above `afterId`, oldest first.
    Result<QList<AuditListRow>> listPageAfter(const AuditFilter &filter, qint64 afterId, int limit) const;
    // How many events match `filter` (with ids above `afterId`).
    Result<qint64> count(const AuditFilter &filter, qint64 afterId = 0) const;
    // The same count, stopping at `cap`.
    Result<qint64> countUpTo(const AuditFilter &filter, qint64 cap) const;
    // Whether counting every match of `filter` may read much of the log (free text:
    // the trigram index must check each candidate); such counts go in steps.
    static bool countIsCostly(const AuditFilter &filter);
    // The id of the event `offset` rows from the newest (or the oldest) of those
    // matching `filter`; 0 when there is none.
    Result<qint64> idAt(const AuditFilter &filter, qint64 offset, bool oldestFirst) const;
    std::optional<AuditRow> event(qint64 id) const;
    // The details object of one event, for the rows on screen; empty when none.
    QJsonObject detailsOf(qint64 id) const;
    // A string of a list row by its pool index.
    const QString &pooled(quint32 index) const { return m_pool.at(index); }
    // The distinct event types present, for the filter's list.
    QStringList knownTypes() const;

private:
    // Where a read starts and which way it goes; limit 0 reads without ORDER BY/LIMIT
    // (a count).
    struct Seek
    {
        qint64 beforeId = 0; // ids below this (0: no bound)
        qint64 afterId = 0;  // ids above this (0: no bound)
        int limit = 0;
        bool oldestFirst = false;
        qint64 offset = 0;
        bool countRows = false; // count the rows the read would give
    };
    QString whereClause(const AuditFilter &filter, bool upper, bool lower) const;
    bool prepare(QSqlQuery &q, const QString &columns, const AuditFilter &filter, const Seek &seek) const;
    Result<QList<AuditListRow>> listRows(const AuditFilter &filter, const Seek &seek) const;
    quint32 intern(const QString &s) const;

    LocalCache *m_cache;
    mutable QStringList m_pool{QString()};
    mutable QHash<QString, quint32> m_poolIndex;
};

} // namespace Gatehouse
