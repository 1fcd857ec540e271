// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "mail/outbox.h"
#include "pages/pages.h"
#include "portal/browserverification.h"
#include "portal/portallimits.h"
#include "ratelimit/ratelimiter.h"
#include "sessions/clientsessions.h"
#include "sessions/shortcodes.h"
#include "tokens/tokenengine.h"

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// The lock's verify flow (SPEC F9, B4, B6). A session whose client requires sign-in and
// whose browser is not yet verified sees only the verify screen; from there:
//   POST /portal/verify/send   mails a code (and a verify link) to the address on file
//   POST /portal/verify        checks the code; on success the browser gets a long-lived
//                              __Host-gh_browser cookie and the session a fresh id
// The link in the same mail does the same when opened in this browser (PortalRoutes).
// Codes are six digits, stored only as HMAC under a server key, live 10 minutes and die
// after 5 wrong tries; requests are rate-limited like sign-in (F13).
class VerifyRoutes
{
public:
    VerifyRoutes(const Config &config, const Database &database, const Keyring &keyring);
    void registerRoutes(Router &router) const;

private:
    HttpResponse send(const RequestContext &context) const;
    HttpResponse confirm(const RequestContext &context) const;

    const Config &m_config;
    const Database &m_database;
    AuditLog m_audit;
    ClientSessions m_sessions;
    TokenEngine m_tokens;
    ShortCodes m_codes;
    BrowserVerification m_verification;
    Outbox m_outbox;
    RateLimiter m_limiter;
    Pages m_pages;
    PortalLimits m_limits;
};

} // namespace Gatehouse::Server
