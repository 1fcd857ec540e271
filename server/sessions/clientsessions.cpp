// SPDX-License-Identifier: Apache-2.0
#include "clientsessions.h"

#include "common/crypto.h"
#include "config.h"
#include "secrets/keyring.h"
#include "sessioncookie.h"

#include <QCryptographicHash>

namespace Gatehouse::Server {

namespace {

constexpr int SecretBytes = 32;

// What is stored of a session or browser secret: its SHA-256 in hex, the same digest
// as Crypto::sha256Hex() without a QCA provider lookup per call (hot: every consume
// and every hub request).
QString hashOf(const QByteArray &secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex());
}

} // namespace

ClientSessions::ClientSessions(const Config &config, const Keyring &keyring)
    : m_keyring(keyring), m_lifetimeSeconds(config.sessionLifetimeSeconds), m_idleSeconds(config.sessionIdleSeconds)
{}

Result<ClientSessions::Started> ClientSessions::start(QSqlDatabase &db, const SessionStore::NewSession &prototype) const
{
    const QByteArray secret = Crypto::randomBytes(SecretBytes);
    SessionStore::NewSession session = prototype;
    session.sessionHash = hashOf(secret);
    session.expiresAt = session.createdAt.addSecs(m_lifetimeSeconds);
    auto id = SessionStore::insertSession(db, session);
    if (!id)
        return id.error();
    return Started{*id, SessionCookie::sign(m_keyring, CookiePurpose, secret)};
}

Result<QByteArray> ClientSessions::renew(QSqlDatabase &db, qint64 sessionId) const
{
    const QByteArray secret = Crypto::randomBytes(SecretBytes);
    if (auto r = SessionStore::rotateSession(db, sessionId, hashOf(secret)); !r)
        return r.error();
    return SessionCookie::sign(m_keyring, CookiePurpose, secret);
}

Result<std::optional<ClientSessions::Resolved>> ClientSessions::resolve(QSqlDatabase &db, const HttpRequest &request,
                                                                        const QDateTime &now) const
{
    const QByteArray value = SessionCookie::fromRequest(request, SessionCookie::SessionName);
    // A forged or tampered cookie is rejected by its HMAC before any database lookup.
    const auto secret = SessionCookie::verify(m_keyring, CookiePurpose, value);
    if (!secret)
        return std::optional<Resolved>();
    auto row = SessionStore::findLiveSession(db, hashOf(*secret), now, idleCutoff(now));
    if (!row)
        return row.error();
    if (!row->has_value())
        return std::optional<Resolved>();
    return std::optional<Resolved>(Resolved{**row, *secret});
}

Result<std::optional<qint64>> ClientSessions::verifiedBrowser(QSqlDatabase &db, const HttpRequest &request,
                                                              qint64 clientId, const QDateTime &now) const
{
    const QByteArray value = SessionCookie::fromRequest(request, SessionCookie::BrowserName);
    if (value.isEmpty())
        return std::optional<qint64>();
    const auto secret = SessionCookie::verify(m_keyring, BrowserPurpose, value);
    if (!secret)
        return std::optional<qint64>();
    return SessionStore::findBrowser(db, hashOf(*secret), clientId, now);
}

ClientSessions::Device ClientSessions::deviceOf(const HttpRequest &request) const
{
    const QByteArray value = SessionCookie::fromRequest(request, SessionCookie::DeviceName);
    if (const auto secret = SessionCookie::verify(m_keyring, DevicePurpose, value))
        return Device{hashOf(*secret), {}};
    const QByteArray secret = Crypto::randomBytes(SecretBytes);
    return Device{hashOf(secret), SessionCookie::setCookie(SessionCookie::DeviceName,
                                                           SessionCookie::sign(m_keyring, DevicePurpose, secret),
                                                           DeviceLifetimeSeconds)};
}

QByteArray ClientSessions::setCookieHeader(const QByteArray &value) const
{
    return SessionCookie::setCookie(SessionCookie::SessionName, value, m_lifetimeSeconds);
}

} // namespace Gatehouse::Server
