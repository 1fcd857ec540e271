// SPDX-License-Identifier: Apache-2.0
#include "portalroutes.h"

#include "common/auditevent.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "log.h"
#include "pages/devicename.h"
#include "pages/formbody.h"
#include "ratelimit/clientaddress.h"
#include "secrets/keyring.h"
#include "sessions/sessioncookie.h"
#include "storage/documentstore.h"
#include "storage/storage.h"
#include "storage/writetransaction.h"

#include <QElapsedTimer>
#include <QThread>
#include <QUrlQuery>

namespace Gatehouse::Server {

namespace {

// A hub visit writes (last seen, last access) at most this often per session, so a
// busy page does not turn every request into a write transaction.
constexpr qint64 TouchIntervalSeconds = 60;
constexpr qsizetype MaxEmailLength = 254;

using Rejection = TokenEngine::Rejection;

QString userAgentOf(const HttpRequest &request)
{
    return QString::fromUtf8(request.header("user-agent").left(512));
}

// B9: mail security scanners fetch links on delivery. Cheap signals only: HEAD, no
// user agent, or a user agent naming a known scanner or HTTP library.
bool likelyScanner(const HttpRequest &request)
{
    if (request.method == "HEAD")
        return true;
    const QByteArray ua = request.header("user-agent").toLower();
    if (ua.isEmpty())
        return true;
    for (const char *marker : {"bingpreview", "safelinks", "mimecast", "proofpoint", "barracuda", "python-requests",
                               "go-http-client", "curl/", "wget", "urlscan", "scanner", "bot"}) {
        if (ua.contains(marker))
            return true;
    }
    return false;
}

QString formField(const QByteArray &body, const QString &name)
{
    // application/x-www-form-urlencoded encodes a space as '+', which QUrlQuery keeps.
    QByteArray text = body;
    text.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(text));
    return query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
}

} // namespace

PortalRoutes::PortalRoutes(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_database(database), m_audit(database), m_tokens(config), m_sessions(config, keyring),
      m_codes(keyring), m_outbox(database, config, keyring), m_limiter(database), m_keyring(keyring),
      m_pages(config, keyring)
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
    router.add("GET", QStringLiteral("/portal/sign-in"), open, bind(&PortalRoutes::signInForm));
    router.add("POST", QStringLiteral("/portal/sign-in"), open, bind(&PortalRoutes::signIn));
    router.add("POST", QStringLiteral("/portal/{token}/resend"), open, bind(&PortalRoutes::resend));
    router.add("GET", QStringLiteral("/portal/{token}"), open, bind(&PortalRoutes::showContinue));
    router.add("POST", QStringLiteral("/portal/{token}"), open, bind(&PortalRoutes::consume));
}

AuditRecord PortalRoutes::clientEvent(const RequestContext &context, QLatin1StringView type, qint64 clientId,
                                      const QJsonObject &details) const
{
    AuditRecord record;
    record.type = QString(type);
    record.actorKind = clientId > 0 ? QStringLiteral("client") : QStringLiteral("anonymous");
    record.actorId = clientId;
    record.clientId = clientId;
    record.address = clientAddress(context.request, m_config);
    record.userAgent = userAgentOf(context.request);
    record.details = details;
    return record;
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
                m_audit.record(clientEvent(context, AuditType::TokenScannerHit, (*state)->clientId, details));
            if (!recorded)
                Log::warning(QStringLiteral("audit_failed"), {{QStringLiteral("error"), recorded.error().message}});
        }
    }
    return m_pages.continuePage(context.request, QStringLiteral("/portal/%1").arg(token), {},
                                m_config.linkPolicyReusable);
}

HttpResponse PortalRoutes::rejected(const RequestContext &context, const TokenEngine::Outcome &outcome) const
{
    const QJsonObject details{{QStringLiteral("reason"), QString(TokenEngine::rejectionName(outcome.rejection))}};
    if (auto r = m_audit.record(clientEvent(context, AuditType::TokenRejected, outcome.clientId, details)); !r)
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
    if (auto refused = refuseWithoutCsrf(context))
        return *refused;
    const QString token = context.params.value(QStringLiteral("token"));
    const auto now = QDateTime::currentDateTimeUtc();
    const QString address = clientAddress(context.request, m_config);
    const QString userAgent = userAgentOf(context.request);
    if (auto instead = crossDeviceCheck(context, token))
        return *instead;

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
    auto client = SessionStore::clientAccess(db, consumed.clientId);
    if (!client || !client->has_value())
        return failed(client ? Error{QString(ErrorCode::Internal), QStringLiteral("client vanished")} : client.error());

    // The lock (F9) and phone confirmation (F11) apply to browsers not yet verified.
    auto browser = m_sessions.verifiedBrowser(db, context.request, consumed.clientId, now);
    if (!browser)
        return failed(browser.error());
    QString pending;
    if (!browser->has_value() && (*client)->requireSignIn)
        pending = QStringLiteral("verify");
    else if (!browser->has_value() && (*client)->phoneConfirmation)
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
    // B7: tell the client about every sign-in after their first, so one they did not make
    // stands out. Queued with the session (same transaction); a spent mail budget must
    // not block the sign-in itself, so that failure is only logged.
    if ((*client)->status != u"invited" && !browser->has_value()) {
        OutgoingMail notice;
        notice.templateName = QStringLiteral("new_sign_in");
        notice.toAddress = (*client)->email;
        notice.toName = (*client)->name;
        notice.clientId = consumed.clientId;
        notice.fields = {{QStringLiteral("device"), prototype.device},
                         {QStringLiteral("address"), address},
                         {QStringLiteral("time"), now}};
        if (auto queued = m_outbox.enqueue(db, notice); !queued) {
            if (queued.error().code != ErrorCode::RateLimited)
                return failed(queued.error());
            Log::warning(QStringLiteral("new_sign_in_mail_skipped"),
                         {{QStringLiteral("reason"), queued.error().message}});
        }
    }

    const QJsonObject tokenDetails{{QStringLiteral("purpose"), consumed.purpose},
                                   {QStringLiteral("token_id"), consumed.tokenId},
                                   {QStringLiteral("use_count"), consumed.useCount}};
    if (auto r = m_audit.append(db, clientEvent(context, AuditType::TokenConsumed, consumed.clientId, tokenDetails));
        !r)
        return failed(r.error());
    QJsonObject sessionDetails{{QStringLiteral("session_id"), started->sessionId},
                               {QStringLiteral("device"), prototype.device}};
    if (!pending.isEmpty())
        sessionDetails.insert(QStringLiteral("pending"), pending);
    if (auto r = m_audit.append(db, clientEvent(context, AuditType::SessionStarted, consumed.clientId, sessionDetails));
        !r)
        return failed(r.error());
    if (auto r = tx.commit(); !r)
        return failed(r.error());

    // Never back to a URL with the token, never to a client-supplied target (B8).
    HttpResponse response;
    response.status = 303;
    response.setHeader("Location", "/portal/hub");
    response.setHeader("Set-Cookie", m_sessions.setCookieHeader(started->cookieValue));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    return response;
}

HttpResponse PortalRoutes::hub(const RequestContext &context) const
{
    const auto now = QDateTime::currentDateTimeUtc();
    auto db = m_database.connection();
    if (!db)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto resolved = m_sessions.resolve(*db, context.request, now);
    if (!resolved) {
        Log::error(QStringLiteral("hub_failed"), {{QStringLiteral("error"), resolved.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    if (!resolved->has_value())
        return m_pages.problem(context.request, ProblemPage::SessionEnded);
    const auto &session = (*resolved)->row;
    if (session.clientStatus == u"revoked" || session.pending == u"revoked")
        return m_pages.problem(context.request, ProblemPage::AccessRevoked);
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
        auto code = m_codes.phoneCodeFor(wdb, session.clientId, session.id, (*resolved)->secret, now);
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

HttpResponse PortalRoutes::signInForm(const RequestContext &context) const
{
    return m_pages.signInForm(context.request);
}

HttpResponse PortalRoutes::signIn(const RequestContext &context) const
{
    if (auto refused = refuseWithoutCsrf(context))
        return *refused;
    const QString email = formField(context.request.body, QStringLiteral("email"));
    if (email.isEmpty()) {
        return m_pages.signInForm(context.request, {}, QStringLiteral("Please enter your email address."), 400);
    }
    const QString address = clientAddress(context.request, m_config);
    const int window = m_config.rateLimitWindowSeconds;
    // F13: per source address and per target email, counted whether or not the address
    // is on file, so the limit itself reveals nothing.
    for (const auto &[bucket, key, limit] :
         {std::tuple{QStringLiteral("sign_in.address"), address, m_config.signInLimitPerAddress},
          std::tuple{QStringLiteral("sign_in.email"), RateLimiter::emailKey(email), m_config.signInLimitPerEmail}}) {
        auto decision = m_limiter.hit(bucket, key, limit, window);
        if (!decision)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        if (!decision->allowed) {
            auto r = m_pages.problem(context.request, ProblemPage::RateLimited, {{}, decision->retryAfterSeconds, 0});
            r.setHeader("Retry-After", QByteArray::number(decision->retryAfterSeconds));
            return r;
        }
    }

    const auto now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto failed = [&](const Error &error) {
        tx.rollback();
        Log::error(QStringLiteral("sign_in_failed"), {{QStringLiteral("error"), error.message}});
        // Still the same answer: a failure must not tell an address on file apart.
        return m_pages.checkEmail();
    };
    std::optional<SessionStore::ClientAccess> client;
    // Set either way, so the answer for an unknown address looks the same (F6).
    QByteArray preauth = Crypto::toBase64Url(Crypto::randomBytes(32));
    if (email.size() <= MaxEmailLength) {
        auto found = SessionStore::clientByEmail(db, email);
        if (!found)
            return failed(found.error());
        client = *found;
    }
    // Both branches do the same kind of work (one write transaction, a token's worth of
    // randomness and hashing, one audit entry), so timing does not tell them apart (F6).
    if (!client) {
        Q_UNUSED(TokenEngine::hashOf(Crypto::newToken()));
        const QJsonObject details{{QStringLiteral("reason"), QStringLiteral("address_not_on_file")},
                                  {QStringLiteral("purpose"), QStringLiteral("sign_in")}};
        if (auto r = m_audit.append(db, clientEvent(context, AuditType::TokenRejected, 0, details)); !r)
            return failed(r.error());
    } else {
        TokenEngine::IssueRequest request;
        request.purpose = TokenPurpose::SignIn;
        request.clientId = client->id;
        request.address = address;
        request.userAgent = userAgentOf(context.request);
        request.now = now;
        auto issued = m_tokens.issue(db, request);
        if (!issued)
            return failed(issued.error());
        // The one place sign-in mail is queued; it commits with the token or not at all.
        OutgoingMail mail;
        mail.templateName = QStringLiteral("sign_in");
        mail.toAddress = client->email;
        mail.toName = client->name;
        mail.clientId = client->id;
        mail.fields = {{QStringLiteral("portal_url"), m_tokens.portalUrl(issued->token)},
                       {QStringLiteral("code"), codeFor(issued->token)},
                       {QStringLiteral("expires_at"), issued->expiresAt}};
        if (auto queued = m_outbox.enqueue(db, mail); !queued)
            return failed(queued.error());
        preauth = preauthFor(issued->token);
        const QJsonObject details{{QStringLiteral("purpose"), QStringLiteral("sign_in")},
                                  {QStringLiteral("token_id"), issued->tokenId},
                                  {QStringLiteral("expires_at"), toWireTime(issued->expiresAt)}};
        if (auto r = m_audit.append(db, clientEvent(context, AuditType::TokenIssued, client->id, details)); !r)
            return failed(r.error());
    }
    if (auto r = tx.commit(); !r)
        return failed(r.error());
    const qint64 elapsed = timer.nsecsElapsed() / 1000;
    if (client) {
        const qint64 average = m_knownSignInMicros.load();
        m_knownSignInMicros.store(average == 0 ? elapsed : average + (elapsed - average) / 8);
    } else if (const qint64 pad = std::min<qint64>(m_knownSignInMicros.load() - elapsed, 50000); pad > 0) {
        // The unknown-address path does less work (no token, no mail to render); waiting
        // out the difference keeps response time from telling the two apart.
        QThread::usleep(quint64(pad));
    }
    HttpResponse answer = m_pages.checkEmail();
    answer.headers.append(
        {QByteArray("Set-Cookie"), SessionCookie::setCookie("__Host-gh_preauth", preauth, m_config.signInTtlSeconds)});
    return answer;
}

std::optional<HttpResponse> PortalRoutes::refuseWithoutCsrf(const RequestContext &context) const
{
    auto form = FormBody::parse(context.request);
    if (!form)
        return m_pages.problem(context.request, ProblemPage::BadRequest);
    if (!m_pages.csrf().verify(context.request, form->value(QStringLiteral("csrf")).toLatin1()))
        return m_pages.problem(context.request, ProblemPage::CsrfFailed);
    return std::nullopt;
}

HttpResponse PortalRoutes::hubPage(const RequestContext &context, QSqlDatabase &db,
                                   const SessionStore::SessionRow &session) const
{
    const auto now = QDateTime::currentDateTimeUtc();
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
    if (auto documents = DocumentStore(m_database).list(session.clientId); documents) {
        for (const auto &d : *documents)
            view.documents.append({d.name, d.size, d.createdAt, {}});
    }
    if (auto sessions = SessionStore::listSessions(db, session.clientId, now, m_sessions.idleCutoff(now)); sessions) {
        for (const auto &s : *sessions)
            view.sessions.append({s.device, s.address, s.startedAt, s.lastSeenAt, s.id == session.id});
    }
    return m_pages.hub(context.request, view);
}

HttpResponse PortalRoutes::resend(const RequestContext &context) const
{
    if (auto refused = refuseWithoutCsrf(context))
        return *refused;
    // B10: a new link goes only to the address on file of the link's client; the form
    // carries no address. The answer is the same whatever happened, like sign-in (F6).
    const QString token = context.params.value(QStringLiteral("token"));
    auto db = m_database.connection();
    if (!db || !Crypto::looksLikeToken(token))
        return m_pages.checkEmail();
    auto state = TokenStore::find(*db, TokenEngine::hashOf(token));
    if (!state || !state->has_value())
        return m_pages.checkEmail();
    auto client = SessionStore::clientAccess(*db, (*state)->clientId);
    if (!client || !client->has_value() || (*client)->deleted || (*client)->status == u"revoked")
        return m_pages.checkEmail();
    const QString address = clientAddress(context.request, m_config);
    for (const auto &[bucket, key, limit] :
         {std::tuple{QStringLiteral("sign_in.address"), address, m_config.signInLimitPerAddress},
          std::tuple{QStringLiteral("sign_in.email"), RateLimiter::emailKey((*client)->email),
                     m_config.signInLimitPerEmail}}) {
        auto decision = m_limiter.hit(bucket, key, limit, m_config.rateLimitWindowSeconds);
        if (!decision)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        if (!decision->allowed)
            return m_pages.problem(context.request, ProblemPage::RateLimited, {{}, decision->retryAfterSeconds, 0});
    }
    const auto now = QDateTime::currentDateTimeUtc();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.checkEmail();
    auto wdb = tx.connection();
    TokenEngine::IssueRequest request;
    request.purpose = TokenPurpose::SignIn;
    request.clientId = (*client)->id;
    request.address = address;
    request.userAgent = userAgentOf(context.request);
    request.now = now;
    auto issued = m_tokens.issue(wdb, request);
    if (!issued)
        return m_pages.checkEmail();
    OutgoingMail mail;
    mail.templateName = QStringLiteral("sign_in");
    mail.toAddress = (*client)->email;
    mail.toName = (*client)->name;
    mail.clientId = (*client)->id;
    mail.fields = {{QStringLiteral("portal_url"), m_tokens.portalUrl(issued->token)},
                   {QStringLiteral("expires_at"), issued->expiresAt}};
    if (auto queued = m_outbox.enqueue(wdb, mail); !queued)
        return m_pages.checkEmail();
    const QJsonObject details{{QStringLiteral("purpose"), QStringLiteral("sign_in")},
                              {QStringLiteral("token_id"), issued->tokenId},
                              {QStringLiteral("via"), QStringLiteral("resend")}};
    if (auto r = m_audit.append(wdb, clientEvent(context, AuditType::TokenIssued, (*client)->id, details)); !r)
        return m_pages.checkEmail();
    if (auto r = tx.commit(); !r)
        Log::error(QStringLiteral("resend_failed"), {{QStringLiteral("error"), r.error().message}});
    return m_pages.checkEmail();
}

QByteArray PortalRoutes::preauthFor(QStringView token) const
{
    return Crypto::toBase64Url(Crypto::hmacSha256(m_keyring.derive(u"sign-in-browser"), token.toUtf8()));
}

QString PortalRoutes::codeFor(QStringView token) const
{
    // Derived from the token, so nothing more is stored; useless without the link.
    const QByteArray mac = Crypto::hmacSha256(m_keyring.derive(u"sign-in-code"), token.toUtf8());
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | quint8(mac.at(i));
    return QStringLiteral("%1").arg(value % 1000000u, 6, 10, QChar(u'0'));
}

std::optional<HttpResponse> PortalRoutes::crossDeviceCheck(const RequestContext &context, const QString &token) const
{
    if (!Crypto::looksLikeToken(token))
        return std::nullopt;
    auto db = m_database.connection();
    if (!db)
        return std::nullopt;
    auto state = TokenStore::find(*db, TokenEngine::hashOf(token));
    if (!state || !state->has_value() || (*state)->purpose != u"sign_in" || (*state)->consumed)
        return std::nullopt; // the consume itself gives the right page for everything else
    const QByteArray cookie = SessionCookie::fromRequest(context.request, "__Host-gh_preauth");
    if (!cookie.isEmpty() && Crypto::constantTimeEquals(cookie, preauthFor(token)))
        return std::nullopt; // the browser that asked
    const QString action = QStringLiteral("/portal/%1").arg(token);
    auto form = FormBody::parse(context.request);
    const QString code = form ? form->value(QStringLiteral("code")).trimmed() : QString();
    if (code.isEmpty())
        return m_pages.codeEntry(context.request, action);
    // B4: five wrong codes per link, then it is dead for this purpose.
    auto decision = m_limiter.hit(QStringLiteral("sign_in.code"), TokenEngine::hashOf(token), 5, 3600);
    if (!decision)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (!decision->allowed)
        return m_pages.problem(context.request, ProblemPage::CodeLocked, {{}, decision->retryAfterSeconds, 0});
    if (!Crypto::constantTimeEquals(code.toUtf8(), codeFor(token).toUtf8()))
        return m_pages.codeEntry(context.request, action,
                                 QStringLiteral("That code is not right. Check the email and try again."), 400);
    return std::nullopt;
}

} // namespace Gatehouse::Server
