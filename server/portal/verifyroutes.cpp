// SPDX-License-Identifier: Apache-2.0
#include "verifyroutes.h"

#include "clock.h"
#include "common/auditevent.h"
#include "config.h"
#include "http/clientaddress.h"
#include "log.h"
#include "pages/formbody.h"
#include "portal/clientevent.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/writetransaction.h"

namespace Gatehouse::Server {

VerifyRoutes::VerifyRoutes(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_database(database), m_audit(database), m_sessions(config, keyring), m_tokens(config),
      m_codes(keyring), m_verification(config, database, keyring), m_outbox(database, config, keyring),
      m_limiter(database), m_pages(config, keyring), m_limits(config, database, keyring)
{}

void VerifyRoutes::registerRoutes(Router &router) const
{
    const auto open = Access::publicRoute();
    router.add("POST", QStringLiteral("/portal/verify/send"), open,
               [this](const RequestContext &c) { return send(c); });
    router.add("POST", QStringLiteral("/portal/verify"), open, [this](const RequestContext &c) { return confirm(c); });
}

HttpResponse VerifyRoutes::send(const RequestContext &context) const
{
    if (auto refused = m_pages.refuseWithoutCsrf(context.request))
        return *refused;
    const auto now = Clock::now();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto resolved = m_sessions.resolve(db, context.request, now);
    if (!resolved || !resolved->has_value())
        return m_pages.problem(context.request, ProblemPage::SessionEnded);
    const auto &session = (*resolved)->row;
    if (session.pending != u"verify") {
        HttpResponse r;
        r.status = 303; // nothing to verify: the hub decides what this session sees
        r.setHeader("Location", "/portal/hub");
        return r;
    }
    auto client = SessionStore::clientAccess(db, session.clientId);
    if (!client || !client->has_value())
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    for (const auto &[bucket, key, limit] :
         {std::tuple{QStringLiteral("verify.address"), clientAddress(context.request, m_config),
                     m_config.signInLimitPerAddress},
          std::tuple{QStringLiteral("verify.email"), RateLimiter::emailKey((*client)->email),
                     m_config.signInLimitPerEmail}}) {
        auto decision = m_limiter.hit(db, bucket, key, limit, m_config.rateLimitWindowSeconds);
        if (!decision)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        if (!decision->allowed) {
            tx.rollback();
            return m_pages.problem(context.request, ProblemPage::RateLimited, {{}, decision->retryAfterSeconds, 0});
        }
    }
    // B3: a code mailed within the cooldown is still the one to use; none is sent again.
    auto cooling = m_limits.coolingDown(db, (*client)->email);
    if (!cooling)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (*cooling) {
        tx.rollback();
        return m_pages.verify(
            context.request,
            VerifyView{Pages::maskEmail((*client)->email), true,
                       QStringLiteral("We sent you a code a moment ago. Please use the code from that email.")});
    }
    TokenEngine::IssueRequest request;
    request.purpose = TokenPurpose::VerifyBrowser;
    request.clientId = session.clientId;
    request.address = clientAddress(context.request, m_config);
    request.userAgent = userAgentOf(context.request);
    request.now = now;
    auto issued = m_tokens.issue(db, request);
    if (!issued) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), issued.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    // The code and the link travel in one mail; either confirms this session's browser.
    auto code = m_codes.issueMailedCode(db, session.clientId, session.id, ShortCodes::linkNonce(issued->tokenId), now);
    if (!code) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), code.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    OutgoingMail mail;
    mail.templateName = QStringLiteral("verify_browser");
    mail.toAddress = (*client)->email;
    mail.toName = (*client)->name;
    mail.clientId = session.clientId;
    mail.fields = {{QStringLiteral("portal_url"), m_tokens.portalUrl(issued->token)},
                   {QStringLiteral("code"), *code},
                   {QStringLiteral("expires_at"), now.addSecs(ShortCodes::ValiditySeconds)}};
    if (auto r = m_outbox.enqueue(db, mail); !r) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    const QJsonObject details{{QStringLiteral("purpose"), QStringLiteral("verify_browser")},
                              {QStringLiteral("token_id"), issued->tokenId}};
    if (auto r = m_audit.append(db, clientEvent(context, m_config, AuditType::TokenIssued, session.clientId, details));
        !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    return m_pages.verify(context.request, VerifyView{Pages::maskEmail((*client)->email), true, {}});
}

HttpResponse VerifyRoutes::confirm(const RequestContext &context) const
{
    auto submitted = m_pages.checkedForm(context.request);
    if (auto *refused = std::get_if<HttpResponse>(&submitted))
        return std::move(*refused);
    const auto *form = &std::get<FormBody>(submitted);
    const QString code = form->value(QStringLiteral("code")).trimmed();
    // F13: an address that has spent its failed attempts may not try another code.
    if (auto limited = m_limits.refuseIfFailing(context.request))
        return *limited;
    const auto now = Clock::now();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto resolved = m_sessions.resolve(db, context.request, now);
    if (!resolved || !resolved->has_value())
        return m_pages.problem(context.request, ProblemPage::SessionEnded);
    const auto &session = (*resolved)->row;
    auto client = SessionStore::clientAccess(db, session.clientId);
    if (!client || !client->has_value())
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    const QString masked = Pages::maskEmail((*client)->email);
    auto again = [&](const QString &error) {
        return m_pages.verify(context.request, VerifyView{masked, true, error}, 400);
    };
    auto latest = SessionStore::latestCode(db, session.clientId, ShortCodes::CrossDevicePurpose, session.id);
    if (!latest)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (!latest->has_value())
        return again(QStringLiteral("That code has expired. Send a new code and try again."));
    const bool shaped = code.size() == 6 && std::all_of(code.begin(), code.end(), [](QChar c) { return c.isDigit(); });
    // A malformed code counts as a wrong try like any other.
    auto checked = m_codes.check(db, **latest, session.clientId, ShortCodes::CrossDevicePurpose,
                                 shaped ? QStringView(code) : QStringView(u"-"), now);
    if (!checked)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    switch (checked->result) {
    case ShortCodes::Check::NoCode:
        return again(QStringLiteral("That code has expired. Send a new code and try again."));
    case ShortCodes::Check::Locked:
    case ShortCodes::Check::Wrong:
        if (auto r = tx.commit(); !r) // the wrong try must count
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        m_limits.recordFailure(context.request); // and against the address (F13)
        if (checked->result == ShortCodes::Check::Locked)
            return m_pages.problem(context.request, ProblemPage::CodeLocked,
                                   {{}, int(std::max<qint64>(60, now.secsTo((*latest)->expiresAt))), 0});
        return again(QStringLiteral("That code is not right. Check the email and try again."));
    case ShortCodes::Check::Confirmed:
        break;
    }
    // Verified: remember this browser, and give the session a fresh id now that it may
    // see more (B6).
    auto cookie = m_verification.confirm(db, context, session, u"code");
    if (!cookie)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    return m_verification.toHub(*cookie);
}

} // namespace Gatehouse::Server
