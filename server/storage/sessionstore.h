// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// The SQL of client sessions, verified browsers, short codes and the client columns
// the token engine maintains (status, last access). Secrets arrive only as SHA-256 or
// HMAC hex; writes run inside the caller's WriteTransaction.
class SessionStore
{
public:
    struct NewSession
    {
        QString sessionHash;
        qint64 clientId = 0;
        qint64 tokenId = 0;
        qint64 verifiedBrowserId = 0; // 0: this browser has not passed the lock
        QString pending;              // "", "verify" or "phone"
        QDateTime createdAt;
        QDateTime expiresAt;
        QString address;
        QString device;
    };

    struct SessionRow
    {
        qint64 id = 0;
        qint64 clientId = 0;
        QString pending;
        bool rotatePending = false;
        QDateTime createdAt;
        QDateTime lastSeenAt;
        QDateTime expiresAt;
        QString address;
        QString device;
        QString clientName;
        QString clientStatus;
    };

    // What staff see of a session or a verified browser (never its secret).
    struct AccessInfo
    {
        qint64 id = 0;
        QDateTime startedAt; // created_at / verified_at
        QDateTime lastSeenAt;
        QString address;
        QString device;
    };

    // The client facts the consume path decides on.
    struct ClientAccess
    {
        qint64 id = 0;
        QString name;
        QString email;
        QString status;
        bool deleted = false;
        bool requireSignIn = false;
        bool phoneConfirmation = false;
    };

    struct ShortCode
    {
        qint64 id = 0;
        qint64 sessionId = 0;
        QString keyId;
        QString nonce;
        QString codeHmac;
        int attempts = 0;
        QDateTime expiresAt;
    };

    // Sessions
    static Result<qint64> insertSession(QSqlDatabase &db, const NewSession &session);
    // A session that exists, has not passed its absolute expiry, and was seen after
    // `idleCutoff`; with the client's name and status.
    static Result<std::optional<SessionRow>> findLiveSession(QSqlDatabase &db, const QString &sessionHash,
                                                             const QDateTime &now, const QDateTime &idleCutoff);
    static Result<void> touchSession(QSqlDatabase &db, qint64 sessionId, const QDateTime &now, const QString &address,
                                     const QString &device);
    // Swaps the stored hash for a fresh id (B6) and clears rotate_pending.
    static Result<void> rotateSession(QSqlDatabase &db, qint64 sessionId, const QString &newHash);
    static Result<void> setPending(QSqlDatabase &db, qint64 sessionId, const QString &pending, bool rotate);
    // Ends the client's sessions; with `onlyUnverified`, those not tied to a verified
    // browser (B5). Returns how many ended.
    static Result<int> endSessions(QSqlDatabase &db, qint64 clientId, bool onlyUnverified = false);
    // F8: the client's sessions stop granting anything and show "access revoked".
    static Result<int> markRevoked(QSqlDatabase &db, qint64 clientId);
    static Result<bool> endSession(QSqlDatabase &db, qint64 clientId, qint64 sessionId);
    static Result<QList<AccessInfo>> listSessions(QSqlDatabase &db, qint64 clientId, const QDateTime &now,
                                                  const QDateTime &idleCutoff);
    // Sessions of all clients that are neither expired at `now` nor idle since `idleCutoff`.
    static Result<qint64> countOpen(QSqlDatabase &db, const QDateTime &now, const QDateTime &idleCutoff);

    // Verified browsers (F9)
    static Result<qint64> insertBrowser(QSqlDatabase &db, const QString &browserHash, qint64 clientId,
                                        const QDateTime &now, const QDateTime &expiresAt, const QString &address,
                                        const QString &device);
    static Result<std::optional<qint64>> findBrowser(QSqlDatabase &db, const QString &browserHash, qint64 clientId,
                                                     const QDateTime &now);
    static Result<QList<AccessInfo>> listBrowsers(QSqlDatabase &db, qint64 clientId, const QDateTime &now);
    // Ending a browser also ends the sessions that relied on it.
    static Result<bool> endBrowser(QSqlDatabase &db, qint64 clientId, qint64 browserId);
    static Result<int> endBrowsers(QSqlDatabase &db, qint64 clientId);

    // Short codes (B4)
    static Result<qint64> insertCode(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QString &purpose,
                                     const QString &keyId, const QString &nonce, const QString &codeHmac,
                                     const QDateTime &now, const QDateTime &expiresAt);
    // The newest unconfirmed code of this purpose for the client (and session, when
    // given), expired or not: the caller tells "expired" and "locked" apart.
    static Result<std::optional<ShortCode>> latestCode(QSqlDatabase &db, qint64 clientId, const QString &purpose,
                                                       qint64 sessionId = 0);
    // The unconfirmed code of this purpose for the client carrying `nonce` (a mailed
    // sign-in code is found through its link's token id).
    static Result<std::optional<ShortCode>> codeByNonce(QSqlDatabase &db, qint64 clientId, const QString &purpose,
                                                        const QString &nonce);
    static Result<int> countCodes(QSqlDatabase &db, qint64 sessionId, const QString &purpose);
    static Result<void> recordWrongCode(QSqlDatabase &db, qint64 codeId);
    static Result<void> confirmCode(QSqlDatabase &db, qint64 codeId, const QDateTime &now);

    // Clients
    static Result<std::optional<ClientAccess>> clientAccess(QSqlDatabase &db, qint64 clientId);
    static Result<std::optional<ClientAccess>> clientByEmail(QSqlDatabase &db, const QString &email);
    // Last access time, address and device; an invited client becomes active. Bumps
    // version and change_seq so the desktop app's feed carries it.
    static Result<void> recordClientAccess(QSqlDatabase &db, qint64 clientId, const QDateTime &now,
                                           const QString &address, const QString &device);
    // Status change (invited, revoked) with version and change_seq bumped.
    static Result<void> setClientStatus(QSqlDatabase &db, qint64 clientId, const QString &status, const QDateTime &now);
    // Only version and change_seq: for changes the feed must carry (sessions ended).
    static Result<void> bumpClient(QSqlDatabase &db, qint64 clientId, const QDateTime &now);
};

} // namespace Gatehouse::Server
