// SPDX-License-Identifier: Apache-2.0
// Sign-in by email (SPEC F6), "send me a new link" (B10) and the cross-device check of
// a sign-in link (F4, B4): the parts of PortalRoutes that issue sign-in links.
#include "clientevent.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/crypto.h"
#include "config.h"
#include "http/clientaddress.h"
#include "log.h"
#include "pages/formbody.h"
#include "portalroutes.h"
#include "secrets/keyring.h"
#include "sessions/sessioncookie.h"
#include "storage/writetransaction.h"

#include <QElapsedTimer>
#include <QThread>

namespace Gatehouse::Server {

namespace {

constexpr qsizetype MaxEmailLength = 254;
constexpr QByteArrayView PreauthCookie{"__Host-gh_preauth"};

} // namespace

HttpResponse PortalRoutes::signInForm(const RequestContext &context) const
{
    return m_pages.signInForm(context.request);
}

std::optional<HttpResponse> PortalRoutes::signInLimited(const RequestContext &context, const QString &email) const
{
    const QString address = clientAddress(context.request, m_config);
    // F13: per source address and per target email, counted whether or not the address
    // is on file, so the limit itself reveals nothing.
    for (const auto &[bucket, key, limit] :
         {std::tuple{QStringLiteral("sign_in.address"), address, m_config.signInLimitPerAddress},
          std::tuple{QStringLiteral("sign_in.email"), RateLimiter::emailKey(email), m_config.signInLimitPerEmail}}) {
        auto decision = m_limiter.hit(bucket, key, limit, m_config.rateLimitWindowSeconds);
        if (!decision)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        if (!decision->allowed)
            return m_pages.problem(context.request, ProblemPage::RateLimited, {{}, decision->retryAfterSeconds, 0});
    }
    return std::nullopt;
}

Result<QByteArray> PortalRoutes::issueSignInLink(QSqlDatabase &db, const RequestContext &context,
                                                 const SessionStore::ClientAccess &client, const QDateTime &now,
                                                 QStringView via) const
{
    LinkMailer::Letter letter;
    letter.link.purpose = TokenPurpose::SignIn;
    letter.link.clientId = client.id;
    letter.link.address = clientAddress(context.request, m_config);
    letter.link.userAgent = userAgentOf(context.request);
    letter.link.now = now;
    letter.templateName = QStringLiteral("sign_in");
    letter.toAddress = client.email;
    letter.toName = client.name;
    letter.audit =
        clientEvent(context, m_config, AuditType::TokenIssued, client.id, {{QStringLiteral("via"), via.toString()}});
    // The code for opening the link on another device (F4) lives 10 minutes and dies
    // after 5 wrong tries (B4), however long the link itself lives.
    auto issued = m_linkMailer.send(
        db, std::move(letter), [&](QSqlDatabase &tx, const TokenEngine::Issued &link) -> Result<QVariantMap> {
            auto code = m_codes.issueMailedCode(tx, client.id, 0, ShortCodes::linkNonce(link.tokenId), now);
            if (!code)
                return code.error();
            return QVariantMap{{QStringLiteral("code"), *code},
                               {QStringLiteral("code_minutes"), QString::number(ShortCodes::ValiditySeconds / 60)}};
        });
    if (!issued)
        return issued.error();
    return preauthFor(issued->token);
}

HttpResponse PortalRoutes::checkEmailWithPreauth(const QByteArray &preauth) const
{
    HttpResponse answer = m_pages.checkEmail();
    answer.headers.append(
        {QByteArray("Set-Cookie"), SessionCookie::setCookie(PreauthCookie, preauth, m_config.signInTtlSeconds)});
    return answer;
}

HttpResponse PortalRoutes::signIn(const RequestContext &context) const
{
    auto checked = m_pages.checkedForm(context.request);
    if (auto *refused = std::get_if<HttpResponse>(&checked))
        return std::move(*refused);
    const QString email = std::get<FormBody>(checked).value(QStringLiteral("email")).trimmed();
    if (email.isEmpty())
        return m_pages.signInForm(context.request, {}, QStringLiteral("Please enter your email address."), 400);
    if (auto limited = signInLimited(context, email))
        return *limited;

    const auto now = Clock::now();
    QElapsedTimer timer;
    timer.start();
    // Set either way, so the answer for an unknown address looks the same (F6).
    QByteArray preauth = Crypto::toBase64Url(Crypto::randomBytes(32));
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto failed = [&](const Error &error) {
        tx.rollback();
        Log::error(QStringLiteral("sign_in_failed"), {{QStringLiteral("error"), error.message}});
        // Still the same answer: a failure must not tell an address on file apart.
        return checkEmailWithPreauth(preauth);
    };
    // B3: one link per email within the cooldown, whether or not the address is on file
    // (the answer says a link was just sent; no preauth cookie, so the browser keeps the
    // one that opens the link already on its way).
    auto cooling = m_limits.coolingDown(db, email);
    if (!cooling)
        return failed(cooling.error());
    if (*cooling) {
        if (auto r = tx.commit(); !r)
            return failed(r.error());
        return m_pages.checkEmail(true);
    }
    std::optional<SessionStore::ClientAccess> client;
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
        if (auto r = m_audit.append(db, clientEvent(context, m_config, AuditType::TokenRejected, 0, details)); !r)
            return failed(r.error());
    } else {
        auto issued = issueSignInLink(db, context, *client, now, u"sign_in_form");
        if (!issued)
            return failed(issued.error());
        preauth = *issued;
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
    return checkEmailWithPreauth(preauth);
}

HttpResponse PortalRoutes::resend(const RequestContext &context) const
{
    if (auto refused = m_pages.refuseWithoutCsrf(context.request))
        return *refused;
    // B10: a new link goes only to the address on file of the link's client; the form
    // carries no address. The answer is the same whatever happened, like sign-in (F6),
    // and binds the new link to this browser like a sign-in from the form (F4).
    const QByteArray decoy = Crypto::toBase64Url(Crypto::randomBytes(32));
    const QString token = context.params.value(QStringLiteral("token"));
    auto db = m_database.connection();
    if (!db || !Crypto::looksLikeToken(token))
        return checkEmailWithPreauth(decoy);
    auto state = TokenStore::find(*db, TokenEngine::hashOf(token));
    if (!state || !state->has_value())
        return checkEmailWithPreauth(decoy);
    auto client = SessionStore::clientAccess(*db, (*state)->clientId);
    if (!client || !client->has_value() || (*client)->deleted || (*client)->status == u"revoked")
        return checkEmailWithPreauth(decoy);
    if (auto limited = signInLimited(context, (*client)->email))
        return *limited;
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return checkEmailWithPreauth(decoy);
    auto wdb = tx.connection();
    // B3: the cooldown is per email, shared with the sign-in form.
    auto cooling = m_limits.coolingDown(wdb, (*client)->email);
    if (!cooling || *cooling) {
        tx.rollback();
        return cooling ? m_pages.checkEmail(true) : checkEmailWithPreauth(decoy);
    }
    auto issued = issueSignInLink(wdb, context, **client, Clock::now(), u"resend");
    if (!issued) {
        tx.rollback();
        Log::error(QStringLiteral("resend_failed"), {{QStringLiteral("error"), issued.error().message}});
        return checkEmailWithPreauth(decoy);
    }
    if (auto r = tx.commit(); !r) {
        Log::error(QStringLiteral("resend_failed"), {{QStringLiteral("error"), r.error().message}});
        return checkEmailWithPreauth(decoy);
    }
    return checkEmailWithPreauth(*issued);
}

QByteArray PortalRoutes::preauthFor(QStringView token) const
{
    return Crypto::toBase64Url(Crypto::hmacSha256(m_keyring.derive(u"sign-in-browser"), token.toUtf8()));
}

std::optional<HttpResponse> PortalRoutes::crossDeviceCheck(const RequestContext &context, const QString &token,
                                                           const TokenStore::TokenState &state) const
{
    if (state.purpose != u"sign_in" || state.consumed)
        return std::nullopt; // the consume itself gives the right page for everything else
    const QByteArray cookie = SessionCookie::fromRequest(context.request, PreauthCookie);
    if (!cookie.isEmpty() && Crypto::constantTimeEquals(cookie, preauthFor(token)))
        return std::nullopt; // the browser that asked
    const QString action = QStringLiteral("/portal/%1").arg(token);
    auto form = FormBody::parse(context.request);
    const QString code = form ? form->value(QStringLiteral("code")).trimmed() : QString();
    if (code.isEmpty())
        return m_pages.codeEntry(context.request, action);

    const auto now = Clock::now();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    auto db = tx.connection();
    auto stored = SessionStore::codeByNonce(db, state.clientId, ShortCodes::CrossDevicePurpose,
                                            ShortCodes::linkNonce(state.tokenId));
    if (!stored)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (!stored->has_value())
        return m_pages.codeEntry(context.request, action,
                                 QStringLiteral("This code no longer works. Ask for a new sign-in link."), 400);
    auto checked = m_codes.check(db, **stored, state.clientId, ShortCodes::CrossDevicePurpose, code, now);
    if (!checked)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    // A wrong try counts and a right one uses the code up, whatever the consume does next.
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (checked->result == ShortCodes::Check::Wrong || checked->result == ShortCodes::Check::Locked)
        m_limits.recordFailure(context.request); // F13, after the commit: no write lock held
    switch (checked->result) {
    case ShortCodes::Check::Confirmed:
        return std::nullopt;
    case ShortCodes::Check::NoCode:
        return m_pages.codeEntry(context.request, action,
                                 QStringLiteral("This code has expired. Ask for a new sign-in link."), 400);
    case ShortCodes::Check::Locked:
        return m_pages.problem(context.request, ProblemPage::CodeLocked,
                               {{}, int(std::max<qint64>(60, now.secsTo(state.expiresAt))), 0});
    case ShortCodes::Check::Wrong:
        break;
    }
    return m_pages.codeEntry(context.request, action,
                             QStringLiteral("That code is not right. Check the email and try again."), 400);
}

} // namespace Gatehouse::Server
