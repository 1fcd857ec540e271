// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "pages/pages.h"
#include "portal/endsessionlinks.h"
#include "sessions/clientsessions.h"

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// What a signed-in client does to their own sessions from the pages (SPEC F15, F11):
//   POST /portal/sign-out              end this browser's session
//   POST /portal/sign-out-everywhere   end every session of the client
//   GET  /portal/phone/status          {"state": pending|confirmed|ended} for phone.js
//   POST /portal/phone/continue        the no-script "Continue" of the phone page
//   GET  /portal/end-session/{ref}/{mac}   B7: what the new-sign-in mail's link opens
//   POST /portal/end-session/{ref}/{mac}   ends the one session the signed link names
// Every POST checks the CSRF token first (R5); the session comes only from the signed
// cookie, so a client reaches only their own sessions (R6).
class SessionRoutes
{
public:
    SessionRoutes(const Config &config, const Database &database, const Keyring &keyring);

    // Registers fixed paths; call before any "/portal/{token}" route so they match first.
    void registerRoutes(Router &router) const;

private:
    HttpResponse signOut(const RequestContext &context, bool everywhere) const;
    HttpResponse phoneStatus(const RequestContext &context) const;
    HttpResponse phoneContinue(const RequestContext &context) const;
    HttpResponse endFromMail(const RequestContext &context, bool confirmed) const;

    const Config &m_config;
    const Database &m_database;
    AuditLog m_audit;
    ClientSessions m_sessions;
    EndSessionLinks m_endLinks;
    Pages m_pages;
};

} // namespace Gatehouse::Server
