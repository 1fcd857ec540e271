// SPDX-License-Identifier: Apache-2.0
#include "browserverification.h"

#include "clientevent.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/crypto.h"
#include "http/clientaddress.h"
#include "pages/devicename.h"
#include "sessions/clientsessions.h"
#include "sessions/sessioncookie.h"

namespace Gatehouse::Server {

BrowserVerification::BrowserVerification(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_keyring(keyring), m_audit(database), m_response(config), m_sessions(config, keyring)
{}

Result<BrowserVerification::Confirmed> BrowserVerification::confirm(QSqlDatabase &db, const RequestContext &context,
                                                                    const SessionStore::SessionRow &session,
                                                                    QStringView via) const
{
    const auto now = Clock::now();
    const QByteArray secret = Crypto::randomBytes(32);
    const QString address = clientAddress(context.request, m_config);
    const QString device = describeDevice(context.request.header("user-agent"));
    auto browserId = SessionStore::insertBrowser(db, Crypto::sha256Hex(secret), session.clientId, now,
                                                 now.addSecs(LifetimeSeconds), address, device);
    if (!browserId)
        return browserId.error();
    if (auto r = SessionStore::setPending(db, session.id, QString(), false); !r)
        return r.error();
    // B6: the session gets a fresh id in this very answer, and the id it had on the
    // verify screen stops working as this transaction commits. Waiting for the next
    // request (as a change made elsewhere must) would hand the new id to whoever
    // presented the old one first.
    auto renewed = m_sessions.renew(db, session.id);
    if (!renewed)
        return renewed.error();

    const QJsonObject details{{QStringLiteral("browser_id"), *browserId},
                              {QStringLiteral("device"), device},
                              {QStringLiteral("session_id"), session.id},
                              {QStringLiteral("via"), via.toString()}};
    if (auto r =
            m_audit.append(db, clientEvent(context, m_config, AuditType::BrowserVerified, session.clientId, details));
        !r)
        return r.error();
    return Confirmed{SessionCookie::setCookie(SessionCookie::BrowserName,
                                              SessionCookie::sign(m_keyring, ClientSessions::BrowserPurpose, secret),
                                              LifetimeSeconds),
                     m_sessions.setCookieHeader(*renewed)};
}

HttpResponse BrowserVerification::toHub(const Confirmed &confirmed) const
{
    HttpResponse r;
    r.status = 303; // never a client-supplied target (B8)
    r.setHeader("Location", "/portal/hub");
    m_response.addPageHeaders(r);
    r.headers.append({QByteArray("Set-Cookie"), confirmed.sessionCookie});
    r.headers.append({QByteArray("Set-Cookie"), confirmed.browserCookie});
    return r;
}

} // namespace Gatehouse::Server
