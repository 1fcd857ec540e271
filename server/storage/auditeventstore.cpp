// SPDX-License-Identifier: Apache-2.0
#include "auditeventstore.h"

#include "common/apitypes.h"
#include "database.h"
#include "storageerror.h"
#include "tokenstore.h" // storageError()

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

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

} // namespace

Result<AuditHead> AuditEventStore::head(QSqlDatabase &db)
{
    // Prepared once per thread and connection: every consume appends twice (hot path).
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"));
    if (!q.exec())
        return storageError(QStringLiteral("cannot read the audit log head"), q);
    AuditHead head;
    if (q.next()) {
        head.id = q.value(0).toLongLong();
        head.hash = q.value(1).toString();
    }
    q.finish();
    return head;
}

Result<void> AuditEventStore::insert(QSqlDatabase &db, const AuditEvent &e)
{
    auto &q = cachedQuery(db, QStringLiteral("INSERT INTO audit_events (") + kColumns +
                                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.id);
    q.addBindValue(toWireTime(e.time));
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
        return storageError(QStringLiteral("cannot append to the audit log"), q);
    q.finish();
    return {};
}

Result<QList<AuditEvent>> AuditEventStore::query(QSqlDatabase &db, const AuditQuery &query)
{
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

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const auto &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return storageError(QStringLiteral("cannot read the audit log"), q);
    QList<AuditEvent> events;
    while (q.next())
        events.append(eventFrom(q));
    return events;
}

Result<void> AuditEventStore::scan(QSqlDatabase &db, const std::function<bool(const AuditEvent &)> &visit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_events ORDER BY id ASC")))
        return storageError(QStringLiteral("cannot read the audit log"), q);
    while (q.next()) {
        if (!visit(eventFrom(q)))
            break;
    }
    return {};
}

} // namespace Gatehouse::Server
