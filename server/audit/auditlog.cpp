// SPDX-License-Identifier: Apache-2.0
#include "auditlog.h"

#include "clock.h"
#include "common/apitypes.h"
#include "common/errorcode.h"
#include "storage/tokenstore.h"
#include "storage/writetransaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Gatehouse::Server {

namespace {

Error sqlError(const QString &what, const QSqlQuery &q)
{
    return Error{QString(ErrorCode::StorageError), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

const QString kColumns = QStringLiteral(
    "id, time, type, actor_kind, actor_id, actor_label, client_id, address, user_agent, details, prev_hash, hash");

AuditEvent eventFrom(const QSqlQuery &q)
{
    AuditEvent e;
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
    return e;
}

// AuditEvent::computeHash() over Qt's SHA-256 instead of a QCA context per call (two or
// three appends per consume). Same bytes in, same digest out; verify() still checks
// every entry with computeHash() itself.
QString chainHash(const AuditEvent &e)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(e.prevHash.toLatin1());
    hash.addData(e.canonical());
    return QString::fromLatin1(hash.result().toHex());
}

Result<AuditHead> headOn(QSqlDatabase &db)
{
    // Prepared once per thread and connection: every consume appends twice (hot path).
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read the audit log head"), q);
    AuditHead head;
    if (q.next()) {
        head.id = q.value(0).toLongLong();
        head.hash = q.value(1).toString();
    }
    q.finish();
    return head;
}

} // namespace

Result<qint64> AuditLog::append(QSqlDatabase &db, const AuditRecord &record) const
{
    // On the write connection the head is remembered from the last append (the turn
    // makes it exact); it is read back only after a rollback or another connection's
    // commit (Database::chainHead()).
    const bool onWriter = m_database.holdsWriter(db);
    const auto remembered = onWriter ? m_database.chainHead() : std::nullopt;
    auto head = remembered ? Result<AuditHead>(AuditHead{remembered->id, remembered->hash}) : headOn(db);
    if (!head)
        return head.error();
    AuditEvent e;
    e.id = head->id + 1;
    // QDateTime holds milliseconds, as the wire form does, so the hashed form and the
    // stored text agree without a round trip through the text.
    e.time = record.time.isValid() ? record.time.toUTC() : Clock::now();
    const QString wireTime = toWireTime(e.time);
    e.type = record.type;
    e.actorKind = record.actorKind.isEmpty() ? QStringLiteral("system") : record.actorKind;
    e.actorId = record.actorId;
    // The text columns are NOT NULL, and Qt binds a null QString as SQL NULL: records
    // that leave a field unset (system events, requests without a User-Agent) store ''.
    const auto text = [](const QString &value) { return value.isNull() ? QString::fromLatin1("") : value; };
    e.actorLabel = text(record.actorLabel);
    e.clientId = record.clientId;
    e.address = text(record.address);
    // User agents are attacker-chosen; a bounded length keeps one request from
    // bloating the log.
    e.userAgent = text(record.userAgent.left(512));
    e.details = record.details;
    e.prevHash = head->hash;
    e.hash = chainHash(e);

    auto &q = cachedQuery(db, QStringLiteral("INSERT INTO audit_events (") + kColumns +
                                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.id);
    q.addBindValue(wireTime);
    q.addBindValue(e.type);
    q.addBindValue(e.actorKind);
    q.addBindValue(e.actorId);
    q.addBindValue(e.actorLabel);
    q.addBindValue(e.clientId);
    q.addBindValue(e.address);
    q.addBindValue(e.userAgent);
    q.addBindValue(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.prevHash);
    q.addBindValue(e.hash);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot append to the audit log"), q);
    q.finish();
    if (onWriter)
        m_database.setChainHead({e.id, e.hash});
    return e.id;
}

Result<qint64> AuditLog::record(const AuditRecord &record) const
{
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto db = tx.connection();
    auto id = append(db, record);
    if (!id)
        return id.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

Result<AuditHead> AuditLog::head() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    return headOn(*db);
}

Result<QList<AuditEvent>> AuditLog::query(const AuditQuery &query) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QStringList where;
    QVariantList binds;
    const bool syncOrder = query.beforeId <= 0 && (query.afterId > 0 || query.oldestFirst);
    if (query.beforeId > 0) {
        where << QStringLiteral("id < ?");
        binds << query.beforeId;
    } else if (query.afterId > 0) {
        where << QStringLiteral("id > ?");
        binds << query.afterId;
    }
    if (query.clientId > 0) {
        where << QStringLiteral("client_id = ?");
        binds << query.clientId;
    }
    if (!query.type.isEmpty()) {
        where << QStringLiteral("type = ?");
        binds << query.type;
    }
    if (!query.actorKind.isEmpty()) {
        where << QStringLiteral("actor_kind = ?");
        binds << query.actorKind;
    }
    if (query.actorId > 0) {
        where << QStringLiteral("actor_id = ?");
        binds << query.actorId;
    }
    if (query.from.isValid()) {
        where << QStringLiteral("time >= ?");
        binds << toWireTime(query.from);
    }
    if (query.to.isValid()) {
        where << QStringLiteral("time < ?");
        binds << toWireTime(query.to);
    }
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_events");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += syncOrder ? QStringLiteral(" ORDER BY id ASC LIMIT ?") : QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << qBound(1, query.limit, 1000);

    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const auto &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read the audit log"), q);
    QList<AuditEvent> events;
    while (q.next())
        events.append(eventFrom(q));
    return events;
}

Result<AuditLog::Verification> AuditLog::verify() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_events ORDER BY id ASC")))
        return sqlError(QStringLiteral("cannot read the audit log"), q);
    Verification v;
    QString expectedPrev = AuditEvent::genesisHash();
    qint64 expectedId = 1;
    while (q.next()) {
        const auto e = eventFrom(q);
        ++v.checked;
        if (e.id != expectedId) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 follows %2: entries are missing").arg(e.id).arg(expectedId - 1);
            break;
        }
        if (e.prevHash != expectedPrev) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 does not link to the entry before it").arg(e.id);
            break;
        }
        if (e.computeHash() != e.hash) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 was changed after it was written").arg(e.id);
            break;
        }
        expectedPrev = e.hash;
        ++expectedId;
    }
    return v;
}

} // namespace Gatehouse::Server
