// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "storage/sessionstore.h"
#include "storage/tokenstore.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

struct Config;

enum class TokenPurpose { Invite, SignIn, VerifyBrowser };
QString purposeName(TokenPurpose purpose);

// Magic links (SPEC F2, F3, F7, F12, B1, B2, R2, R3): issues 32 random bytes as a
// 43-character base64url token and stores only its SHA-256; consumes with one
// conditional update. Runs inside the caller's WriteTransaction, so the token, the
// session it opens, the mail it queues and the audit entries commit together.
class TokenEngine
{
public:
    explicit TokenEngine(const Config &config);

    struct Issued
    {
        QString token; // shown once (the staff answer, the mail); never stored
        qint64 tokenId = 0;
        QDateTime expiresAt;
    };

    struct IssueRequest
    {
        TokenPurpose purpose = TokenPurpose::Invite;
        qint64 clientId = 0;
        qint64 issuedBy = 0; // staff id; 0 when the client asked
        QString address;
        QString userAgent;
        QDateTime now;
    };

    // Why a token was not accepted; the names go into the audit (details.reason).
    enum class Rejection { None, Unknown, Used, Expired, Revoked, Superseded, Purpose, WrongClient };
    static QLatin1StringView rejectionName(Rejection rejection);

    struct Outcome
    {
        std::optional<TokenStore::Consumed> consumed;
        Rejection rejection = Rejection::None;
        qint64 clientId = 0; // known for every rejection but Unknown
        // The client's access row as read in the consuming transaction (set with
        // `consumed`), so callers need not read it a second time.
        std::optional<SessionStore::ClientAccess> client;
    };

    // A new token. A sign-in token cancels the client's older sign-in tokens (B2).
    Result<Issued> issue(QSqlDatabase &db, const IssueRequest &request) const;

    // Consumes `token` if it has purpose a or b (B1), belongs to a client that is
    // still there and not revoked (and is `expectedClientId`, when given: a browser
    // verification must be for the client of the session asking), and is live under
    // its link policy. On rejection the caller must roll back.
    Result<Outcome> consume(QSqlDatabase &db, QStringView token, TokenPurpose a, TokenPurpose b, const QDateTime &now,
                            const QString &address, const QString &userAgent, qint64 expectedClientId = 0) const;

    // The client-facing link, always from the configured public URL (B8).
    QString portalUrl(const QString &token) const;
    // When a link of `purpose` issued at `now` expires under the link policy (F12);
    // also what the invite preview states.
    QDateTime expiryFor(TokenPurpose purpose, const QDateTime &now) const;

    static QString hashOf(QStringView token);

private:
    QString m_publicUrl;
    qint64 m_inviteTtlSeconds;
    qint64 m_signInTtlSeconds;
    bool m_reusable;
};

} // namespace Gatehouse::Server
