// SPDX-License-Identifier: Apache-2.0
#include "documentstore.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

const QString Columns = QStringLiteral("d.id, d.client_id, d.name, d.content_type, d.size, d.created_at");

DocumentStore::Document documentFrom(const QSqlQuery &q)
{
    DocumentStore::Document d;
    d.id = q.value(0).toLongLong();
    d.clientId = q.value(1).toLongLong();
    d.name = q.value(2).toString();
    d.contentType = q.value(3).toString();
    d.size = q.value(4).toLongLong();
    d.createdAt = fromWireTime(q.value(5).toString());
    return d;
}

} // namespace

QJsonObject DocumentStore::Document::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("size"), size},
            {QStringLiteral("content_type"), contentType},
            {QStringLiteral("created_at"), toWireTime(createdAt)}};
}

Result<QList<DocumentStore::Document>> DocumentStore::list(qint64 clientId) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + Columns +
              QStringLiteral(" FROM documents d WHERE d.client_id = ? AND d.deleted_at IS NULL ORDER BY d.id"));
    q.addBindValue(clientId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot list documents"), q.lastError());
    QList<Document> documents;
    while (q.next())
        documents.append(documentFrom(q));
    return documents;
}

Result<DocumentStore::Document> DocumentStore::insert(QSqlDatabase &db, const NewDocument &document,
                                                      const QDateTime &now) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO documents (client_id, name, content_type, size, content, token_hash, "
                             "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(document.clientId);
    q.addBindValue(document.name);
    q.addBindValue(document.contentType);
    q.addBindValue(qint64(document.content.size()));
    q.addBindValue(document.content);
    q.addBindValue(document.tokenHash);
    q.addBindValue(document.createdBy > 0 ? QVariant(document.createdBy) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(toWireTime(now));
    if (!q.exec())
        return storageError(QStringLiteral("cannot store document"), q.lastError());
    Document d;
    d.id = q.lastInsertId().toLongLong();
    // The upload's link is the document's first grant, like every later one.
    if (auto link = addLink(db, d.id, document.tokenHash, document.createdBy, now); !link)
        return link.error();
    d.clientId = document.clientId;
    d.name = document.name;
    d.contentType = document.contentType;
    d.size = document.content.size();
    d.createdAt = fromWireTime(toWireTime(now));
    return d;
}

Result<std::optional<DocumentStore::Document>> DocumentStore::find(QSqlDatabase &db, qint64 clientId, qint64 id) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + Columns +
              QStringLiteral(" FROM documents d WHERE d.id = ? AND d.client_id = ? AND d.deleted_at IS NULL"));
    q.addBindValue(id);
    q.addBindValue(clientId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up document"), q.lastError());
    if (!q.next())
        return std::optional<Document>();
    return std::optional<Document>(documentFrom(q));
}

Result<void> DocumentStore::remove(QSqlDatabase &db, qint64 id, const QDateTime &now) const
{
    // The row stays (its id is named in the audit log); the bytes go at once.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE documents SET deleted_at = ?, content = x'' WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot remove document"), q.lastError());
    return {};
}

Result<qint64> DocumentStore::addLink(QSqlDatabase &db, qint64 documentId, const QString &tokenHash, qint64 createdBy,
                                      const QDateTime &now) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO document_links (document_id, token_hash, created_by, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(documentId);
    q.addBindValue(tokenHash);
    q.addBindValue(createdBy > 0 ? QVariant(createdBy) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(toWireTime(now));
    if (!q.exec())
        return storageError(QStringLiteral("cannot store document link"), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<int> DocumentStore::revokeLinks(QSqlDatabase &db, qint64 clientId, const QString &reason,
                                       const QDateTime &now) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE document_links SET revoked_at = ?, revoked_reason = ? WHERE revoked_at IS NULL "
                             "AND document_id IN (SELECT id FROM documents WHERE client_id = ?)"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(reason);
    q.addBindValue(clientId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot revoke document links"), q.lastError());
    return q.numRowsAffected();
}

Result<std::optional<DocumentStore::LinkTarget>> DocumentStore::findByTokenHash(const QString &tokenHash) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    // The bytes only for a live link of a client whose access stands.
    q.prepare(QStringLiteral("SELECT ") + Columns +
              QStringLiteral(", l.id, l.revoked_reason, c.status, CASE WHEN l.revoked_at IS NULL AND c.status <> "
                             "'revoked' THEN d.content ELSE x'' END FROM document_links l "
                             "JOIN documents d ON d.id = l.document_id JOIN clients c ON c.id = d.client_id "
                             "WHERE l.token_hash = ? AND d.deleted_at IS NULL AND c.deleted = 0"));
    q.addBindValue(tokenHash);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up document"), q.lastError());
    if (!q.next())
        return std::optional<LinkTarget>();
    LinkTarget target;
    target.download.document = documentFrom(q);
    target.linkId = q.value(6).toLongLong();
    target.revokedReason = q.value(7).toString();
    target.clientStatus = q.value(8).toString();
    target.download.content = q.value(9).toByteArray();
    return std::optional<LinkTarget>(target);
}

Result<std::optional<DocumentStore::Download>> DocumentStore::content(qint64 clientId, qint64 id) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT ") + Columns +
              QStringLiteral(", d.content FROM documents d WHERE d.id = ? AND d.client_id = ? AND "
                             "d.deleted_at IS NULL"));
    q.addBindValue(id);
    q.addBindValue(clientId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot read document"), q.lastError());
    if (!q.next())
        return std::optional<Download>();
    return std::optional<Download>(Download{documentFrom(q), q.value(6).toByteArray()});
}

} // namespace Gatehouse::Server
