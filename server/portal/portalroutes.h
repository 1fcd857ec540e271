// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "mail/linkmailer.h"
#include "mail/outbox.h"
#include "pages/pages.h"
#include "portal/browserverification.h"
#include "portal/endsessionlinks.h"
#include "portal/portallimits.h"
#include "ratelimit/ratelimiter.h"
#include "sessions/clientsessions.h"
#include "sessions/shortcodes.h"
#include "storage/documentstore.h"
#include "tokens/tokenengine.h"

#include <atomic>
#include <variant>

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// The client-facing consume core (SPEC F3, F4, F5, F6, F9, F11): GET/HEAD/POST
// /portal/{token} for invite, sign-in and verify links, the sign-in-by-email form, the
// hub and the client's document downloads (F10). Public routes: the
// caller is identified by the token or the signed session cookie, never by staff
// credentials.
class PortalRoutes
{
public:
    PortalRoutes(const Config &config, const Database &database, const Keyring &keyring);

    void registerRoutes(Router &router) const;

private:
    HttpResponse showContinue(const RequestContext &context) const;
    HttpResponse consume(const RequestContext &context) const;
    HttpResponse hub(const RequestContext &context) const;
    HttpResponse consumeVerifyLink(const RequestContext &context, const QString &token) const;

    // Documents (portalroutes_documents.cpp, F10): GET/HEAD /d/{token}, a document's own
    // link, and GET/HEAD /portal/documents/{docId} from the hub, bound to the session.
    HttpResponse documentByLink(const RequestContext &context) const;
    HttpResponse documentFromHub(const RequestContext &context) const;
    // The bytes as a download, audited as document.downloaded with `via` (F14, B9).
    HttpResponse serveDocument(const RequestContext &context, const DocumentStore::Download &download,
                               const QJsonObject &via) const;

    // Sign-in links (portalroutes_signin.cpp).
    HttpResponse signInForm(const RequestContext &context) const;
    HttpResponse signIn(const RequestContext &context) const;
    HttpResponse resend(const RequestContext &context) const;
    // F13: the sign-in limits per source address and per target email; the 429 page
    // when one is spent.
    std::optional<HttpResponse> signInLimited(const RequestContext &context, const QString &email) const;
    // A sign-in link and its cross-device code mailed to the client (inside the caller's
    // WriteTransaction); returns the browser-binding value for the preauth cookie.
    Result<QByteArray> issueSignInLink(QSqlDatabase &db, const RequestContext &context,
                                       const SessionStore::ClientAccess &client, const QDateTime &now,
                                       QStringView via) const;
    HttpResponse checkEmailWithPreauth(const QByteArray &preauth) const;
    // F4: a sign-in link is bound to the browser that asked for it (the __Host-gh_preauth
    // cookie holds HMAC(key, token)); elsewhere it needs the code mailed with it.
    QByteArray preauthFor(QStringView token) const;
    // Empty when this request may consume `token`; otherwise the page to show instead.
    std::optional<HttpResponse> crossDeviceCheck(const RequestContext &context, const QString &token,
                                                 const TokenStore::TokenState &state) const;
    HttpResponse hubPage(const RequestContext &context, QSqlDatabase &db,
                         const SessionStore::SessionRow &session) const;
    // The live session behind a hub-side page, or the page that answers instead: not
    // signed in (401), access revoked (403), or a storage error (503, logged as
    // `failureEvent`). Sessions still waiting for the lock or the phone are returned.
    std::variant<ClientSessions::Resolved, HttpResponse> signedInClient(QSqlDatabase &db, const RequestContext &context,
                                                                        const QDateTime &now,
                                                                        const QString &failureEvent) const;

    HttpResponse rejected(const RequestContext &context, const TokenEngine::Outcome &outcome) const;

    const Config &m_config;
    const Database &m_database;
    AuditLog m_audit;
    TokenEngine m_tokens;
    ClientSessions m_sessions;
    ShortCodes m_codes;
    BrowserVerification m_verification;
    EndSessionLinks m_endLinks;
    Outbox m_outbox;
    LinkMailer m_linkMailer{m_tokens, m_outbox, m_audit};
    RateLimiter m_limiter;
    const Keyring &m_keyring;
    Pages m_pages;
    DocumentStore m_documents;
    PortalLimits m_limits; // failed attempts and the resend cooldown (F13, B3)
    // Moving average of how long a sign-in request for an address on file takes; a
    // request for an unknown address waits out the difference (F6: same timing).
    mutable std::atomic<qint64> m_knownSignInMicros{0};
    // New-sign-in notices skipped for a spent mail budget since the last log line, and
    // when that line was written (ms since the epoch).
    mutable std::atomic<qint64> m_skippedNotices{0};
    mutable std::atomic<qint64> m_skippedNoticeLoggedMs{0};
};

} // namespace Gatehouse::Server
