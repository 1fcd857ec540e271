// SPDX-License-Identifier: Apache-2.0
#include "browserverification.h"

#include "clientevent.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/crypto.h"
#include "pages/devicename.h"
#include "ratelimit/clientaddress.h"
#include "sessions/clientsessions.h"
#include "sessions/sessioncookie.h"

namespace Gatehouse::Server {

BrowserVerification::BrowserVerification(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_keyring(keyring), m_audit(database), m_response(config)
{}

Result<QByteArray> BrowserVerification::confirm(QSqlDatabase &db, const RequestContext &context,
                                                const SessionStore::SessionRow &session, QStringView via) const
{
    const auto now = Clock::now();
    const QByteArray secret = Crypto::randomBytes(32);
    const QString address = clientAddress(context.request, m_config);
    const QString device = describeDevice(context.request.header("user-agent"));
    auto browserId = SessionStore::insertBrowser(db, Crypto::sha256Hex(secret), session.clientId, now,
                                                 now.addSecs(LifetimeSeconds), address, device);
    if (!browserId)
        return browserId.error();
    // The fresh session id (B6) is issued by the hub on the very next request
    // (rotate_pending), the same path every privilege change of a session takes.
    if (auto r = SessionStore::setPending(db, session.id, QString(), true); !r)
        return r.error();

    const QJsonObject details{{QStringLiteral("browser_id"), *browserId},
                              {QStringLiteral("device"), device},
                              {QStringLiteral("session_id"), session.id},
                              {QStringLiteral("via"), via.toString()}};
    if (auto r =
            m_audit.append(db, clientEvent(context, m_config, AuditType::BrowserVerified, session.clientId, details));
        !r)
        return r.error();
    return SessionCookie::setCookie(SessionCookie::BrowserName,
                                    SessionCookie::sign(m_keyring, ClientSessions::BrowserPurpose, secret),
                                    LifetimeSeconds);
}

HttpResponse BrowserVerification::toHub(const QByteArray &browserCookie) const
{
    HttpResponse r;
    r.status = 303; // never a client-supplied target (B8)
    r.setHeader("Location", "/portal/hub");
    m_response.addPageHeaders(r);
    r.headers.append({QByteArray("Set-Cookie"), browserCookie});
    return r;
}

} // namespace Gatehouse::Server
