// SPDX-License-Identifier: Apache-2.0
#include "portalroutes.h"

#include "clientevent.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/clientaddress.h"
#include "log.h"
#include "pages/devicename.h"
#include "pages/formbody.h"
#include "secrets/keyring.h"
#include "sessions/sessioncookie.h"
#include "storage/devicestore.h"
#include "storage/documentstore.h"
#include "storage/storage.h"
#include "storage/writetransaction.h"

namespace Gatehouse::Server {

namespace {

// A hub visit writes (last seen, last access) at most this often per session, so a
// busy page does not turn every request into a write transaction.
constexpr qint64 TouchIntervalSeconds = 60;

using Rejection = TokenEngine::Rejection;

} // namespace

PortalRoutes::PortalRoutes(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_database(database), m_audit(database), m_tokens(config), m_sessions(config, keyring),
      m_codes(keyring), m_verification(config, database, keyring), m_endLinks(config, keyring),
      m_outbox(database, config, keyring), m_limiter(database), m_keyring(keyring), m_pages(config, keyring),
      m_documents(database), m_limits(config, database, keyring)
{}

void PortalRoutes::registerRoutes(Router &router) const
{
    auto bind = [this](HttpResponse (PortalRoutes::*handler)(const RequestContext &) const) {
        return [this, handler](const RequestContext &c) { return (this->*handler)(c); };
    };
    const auto open = Access::publicRoute();
    // The fixed paths come first: the router takes the first match, and "/portal/hub"
    // would otherwise be read as a (malformed) token.
    router.add("GET", QStringLiteral("/portal/hub"), open, bind(&PortalRoutes::hub));
    router.add("GET", QStringLiteral("/portal/documents/{docId}"), open, bind(&PortalRoutes::documentFromHub));
    router.add("GET", QStringLiteral("/d/{token}"), open, bind(&PortalRoutes::documentByLink));
    router.add("GET", QStringLiteral("/portal/sign-in"), open, bind(&PortalRoutes::signInForm));
    router.add("POST", QStringLiteral("/portal/sign-in"), open, bind(&PortalRoutes::signIn));
    router.add("POST", QStringLiteral("/portal/{token}/resend"), open, bind(&PortalRoutes::resend));
    router.add("GET", QStringLiteral("/portal/{token}"), open, bind(&PortalRoutes::showContinue));
    router.add("POST", QStringLiteral("/portal/{token}"), open, bind(&PortalRoutes::consume));
}

HttpResponse PortalRoutes::showContinue(const RequestContext &context) const
{
    const QString token = context.params.value(QStringLiteral("token"));
    if (!Crypto::looksLikeToken(token))
        return m_pages.problem(context.request, ProblemPage::LinkUnknown);
    // GET and HEAD never consume (F4). A view of a real link is audited, marked when it
    // looks like a scanner (B9); unknown links leave no trace (nothing to attribute).
    auto db = m_database.connection();
    if (db) {
        auto state = TokenStore::find(*db, TokenEngine::hashOf(token));
        if (state && !state->has_value())
            return m_pages.problem(context.request, ProblemPage::LinkUnknown);
        if (state && state->has_value()) {
            const QJsonObject details{{QStringLiteral("likely_scanner"), likelyScanner(context.request)},
                                      {QStringLiteral("method"), QString::fromLatin1(context.request.method)},
                                      {QStringLiteral("purpose"), (*state)->purpose},
                                      {QStringLiteral("token_id"), (*state)->tokenId}};
            auto recorded =
                m_audit.record(clientEvent(context, m_config, AuditType::TokenScannerHit, (*state)->clientId, details));
            if (!recorded)
                Log::warning(QStringLiteral("audit_failed"), {{QStringLiteral("error"), recorded.error().message}});
        }
    }
    return m_pages.continuePage(context.request, QStringLiteral("/portal/%1").arg(token), {},
                                m_config.linkPolicyReusable);
}

HttpResponse PortalRoutes::rejected(const RequestContext &context, const TokenEngine::Outcome &outcome) const
{
    // F13: every failed consume counts against the address (no write lock held here).
    m_limits.recordFailure(context.request);
    const QJsonObject details{{QStringLiteral("reason"), QString(TokenEngine::rejectionName(outcome.rejection))}};
    if (auto r = m_audit.record(clientEvent(context, m_config, AuditType::TokenRejected, outcome.clientId, details));
        !r)
        Log::warning(QStringLiteral("audit_failed"), {{QStringLiteral("error"), r.error().message}});
    switch (outcome.rejection) {
    case Rejection::Used:
        return m_pages.problem(
            context.request, ProblemPage::LinkUsed,
            Pages::ProblemOptions{
                QStringLiteral("/portal/%1/resend").arg(context.params.value(QStringLiteral("token"))), 0, 0});
    case Rejection::Expired:
        return m_pages.problem(
            context.request, ProblemPage::LinkExpired,
            Pages::ProblemOptions{
                QStringLiteral("/portal/%1/resend").arg(context.params.value(QStringLiteral("token"))), 0, 0});
    case Rejection::Revoked:
        // A revoked link is gone for good (410); an open session of a revoked client gets 403.
        return m_pages.problem(context.request, ProblemPage::AccessRevoked, {{}, 0, 410});
    case Rejection::Superseded:
        return m_pages.problem(context.request, ProblemPage::LinkUnknown, {{}, 0, 410});
    case Rejection::None:
    case Rejection::Unknown:
    case Rejection::Purpose:
    case Rejection::WrongClient:
        break;
    }
    // Unknown and wrong-purpose links look the same to the visitor: nothing revealed.
    return m_pages.problem(context.request, ProblemPage::LinkUnknown);
}

HttpResponse PortalRoutes::consume(const RequestContext &context) const
{
    if (auto refused = m_pages.refuseWithoutCsrf(context.request))
        return *refused;
    // An address that has spent its failed attempts may not try again, even a right link.
    if (auto limited = m_limits.refuseIfFailing(context.request))
        return *limited;
    const QString token = context.params.value(QStringLiteral("token"));
    const auto now = Clock::now();
    const QString address = clientAddress(context.request, m_config);
    const QString userAgent = userAgentOf(context.request);
    // Which kind of link this is decides the path: a verify link confirms this browser
    // (F9); a sign-in link opened in another browser needs its code first (F4).
    if (auto db = m_database.connection(); db && Crypto::looksLikeToken(token)) {
        auto state = TokenStore::find(*db, TokenEngine::hashOf(token));
        if (state && state->has_value()) {
            if ((*state)->purpose == purposeName(TokenPurpose::VerifyBrowser))
                return consumeVerifyLink(context, token);
            if (auto instead = crossDeviceCheck(context, token, **state))
                return *instead;
        }
    }

    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r) {
        Log::error(QStringLiteral("consume_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    auto db = tx.connection();
    auto failed = [&](const Error &error) {
        tx.rollback();
        Log::error(QStringLiteral("consume_failed"), {{QStringLiteral("error"), error.message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    };

    auto outcome = m_tokens.consume(db, token, TokenPurpose::Invite, TokenPurpose::SignIn, now, address, userAgent);
    if (!outcome)
        return failed(outcome.error());
    if (!outcome->consumed) {
        tx.rollback(); // a rejection changes nothing; its audit entry commits on its own
        return rejected(context, *outcome);
    }
    const auto &consumed = *outcome->consumed;
    // Read by the engine in this transaction for the B1 check; no second lookup.
    const std::optional<SessionStore::ClientAccess> client = outcome->client;
    if (!client)
        return failed(Error{QString(ErrorCode::Internal), QStringLiteral("client vanished")});

    // The lock (F9) and phone confirmation (F11) apply to browsers not yet verified.
    auto browser = m_sessions.verifiedBrowser(db, context.request, consumed.clientId, now);
    if (!browser)
        return failed(browser.error());
    QString pending;
    if (!browser->has_value() && client->requireSignIn)
        pending = QStringLiteral("verify");
    else if (!browser->has_value() && client->phoneConfirmation)
        pending = QStringLiteral("phone");

    SessionStore::NewSession prototype;
    prototype.clientId = consumed.clientId;
    prototype.tokenId = consumed.tokenId;
    prototype.verifiedBrowserId = browser->value_or(0);
    prototype.pending = pending;
    prototype.createdAt = now;
    prototype.address = address;
    prototype.device = describeDevice(context.request.header("user-agent"));
    // Always a fresh session (B6): whatever this browser held before is not reused.
    auto started = m_sessions.start(db, prototype);
    if (!started)
        return failed(started.error());
    if (auto r = SessionStore::recordClientAccess(db, consumed.clientId, now, address, prototype.device); !r)
        return failed(r.error());
    // B7: tell the client about a sign-in from a browser they have not used before, so
    // one they did not make stands out. The first browser a client ever signs in from
    // (the invite's first consume) gets no notice: there is nothing yet to compare with.
    // Queued with the session (same transaction); a spent mail budget must not block the
    // sign-in itself, so that failure is only logged.
    const ClientSessions::Device device = m_sessions.deviceOf(context.request);
    auto seen = DeviceStore::recordUse(db, consumed.clientId, device.hash, now);
    if (!seen)
        return failed(seen.error());
    if (*seen == DeviceStore::Seen::NewDevice) {
        OutgoingMail notice;
        notice.templateName = QStringLiteral("new_sign_in");
        notice.toAddress = client->email;
        notice.toName = client->name;
        notice.clientId = consumed.clientId;
        notice.fields = {{QStringLiteral("device"), prototype.device},
                         {QStringLiteral("address"), address},
                         {QStringLiteral("time"), now},
                         {QStringLiteral("end_url"), m_endLinks.urlFor(consumed.clientId, started->sessionId)}};
        if (auto queued = m_outbox.enqueue(db, notice); !queued) {
            if (queued.error().code != ErrorCode::RateLimited)
                return failed(queued.error());
            // Once the budget is spent every such consume lands here: one line a minute
            // with a count, not a line per request (a JSON line and a write under the
            // log mutex showed in the consume profile).
            const qint64 skipped = m_skippedNotices.fetch_add(1) + 1;
            const qint64 nowMs = now.toMSecsSinceEpoch();
            qint64 last = m_skippedNoticeLoggedMs.load();
            if (nowMs - last >= 60000 && m_skippedNoticeLoggedMs.compare_exchange_strong(last, nowMs)) {
                m_skippedNotices.fetch_sub(skipped);
                Log::warning(QStringLiteral("new_sign_in_mail_skipped"),
                             {{QStringLiteral("reason"), queued.error().message}, {QStringLiteral("count"), skipped}});
            }
        }
    }

    const QJsonObject tokenDetails{{QStringLiteral("purpose"), consumed.purpose},
                                   {QStringLiteral("token_id"), consumed.tokenId},
                                   {QStringLiteral("use_count"), consumed.useCount}};
    if (auto r = m_audit.append(
            db, clientEvent(context, m_config, AuditType::TokenConsumed, consumed.clientId, tokenDetails));
        !r)
        return failed(r.error());
    QJsonObject sessionDetails{{QStringLiteral("session_id"), started->sessionId},
                               {QStringLiteral("device"), prototype.device}};
    if (!pending.isEmpty())
        sessionDetails.insert(QStringLiteral("pending"), pending);
    if (auto r = m_audit.append(
            db, clientEvent(context, m_config, AuditType::SessionStarted, consumed.clientId, sessionDetails));
        !r)
        return failed(r.error());
    if (auto r = tx.commit(); !r)
        return failed(r.error());

    // Never back to a URL with the token, never to a client-supplied target (B8).
    HttpResponse response;
    response.status = 303;
    response.setHeader("Location", "/portal/hub");
    response.setHeader("Set-Cookie", m_sessions.setCookieHeader(started->cookieValue));
    if (!device.setCookie.isEmpty())
        response.headers.append({QByteArray("Set-Cookie"), device.setCookie});
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    return response;
}

HttpResponse PortalRoutes::consumeVerifyLink(const RequestContext &context, const QString &token) const
{
    const auto now = Clock::now();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto resolved = m_sessions.resolve(db, context.request, now);
    if (!resolved)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    // The link confirms the browser that asked for it: the one whose session waits on
    // the verify screen. Anywhere else it does nothing and stays usable (F9); a spent,
    // expired or revoked link says so wherever it is opened.
    const bool waiting = resolved->has_value() && (*resolved)->row.pending == u"verify";
    auto outcome = m_tokens.consume(db, token, TokenPurpose::VerifyBrowser, TokenPurpose::VerifyBrowser, now,
                                    clientAddress(context.request, m_config), userAgentOf(context.request),
                                    waiting ? (*resolved)->row.clientId : 0);
    if (!outcome)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (!outcome->consumed) {
        tx.rollback();
        return rejected(context, *outcome);
    }
    if (!waiting) {
        tx.rollback();
        const QJsonObject details{{QStringLiteral("reason"), QStringLiteral("other_browser")},
                                  {QStringLiteral("purpose"), purposeName(TokenPurpose::VerifyBrowser)}};
        if (auto r = m_audit.record(
                clientEvent(context, m_config, AuditType::TokenRejected, outcome->consumed->clientId, details));
            !r)
            Log::warning(QStringLiteral("audit_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::VerifyElsewhere);
    }
    const auto &session = (*resolved)->row;
    auto cookie = m_verification.confirm(db, context, session, u"link");
    if (!cookie)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    return m_verification.toHub(*cookie);
}

std::variant<ClientSessions::Resolved, HttpResponse> PortalRoutes::signedInClient(QSqlDatabase &db,
                                                                                  const RequestContext &context,
                                                                                  const QDateTime &now,
                                                                                  const QString &failureEvent) const
{
    auto resolved = m_sessions.resolve(db, context.request, now);
    if (!resolved) {
        Log::error(failureEvent, {{QStringLiteral("error"), resolved.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    if (!resolved->has_value())
        return m_pages.problem(context.request, ProblemPage::SessionEnded);
    if ((*resolved)->row.clientStatus == u"revoked" || (*resolved)->row.pending == u"revoked")
        return m_pages.problem(context.request, ProblemPage::AccessRevoked);
    return std::move(**resolved);
}

HttpResponse PortalRoutes::hub(const RequestContext &context) const
{
    const auto now = Clock::now();
    auto db = m_database.connection();
    if (!db)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto signedIn = signedInClient(*db, context, now, QStringLiteral("hub_failed"));
    if (auto *page = std::get_if<HttpResponse>(&signedIn))
        return std::move(*page);
    const auto &resolved = std::get<ClientSessions::Resolved>(signedIn);
    const auto &session = resolved.row;
    if (session.pending == u"verify")
        return m_pages.verify(context.request, VerifyView{}, 403);

    const bool wantsTouch = session.lastSeenAt.secsTo(now) >= TouchIntervalSeconds || session.rotatePending;
    if (session.pending != u"phone" && !wantsTouch)
        return hubPage(context, *db, session);

    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto wdb = tx.connection();
    if (session.pending == u"phone") {
        auto code = m_codes.phoneCodeFor(wdb, session.clientId, session.id, resolved.secret, now);
        if (!code) {
            if (code.error().code == u"code_locked")
                return m_pages.problem(context.request, ProblemPage::CodeLocked);
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        }
        if (auto r = tx.commit(); !r)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        return m_pages.phone(context.request, PhoneView{*code, {}, false});
    }
    const QString address = clientAddress(context.request, m_config);
    const QString device = describeDevice(context.request.header("user-agent"));
    if (auto r = SessionStore::touchSession(wdb, session.id, now, address, device); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = SessionStore::recordClientAccess(wdb, session.clientId, now, address, device); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    // B6: a privilege change made elsewhere (staff confirmed the phone code) takes
    // effect with a fresh session id.
    QByteArray renewed;
    if (session.rotatePending) {
        auto value = m_sessions.renew(wdb, session.id);
        if (!value)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        renewed = *value;
    }
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto response = hubPage(context, wdb, session);
    if (!renewed.isEmpty())
        response.setHeader("Set-Cookie", m_sessions.setCookieHeader(renewed));
    return response;
}

HttpResponse PortalRoutes::hubPage(const RequestContext &context, QSqlDatabase &db,
                                   const SessionStore::SessionRow &session) const
{
    const auto now = Clock::now();
    HubView view;
    view.clientName = session.clientName;
    // Reads only; a failure leaves a part of the page empty rather than the page missing.
    if (auto client = Storage(m_database).findClient(session.clientId); client && client->has_value()) {
        view.matter = (*client)->matter;
        view.partnerName = (*client)->partnerName;
        if ((*client)->lastAccessAt.isValid())
            view.lastAccess =
                HubView::Access{(*client)->lastAccessAt, (*client)->lastAccessAddress, (*client)->lastAccessDevice};
    }
    if (auto documents = m_documents.list(session.clientId); documents) {
        for (const auto &d : *documents)
            view.documents.append({d.name, d.size, d.createdAt, QStringLiteral("/portal/documents/%1").arg(d.id)});
    }
    if (auto sessions = SessionStore::listSessions(db, session.clientId, now, m_sessions.idleCutoff(now)); sessions) {
        for (const auto &s : *sessions)
            view.sessions.append({s.device, s.address, s.startedAt, s.lastSeenAt, s.id == session.id});
    }
    return m_pages.hub(context.request, view);
}

} // namespace Gatehouse::Server
