// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"
#include "database.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// Every SQL statement of the portal lives here, behind plain C++ calls, so route
// handlers never see SQL and a PostgreSQL variant can replace this one file.
// All calls run on the calling thread's connection; failures come back as
// StorageError (a 500 for API callers) except where a method says otherwise.
class Storage
{
public:
    struct StaffCredentials
    {
        StaffMember member;
        QString passwordHash;
    };

    struct TokenOwner
    {
        qint64 tokenId = 0;
        StaffMember staff;
    };

    struct NewApiToken
    {
        qint64 staffId = 0;
        QString tokenHash; // SHA-256 hex of the bearer secret; the secret itself never comes here
        QDateTime createdAt;
        QDateTime expiresAt;
        QString userAgent;
        QString address;
    };

    struct NewClient
    {
        QString name;
        QString email;
        QString matter;
        qint64 partnerId = 0; // 0: none
        bool requireSignIn = false;
        bool phoneConfirmation = false;
    };

    struct ClientChanges
    {
        QList<ClientRecord> clients;
        bool hasMore = false;
    };

    explicit Storage(const Database &database) : m_database(database) {}

    const Database &database() const { return m_database; }

    // Staff
    Result<std::optional<StaffCredentials>> findStaffByEmail(const QString &email) const;
    Result<std::optional<StaffMember>> findStaffById(qint64 id) const;
    // Fails with ErrorCode::Conflict when the email is taken (emails compare case-insensitively).
    Result<StaffMember> insertStaff(const QString &email, const QString &name, StaffRole role,
                                    const QString &passwordHash) const;
    Result<bool> anyAdminExists() const;

    // Staff API tokens
    Result<void> insertApiToken(const NewApiToken &token) const;
    // A token that is neither revoked nor expired at `now`, with its enabled owner.
    Result<std::optional<TokenOwner>> findLiveToken(const QString &tokenHash, const QDateTime &now) const;
    Result<void> touchApiToken(qint64 tokenId, const QDateTime &now) const;
    Result<void> revokeApiToken(qint64 tokenId, const QDateTime &now) const;

    // Clients
    Result<ClientRecord> insertClient(const NewClient &client) const;
    // The same inside the caller's WriteTransaction (so its audit entry commits with it);
    // returns the new id.
    Result<qint64> insertClientIn(QSqlDatabase &db, const NewClient &client) const;
    Result<std::optional<ClientRecord>> findClient(qint64 id) const;
    // Rows with change_seq > afterSeq in change order, deleted tombstones included.
    Result<ClientChanges> clientsChangedAfter(qint64 afterSeq, int limit) const;
    Result<qint64> countClients() const;

private:
    const Database &m_database;
};

} // namespace Gatehouse::Server
