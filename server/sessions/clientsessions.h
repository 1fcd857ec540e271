// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "http/httptypes.h"
#include "storage/sessionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <optional>

namespace Gatehouse::Server {

class Keyring;
struct Config;

// Server-side client sessions (SPEC F5, B6): random 32-byte ids carried in the signed
// __Host-gh_session cookie, stored only as SHA-256, with an absolute lifetime and an
// idle timeout, revocable by deleting the row.
class ClientSessions
{
public:
    ClientSessions(const Config &config, const Keyring &keyring);

    struct Started
    {
        qint64 sessionId = 0;
        QByteArray cookieValue; // signed; goes only into Set-Cookie
    };

    struct Resolved
    {
        SessionStore::SessionRow row;
        QByteArray secret; // the raw session id from the cookie (for code display, rotation)
    };

    // Inside the caller's WriteTransaction.
    Result<Started> start(QSqlDatabase &db, const SessionStore::NewSession &prototype) const;
    // Swaps the session's id for a fresh one (B6); returns the new cookie value.
    Result<QByteArray> renew(QSqlDatabase &db, qint64 sessionId) const;

    // The live session the request's cookie names, if its signature verifies.
    Result<std::optional<Resolved>> resolve(QSqlDatabase &db, const HttpRequest &request, const QDateTime &now) const;
    // The verified browser the request's browser cookie names for this client.
    Result<std::optional<qint64>> verifiedBrowser(QSqlDatabase &db, const HttpRequest &request, qint64 clientId,
                                                  const QDateTime &now) const;

    // The browser (device) a request comes from, for the new-sign-in notice (B7): named
    // by the secret in the signed, long-lived __Host-gh_device cookie, kept server side
    // only as SHA-256. A browser without a valid one gets a new one (`setCookie`).
    struct Device
    {
        QString hash;         // SHA-256 hex of the device secret
        QByteArray setCookie; // the Set-Cookie value to send; empty when the browser has one
    };
    Device deviceOf(const HttpRequest &request) const;

    QByteArray setCookieHeader(const QByteArray &value) const;
    QDateTime idleCutoff(const QDateTime &now) const { return now.addSecs(-m_idleSeconds); }
    qint64 lifetimeSeconds() const { return m_lifetimeSeconds; }
    const Keyring &keyring() const { return m_keyring; }

    static constexpr QStringView CookiePurpose = u"session-cookie";
    static constexpr QStringView BrowserPurpose = u"browser-cookie";
    static constexpr QStringView DevicePurpose = u"device-cookie";
    static constexpr qint64 DeviceLifetimeSeconds = 2 * 365 * 86400;

private:
    const Keyring &m_keyring;
    qint64 m_lifetimeSeconds;
    qint64 m_idleSeconds;
};

} // namespace Gatehouse::Server
