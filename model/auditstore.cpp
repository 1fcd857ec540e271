// SPDX-License-Identifier: Apache-2.0
#include "auditstore.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "localcache.h"
#include "sqltext.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <climits>

namespace Gatehouse {

namespace {

const QString kCursor = QStringLiteral("audit_cursor");
const QString kVerifiedId = QStringLiteral("audit_verified_id");
const QString kVerifiedHash = QStringLiteral("audit_verified_hash");
const QString kFailedId = QStringLiteral("audit_failed_id");
const QString kFailure = QStringLiteral("audit_failure");

QString state(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool setState(QSqlQuery &q, const QString &key, const QString &value)
{
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    // A null QString binds as SQL NULL; the column is NOT NULL.
    q.addBindValue(value.isNull() ? QStringLiteral("") : value);
    return q.exec();
}

// The trigram index (audit_fts, migration 0004) only knows substrings of three
// characters or more; shorter terms keep the LIKE scan, which a common term ends early.
bool usesSearchIndex(const AuditFilter &f)
{
    return f.text.size() >= 3;
}

Error storageError(const QString &what, const QString &detail)
{
    return Error{QString(ErrorCode::StorageError),
                 AuditStore::tr("%1 in the local cache (%2). Check free disk space; if the file is damaged, delete "
                                "it and Gatehouse will download everything again.")
                     .arg(what, detail)};
}

// The first event id at or after `t` (or after the last when none), using the time
// index; ids and times grow together, so a date range becomes an id range and the
// newest-first scan by id stays a range scan.
qint64 firstIdAtOrAfter(const QSqlDatabase &db, const QDateTime &t)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM audit_events WHERE time >= ? ORDER BY time LIMIT 1"));
    q.addBindValue(toWireTime(t));
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::numeric_limits<qint64>::max();
}

} // namespace

qint64 AuditStore::cursor() const
{
    return state(m_cache->database(), kCursor).toLongLong();
}

ChainStatus AuditStore::chainStatus() const
{
    const auto db = m_cache->database();
    ChainStatus s;
    s.verifiedUpTo = state(db, kVerifiedId).toLongLong();
    s.failedAt = state(db, kFailedId).toLongLong();
    s.failure = state(db, kFailure);
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_events")) && q.next())
        s.eventCount = q.value(0).toLongLong();
    return s;
}

Result<void> AuditStore::applyPage(const QList<AuditEvent> &events)
{
    if (events.isEmpty())
        return {};
    auto db = m_cache->database();
    qint64 verifiedId = state(db, kVerifiedId).toLongLong();
    QString lastHash = state(db, kVerifiedHash);
    qint64 failedId = state(db, kFailedId).toLongLong();
    QString failure = state(db, kFailure);
    if (lastHash.isEmpty() && verifiedId == 0)
        lastHash = AuditEvent::genesisHash();

    if (!db.transaction())
        return storageError(tr("Cannot start a transaction"), db.lastError().text());
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO audit_events (id, time, type, actor_kind, actor_id, "
                                  "actor_label, client_id, address, user_agent, details, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto &e : events) {
        // Verification stops at the first failure and stays failed: later events
        // cannot be vouched for once a link is broken.
        if (failedId == 0) {
            if (e.prevHash != lastHash) {
                failedId = e.id;
                failure =
                    tr("event %1 does not link to the event before it (an entry was removed or altered)").arg(e.id);
            } else if (e.computeHash() != e.hash) {
                failedId = e.id;
                failure = tr("event %1 was changed after it was recorded (its hash does not match)").arg(e.id);
            } else {
                verifiedId = e.id;
                lastHash = e.hash;
            }
        }
        insert.addBindValue(e.id);
        insert.addBindValue(toWireTime(e.time));
        insert.addBindValue(e.type);
        insert.addBindValue(e.actorKind);
        insert.addBindValue(e.actorId);
        insert.addBindValue(e.actorLabel);
        insert.addBindValue(e.clientId);
        insert.addBindValue(e.address);
        insert.addBindValue(e.userAgent);
        insert.addBindValue(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
        insert.addBindValue(e.prevHash);
        insert.addBindValue(e.hash);
        if (!insert.exec()) {
            const auto err = storageError(tr("Cannot save audit events"), insert.lastError().text());
            db.rollback();
            return err;
        }
    }
    QSqlQuery q(db);
    const bool ok = setState(q, kCursor, QString::number(events.constLast().id)) &&
                    setState(q, kVerifiedId, QString::number(verifiedId)) && setState(q, kVerifiedHash, lastHash) &&
                    setState(q, kFailedId, QString::number(failedId)) && setState(q, kFailure, failure);
    if (!ok || !db.commit()) {
        const auto err = storageError(tr("Cannot save audit events"), q.lastError().text());
        db.rollback();
        return err;
    }
    return {};
}

QString AuditStore::whereClause(const AuditFilter &f, bool upper, bool lower) const
{
    // Id bounds only when there are some: an unbounded COUNT(*) is then answered from
    // the smallest index instead of a walk of the whole table.
    QStringList where;
    if (upper)
        where << QStringLiteral("e.id < :upper");
    if (lower)
        where << QStringLiteral("e.id >= :lower");
    if (f.clientId > 0)
        where << QStringLiteral("e.client_id = :client");
    if (!f.clientText.isEmpty())
        where << QStringLiteral("e.client_id IN (SELECT id FROM clients WHERE name LIKE :ctext ESCAPE '\\')");
    if (!f.type.isEmpty())
        where << QStringLiteral("e.type = :type");
    if (!f.actor.isEmpty())
        where << QStringLiteral("e.actor_label = :actor COLLATE NOCASE");
    if (usesSearchIndex(f))
        where << QStringLiteral("audit_fts MATCH :t") +
                     (upper ? QStringLiteral(" AND audit_fts.rowid < :upper") : QString()) +
                     (lower ? QStringLiteral(" AND audit_fts.rowid >= :lower") : QString());
    else if (!f.text.isEmpty())
        where << QStringLiteral("(e.type LIKE :t ESCAPE '\\' OR e.actor_label LIKE :t ESCAPE '\\' OR e.address LIKE "
                                ":t ESCAPE '\\' OR e.user_agent LIKE :t ESCAPE '\\' OR e.details LIKE :t ESCAPE '\\')");
    return where.join(QStringLiteral(" AND "));
}

bool AuditStore::prepare(QSqlQuery &q, const QString &columns, const AuditFilter &f, const Seek &seek) const
{
    const auto db = m_cache->database();
    qint64 upper = seek.beforeId > 0 ? seek.beforeId : std::numeric_limits<qint64>::max();
    qint64 lower = seek.afterId > 0 ? seek.afterId + 1 : 0;
    if (f.to.isValid())
        upper = qMin(upper, firstIdAtOrAfter(db, f.to));
    if (f.from.isValid())
        lower = qMax(lower, firstIdAtOrAfter(db, f.from));
    // Free text of three characters or more comes from the trigram index, which then
    // drives the query: CROSS JOIN keeps it the outer loop, walking its rowids in order
    // and stopping at the limit, so a term that matches nothing costs one index lookup
    // instead of reading every event.
    const bool fts = usesSearchIndex(f);
    QString from = fts ? QStringLiteral("audit_fts CROSS JOIN audit_events e ON e.id = audit_fts.rowid")
                       : QStringLiteral("audit_events e");
    if (columns.contains(QStringLiteral("c.")))
        from += QStringLiteral(" LEFT JOIN clients c ON c.id = e.client_id");
    const bool bounded = upper != std::numeric_limits<qint64>::max();
    const QString where = whereClause(f, bounded, lower > 0);
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(columns, from);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    if (seek.limit > 0) {
        sql += QStringLiteral(" ORDER BY %1 %2 LIMIT :limit")
                   .arg(fts ? QStringLiteral("audit_fts.rowid") : QStringLiteral("e.id"),
                        seek.oldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC"));
        if (seek.offset > 0)
            sql += QStringLiteral(" OFFSET :offset");
        if (seek.countRows)
            sql = QStringLiteral("SELECT COUNT(*) FROM (%1)").arg(sql);
    }
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    if (bounded)
        q.bindValue(QStringLiteral(":upper"), upper);
    if (lower > 0)
        q.bindValue(QStringLiteral(":lower"), lower);
    if (f.clientId > 0)
        q.bindValue(QStringLiteral(":client"), f.clientId);
    if (!f.clientText.isEmpty())
        q.bindValue(QStringLiteral(":ctext"), SqlText::likeContains(f.clientText));
    if (!f.type.isEmpty())
        q.bindValue(QStringLiteral(":type"), f.type);
    if (!f.actor.isEmpty())
        q.bindValue(QStringLiteral(":actor"), f.actor);
    if (!f.text.isEmpty())
        q.bindValue(QStringLiteral(":t"),
                    usesSearchIndex(f) ? SqlText::ftsPhrase(f.text) : SqlText::likeContains(f.text));
    if (seek.limit > 0)
        q.bindValue(QStringLiteral(":limit"), seek.limit);
    if (seek.limit > 0 && seek.offset > 0)
        q.bindValue(QStringLiteral(":offset"), seek.offset);
    return q.exec();
}

Result<qint64> AuditStore::count(const AuditFilter &f, qint64 afterId) const
{
    QSqlQuery q(m_cache->database());
    if (!prepare(q, QStringLiteral("COUNT(*)"), f, Seek{0, afterId, 0, false, 0}) || !q.next())
        return storageError(tr("Cannot count audit events"), q.lastError().text());
    return q.value(0).toLongLong();
}

Result<qint64> AuditStore::countUpTo(const AuditFilter &f, qint64 cap) const
{
    // The newest `cap` matches only: the read stops there.
    QSqlQuery q(m_cache->database());
    if (!prepare(q, QStringLiteral("1"), f, Seek{0, 0, int(qMin<qint64>(cap, INT_MAX)), false, 0, true}) || !q.next())
        return storageError(tr("Cannot count audit events"), q.lastError().text());
    return q.value(0).toLongLong();
}

bool AuditStore::countIsCostly(const AuditFilter &f)
{
    return usesSearchIndex(f);
}

Result<qint64> AuditStore::idAt(const AuditFilter &f, qint64 offset, bool oldestFirst) const
{
    // Only the ids are stepped over (an index or the table's own b-tree), never the
    // columns of the skipped rows.
    QSqlQuery q(m_cache->database());
    if (!prepare(q, QStringLiteral("e.id"), f, Seek{0, 0, 1, oldestFirst, offset}))
        return storageError(tr("Cannot read the audit log"), q.lastError().text());
    return q.next() ? q.value(0).toLongLong() : 0;
}

namespace {
const QString kFullColumns =
    QStringLiteral("e.id, e.time, e.type, e.actor_kind, e.actor_id, e.actor_label, e.client_id, e.address, "
                   "e.user_agent, e.details, e.prev_hash, e.hash, ifnull(c.name, '')");

AuditRow fullRow(const QSqlQuery &q)
{
    AuditRow r;
    auto &e = r.event;
    e.id = q.value(0).toLongLong();
    e.time = fromWireTime(q.value(1).toString());
    e.type = q.value(2).toString();
    e.actorKind = q.value(3).toString();
    e.actorId = q.value(4).toLongLong();
    e.actorLabel = q.value(5).toString();
    e.clientId = q.value(6).toLongLong();
    e.address = q.value(7).toString();
    e.userAgent = q.value(8).toString();
    e.details = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    e.prevHash = q.value(10).toString();
    e.hash = q.value(11).toString();
    r.clientName = q.value(12).toString();
    return r;
}
} // namespace

Result<QList<AuditRow>> AuditStore::page(const AuditFilter &f, qint64 beforeId, int limit) const
{
    QSqlQuery q(m_cache->database());
    if (!prepare(q, kFullColumns, f, Seek{beforeId, 0, limit, false, 0}))
        return storageError(tr("Cannot read the audit log"), q.lastError().text());
    QList<AuditRow> rows;
    rows.reserve(limit);
    while (q.next())
        rows.append(fullRow(q));
    return rows;
}

quint32 AuditStore::intern(const QString &s) const
{
    // Types, actors, client names and addresses repeat across many events; the pool
    // keeps each once. It only grows while the store lives (one viewer session).
    if (s.isEmpty())
        return 0;
    const auto it = m_poolIndex.constFind(s);
    if (it != m_poolIndex.cend())
        return *it;
    const auto index = quint32(m_pool.size());
    m_pool.append(s);
    m_poolIndex.insert(s, index);
    return index;
}

Result<QList<AuditListRow>> AuditStore::listPage(const AuditFilter &f, qint64 beforeId, int limit) const
{
    return listRows(f, Seek{beforeId, 0, limit, false, 0});
}

Result<QList<AuditListRow>> AuditStore::listPageAfter(const AuditFilter &f, qint64 afterId, int limit) const
{
    return listRows(f, Seek{0, afterId, limit, true, 0});
}

Result<QList<AuditListRow>> AuditStore::listRows(const AuditFilter &f, const Seek &seek) const
{
    const int limit = seek.limit;
    QSqlQuery q(m_cache->database());
    if (!prepare(q,
                 QStringLiteral("e.id, e.time, e.type, e.actor_label, e.actor_kind, e.client_id, e.address, "
                                "ifnull(c.name, '')"),
                 f, seek))
        return storageError(tr("Cannot read the audit log"), q.lastError().text());
    QList<AuditListRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        AuditListRow r;
        r.id = q.value(0).toLongLong();
        r.timeMs = fromWireTime(q.value(1).toString()).toMSecsSinceEpoch();
        r.type = intern(q.value(2).toString());
        const auto actor = q.value(3).toString();
        r.actor = intern(actor.isEmpty() ? q.value(4).toString() : actor);
        r.clientId = q.value(5).toLongLong();
        r.address = intern(q.value(6).toString());
        r.clientName = intern(q.value(7).toString());
        rows.append(std::move(r));
    }
    return rows;
}

std::optional<AuditRow> AuditStore::event(qint64 id) const
{
    QSqlQuery q(m_cache->database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit_events e LEFT JOIN clients c ON c.id = e.client_id WHERE e.id = ?")
                  .arg(kFullColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fullRow(q);
}

QJsonObject AuditStore::detailsOf(qint64 id) const
{
    QSqlQuery q(m_cache->database());
    q.prepare(QStringLiteral("SELECT details FROM audit_events WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    const QString details = q.value(0).toString();
    return details == u"{}" ? QJsonObject() : QJsonDocument::fromJson(details.toUtf8()).object();
}

QStringList AuditStore::knownTypes() const
{
    // DISTINCT over the (type, id) index skips from type to type: cheap even at 1M rows.
    QSqlQuery q(m_cache->database());
    QStringList types;
    if (q.exec(QStringLiteral("SELECT DISTINCT type FROM audit_events ORDER BY type"))) {
        while (q.next())
            types << q.value(0).toString();
    }
    return types;
}

} // namespace Gatehouse
