// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h" // cachedQuery()

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// The SQL of magic links (SPEC F2, F3, F7, F8, F12, B1, B2). Every method runs on the
// caller's connection, inside its WriteTransaction where it writes; the token itself
// never comes here, only its SHA-256 in hex.
class TokenStore
{
public:
    struct NewToken
    {
        QString tokenHash;
        QString purpose; // invite | sign_in | verify_browser
        qint64 clientId = 0;
        bool reusable = false;
        QDateTime createdAt;
        QDateTime expiresAt;
        qint64 issuedBy = 0; // staff id, 0: the client asked (sign-in by email)
        QString address;
        QString userAgent;
    };

    struct Consumed
    {
        qint64 tokenId = 0;
        qint64 clientId = 0;
        QString purpose;
        int useCount = 0;
    };

    // What a token that could not be consumed looks like, to tell the client why.
    struct TokenState
    {
        qint64 tokenId = 0;
        qint64 clientId = 0;
        QString purpose;
        bool consumed = false;
        bool reusable = false;
        QDateTime expiresAt;
        QString revokedReason; // empty while not revoked
    };

    static Result<qint64> insert(QSqlDatabase &db, const NewToken &token);

    // Kills the client's live tokens (of one purpose, or all when `purpose` is empty)
    // at once; returns how many died.
    static Result<int> revokeLive(QSqlDatabase &db, qint64 clientId, const QString &purpose, const QString &reason,
                                  const QDateTime &now);

    // The one atomic conditional update (R3): marks the token used if, and only if, it
    // has one of the two purposes, is not revoked, not expired and (unless reusable)
    // not used yet, and belongs to `clientId` when that is not 0. Of many concurrent
    // callers exactly one gets a row for a single-use token.
    static Result<std::optional<Consumed>> consume(QSqlDatabase &db, const QString &tokenHash, const QString &purposeA,
                                                   const QString &purposeB, const QDateTime &now,
                                                   const QString &address, const QString &userAgent,
                                                   qint64 clientId = 0);

    static Result<std::optional<TokenState>> find(QSqlDatabase &db, const QString &tokenHash);
};

} // namespace Gatehouse::Server
