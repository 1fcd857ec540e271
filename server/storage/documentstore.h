// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace Gatehouse::Server {

// Client documents (F10), kept as BLOBs in the database: one file to back up, and an
// upload commits (or not) together with its audit entry, with no orphaned files and no
// paths built from user input.
class DocumentStore
{
public:
    struct Document
    {
        qint64 id = 0;
        qint64 clientId = 0;
        QString name;
        QString contentType;
        qint64 size = 0;
        QDateTime createdAt;

        QJsonObject toJson() const;
    };

    struct NewDocument
    {
        qint64 clientId = 0;
        QString name;
        QString contentType;
        QByteArray content;
        QString tokenHash; // SHA-256 hex of the link token; the token itself never comes here
        qint64 createdBy = 0;
    };

    struct Download
    {
        Document document;
        QByteArray content;
    };

    // What a document link (/d/{token}) leads to. A revoked link or a revoked client
    // carries no content: the caller shows a page, never the bytes.
    struct LinkTarget
    {
        qint64 linkId = 0;
        QString revokedReason; // empty while the link lives; "revoked" or "regenerated"
        QString clientStatus;
        Download download;
    };

    explicit DocumentStore(const Database &database) : m_database(database) {}

    Result<QList<Document>> list(qint64 clientId) const;
    Result<Document> insert(QSqlDatabase &db, const NewDocument &document, const QDateTime &now) const;
    // The live document `id` of `clientId` (another client's id → nullopt).
    Result<std::optional<Document>> find(QSqlDatabase &db, qint64 clientId, qint64 id) const;
    Result<void> remove(QSqlDatabase &db, qint64 id, const QDateTime &now) const;
    // A new link for a live document (F10: each link is a separate grant).
    Result<qint64> addLink(QSqlDatabase &db, qint64 documentId, const QString &tokenHash, qint64 createdBy,
                           const QDateTime &now) const;
    // Ends every live link of the client's documents with `reason` ("revoked" or
    // "regenerated"); returns how many.
    Result<int> revokeLinks(QSqlDatabase &db, qint64 clientId, const QString &reason, const QDateTime &now) const;
    // By link token hash; only live documents of clients that are not deleted.
    Result<std::optional<LinkTarget>> findByTokenHash(const QString &tokenHash) const;
    // The bytes of the live document `id` of `clientId` (another client's id → nullopt).
    Result<std::optional<Download>> content(qint64 clientId, qint64 id) const;

private:
    const Database &m_database;
};

} // namespace Gatehouse::Server
