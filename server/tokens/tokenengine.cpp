// SPDX-License-Identifier: Apache-2.0
#include "tokenengine.h"

#include "common/crypto.h"
#include "config.h"
#include "storage/sessionstore.h"

#include <QCryptographicHash>

namespace Gatehouse::Server {

namespace {

// Reusable links (F12) live until staff regenerate or revoke them; ten years stands
// for "no expiry" and keeps the column NOT NULL and the consume query uniform.
constexpr qint64 ReusableLifetimeSeconds = qint64(3650) * 86400;

} // namespace

QString purposeName(TokenPurpose purpose)
{
    switch (purpose) {
    case TokenPurpose::Invite:
        return QStringLiteral("invite");
    case TokenPurpose::SignIn:
        return QStringLiteral("sign_in");
    case TokenPurpose::VerifyBrowser:
        break;
    }
    return QStringLiteral("verify_browser");
}

TokenEngine::TokenEngine(const Config &config)
    : m_publicUrl(config.publicUrl), m_inviteTtlSeconds(config.inviteTtlSeconds),
      m_signInTtlSeconds(config.signInTtlSeconds), m_reusable(config.linkPolicyReusable)
{
    while (m_publicUrl.endsWith(u'/'))
        m_publicUrl.chop(1);
}

QLatin1StringView TokenEngine::rejectionName(Rejection rejection)
{
    switch (rejection) {
    case Rejection::None:
        return QLatin1StringView("none");
    case Rejection::Unknown:
        return QLatin1StringView("unknown");
    case Rejection::Used:
        return QLatin1StringView("used");
    case Rejection::Expired:
        return QLatin1StringView("expired");
    case Rejection::Revoked:
        return QLatin1StringView("revoked");
    case Rejection::Superseded:
        return QLatin1StringView("superseded");
    case Rejection::Purpose:
        return QLatin1StringView("purpose");
    case Rejection::WrongClient:
        break;
    }
    return QLatin1StringView("client");
}

QString TokenEngine::hashOf(QStringView token)
{
    // Plain SHA-256, the same digest as Crypto::sha256Hex(), without a QCA provider
    // lookup and context per call: every consume hashes the token twice.
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

QString TokenEngine::portalUrl(const QString &token) const
{
    return m_publicUrl + QStringLiteral("/portal/") + token;
}

QDateTime TokenEngine::expiryFor(TokenPurpose purpose, const QDateTime &now) const
{
    const bool reusable = m_reusable && purpose == TokenPurpose::Invite;
    const qint64 ttl = reusable                          ? ReusableLifetimeSeconds
                       : purpose == TokenPurpose::Invite ? m_inviteTtlSeconds
                                                         : m_signInTtlSeconds;
    return now.addSecs(ttl);
}

Result<TokenEngine::Issued> TokenEngine::issue(QSqlDatabase &db, const IssueRequest &request) const
{
    const QString purpose = purposeName(request.purpose);
    // B2: one live sign-in link per client. Invites are cancelled by regenerate (F7),
    // which the caller does explicitly with its own reason.
    if (request.purpose == TokenPurpose::SignIn) {
        auto cancelled =
            TokenStore::revokeLive(db, request.clientId, purpose, QStringLiteral("superseded"), request.now);
        if (!cancelled)
            return cancelled.error();
    }
    const bool reusable = m_reusable && request.purpose == TokenPurpose::Invite;
    Issued issued;
    issued.token = Crypto::newToken();
    issued.expiresAt = expiryFor(request.purpose, request.now);
    TokenStore::NewToken row;
    row.tokenHash = hashOf(issued.token);
    row.purpose = purpose;
    row.clientId = request.clientId;
    row.reusable = reusable;
    row.createdAt = request.now;
    row.expiresAt = issued.expiresAt;
    row.issuedBy = request.issuedBy;
    row.address = request.address;
    row.userAgent = request.userAgent;
    auto id = TokenStore::insert(db, row);
    if (!id)
        return id.error();
    issued.tokenId = *id;
    return issued;
}

Result<TokenEngine::Outcome> TokenEngine::consume(QSqlDatabase &db, QStringView token, TokenPurpose a, TokenPurpose b,
                                                  const QDateTime &now, const QString &address,
                                                  const QString &userAgent, qint64 expectedClientId) const
{
    Outcome outcome;
    // Shape first: garbage, overlong or non-ASCII input never reaches the database.
    if (!Crypto::looksLikeToken(token)) {
        outcome.rejection = Rejection::Unknown;
        return outcome;
    }
    const QString hash = hashOf(token);
    auto consumed =
        TokenStore::consume(db, hash, purposeName(a), purposeName(b), now, address, userAgent, expectedClientId);
    if (!consumed)
        return consumed.error();
    if (consumed->has_value()) {
        outcome.clientId = (*consumed)->clientId;
        auto client = SessionStore::clientAccess(db, outcome.clientId);
        if (!client)
            return client.error();
        // B1: the token's client must still exist and hold access.
        if (!client->has_value() || (*client)->deleted || (*client)->status == u"revoked") {
            outcome.rejection = Rejection::Revoked;
            return outcome;
        }
        outcome.consumed = *consumed;
        outcome.client = **client;
        return outcome;
    }

    // Not consumed: find out why, for a clear page and an honest audit entry.
    auto state = TokenStore::find(db, hash);
    if (!state)
        return state.error();
    if (!state->has_value()) {
        outcome.rejection = Rejection::Unknown;
        return outcome;
    }
    const auto &s = **state;
    outcome.clientId = s.clientId;
    auto client = SessionStore::clientAccess(db, s.clientId);
    if (!client)
        return client.error();
    if (s.purpose != purposeName(a) && s.purpose != purposeName(b))
        outcome.rejection = Rejection::Purpose;
    else if (expectedClientId > 0 && s.clientId != expectedClientId)
        outcome.rejection = Rejection::WrongClient;
    else if (!client->has_value() || (*client)->deleted || (*client)->status == u"revoked" ||
             s.revokedReason == u"revoked")
        outcome.rejection = Rejection::Revoked;
    else if (!s.revokedReason.isEmpty())
        outcome.rejection = Rejection::Superseded;
    else if (s.consumed && !s.reusable)
        outcome.rejection = Rejection::Used;
    else if (s.expiresAt <= now)
        outcome.rejection = Rejection::Expired;
    else
        outcome.rejection = Rejection::Unknown; // changed under us; treat as not valid
    return outcome;
}

} // namespace Gatehouse::Server
