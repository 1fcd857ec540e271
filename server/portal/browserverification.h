// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "common/result.h"
#include "http/router.h"
#include "pages/pageresponse.h"
#include "sessions/clientsessions.h"
#include "storage/sessionstore.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// The last step of the lock (SPEC F9, B6), shared by its two ways in: the code typed on
// the verify screen and the link from the same email opened in that browser. The
// browser is remembered for the client (a long-lived __Host-gh_browser cookie whose
// secret is stored only as SHA-256), the session leaves "verify" and gets a fresh id in
// the same answer (the old id dies at once), and the audit records how it was confirmed.
class BrowserVerification
{
public:
    static constexpr qint64 LifetimeSeconds = 365 * 86400;

    BrowserVerification(const Config &config, const Database &database, const Keyring &keyring);

    // The Set-Cookie values a confirmation answers with.
    struct Confirmed
    {
        QByteArray browserCookie; // the long-lived __Host-gh_browser
        QByteArray sessionCookie; // the session's fresh id (B6)
    };

    // Inside the caller's WriteTransaction. `via` is "code" or "link" (audit detail).
    // Swaps the session's id for a fresh one at once (the old id dies with the commit);
    // send the result with toHub().
    Result<Confirmed> confirm(QSqlDatabase &db, const RequestContext &context, const SessionStore::SessionRow &session,
                              QStringView via) const;

    // The answer after a committed confirm(): on to the hub, carrying both cookies.
    HttpResponse toHub(const Confirmed &confirmed) const;

private:
    const Config &m_config;
    const Keyring &m_keyring;
    AuditLog m_audit;
    PageResponse m_response;
    ClientSessions m_sessions;
};

} // namespace Gatehouse::Server
