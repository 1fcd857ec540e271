// SPDX-License-Identifier: Apache-2.0
#include "verifyroutes.h"

#include "common/auditevent.h"
#include "common/crypto.h"
#include "config.h"
#include "devicename.h"
#include "formbody.h"
#include "log.h"
#include "ratelimit/clientaddress.h"
#include "secrets/keyring.h"
#include "sessions/sessioncookie.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/writetransaction.h"

namespace Gatehouse::Server {

namespace {

constexpr qint64 CodeSeconds = 600;
constexpr int MaxWrongCodes = 5;
// The short_codes table knows "phone" and "cross_device" codes; a code mailed to confirm
// this browser is a cross-device code bound to the session that asked for it.
const QString Purpose = QStringLiteral("cross_device");

QString sixDigits()
{
    // 4 random bytes reduced mod 10^6: the bias (< 1e-3) does not help a guesser who
    // has five tries.
    const QByteArray bytes = Crypto::randomBytes(4);
    quint32 value = 0;
    for (const char b : bytes)
        value = (value << 8) | quint8(b);
    return QStringLiteral("%1").arg(value % 1000000u, 6, 10, QChar(u'0'));
}

} // namespace

VerifyRoutes::VerifyRoutes(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_database(database), m_keyring(keyring), m_audit(database), m_sessions(config, keyring),
      m_tokens(config), m_outbox(database, config, keyring), m_limiter(database), m_pages(config, keyring)
{}

void VerifyRoutes::registerRoutes(Router &router) const
{
    const auto open = Access::publicRoute();
    router.add("POST", QStringLiteral("/portal/verify/send"), open,
               [this](const RequestContext &c) { return send(c); });
    router.add("POST", QStringLiteral("/portal/verify"), open, [this](const RequestContext &c) { return confirm(c); });
}

QString VerifyRoutes::codeHmac(const QString &keyId, qint64 clientId, QStringView code) const
{
    const QByteArray input = QByteArray::number(clientId) + '|' + Purpose.toLatin1() + '|' + code.toLatin1();
    return QString::fromLatin1(Crypto::hmacSha256(m_keyring.derive(u"short-code", keyId), input).toHex());
}

AuditRecord VerifyRoutes::event(const RequestContext &context, QLatin1StringView type, qint64 clientId,
                                const QJsonObject &details) const
{
    AuditRecord record;
    record.type = QString(type);
    record.actorKind = QStringLiteral("client");
    record.actorId = clientId;
    record.clientId = clientId;
    record.address = clientAddress(context.request, m_config);
    record.userAgent = QString::fromUtf8(context.request.header("user-agent").left(512));
    record.details = details;
    return record;
}

HttpResponse VerifyRoutes::send(const RequestContext &context) const
{
    auto form = FormBody::parse(context.request);
    if (!form)
        return m_pages.problem(context.request, ProblemPage::BadRequest);
    if (!m_pages.csrf().verify(context.request, form->value(QStringLiteral("csrf")).toLatin1()))
        return m_pages.problem(context.request, ProblemPage::CsrfFailed);
    const auto now = QDateTime::currentDateTimeUtc();
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
    TokenEngine::IssueRequest request;
    request.purpose = TokenPurpose::VerifyBrowser;
    request.clientId = session.clientId;
    request.address = clientAddress(context.request, m_config);
    request.userAgent = QString::fromUtf8(context.request.header("user-agent").left(512));
    request.now = now;
    auto issued = m_tokens.issue(db, request);
    if (!issued) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), issued.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    const QString code = sixDigits();
    const QString keyId = m_keyring.currentKeyId();
    const QString nonce = QString::fromLatin1(Crypto::toBase64Url(Crypto::randomBytes(12)));
    const QDateTime expires = now.addSecs(CodeSeconds);
    if (auto r = SessionStore::insertCode(db, session.clientId, session.id, Purpose, keyId, nonce,
                                          codeHmac(keyId, session.clientId, code), now, expires);
        !r) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    OutgoingMail mail;
    mail.templateName = QStringLiteral("verify_browser");
    mail.toAddress = (*client)->email;
    mail.toName = (*client)->name;
    mail.clientId = session.clientId;
    mail.fields = {{QStringLiteral("portal_url"), m_tokens.portalUrl(issued->token)},
                   {QStringLiteral("code"), code},
                   {QStringLiteral("expires_at"), expires}};
    if (auto r = m_outbox.enqueue(db, mail); !r) {
        Log::error(QStringLiteral("verify_send_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    const QJsonObject details{{QStringLiteral("purpose"), QStringLiteral("verify_browser")},
                              {QStringLiteral("token_id"), issued->tokenId}};
    if (auto r = m_audit.append(db, event(context, AuditType::TokenIssued, session.clientId, details)); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    return m_pages.verify(context.request, VerifyView{Pages::maskEmail((*client)->email), true, {}});
}

HttpResponse VerifyRoutes::confirm(const RequestContext &context) const
{
    auto form = FormBody::parse(context.request);
    if (!form)
        return m_pages.problem(context.request, ProblemPage::BadRequest);
    if (!m_pages.csrf().verify(context.request, form->value(QStringLiteral("csrf")).toLatin1()))
        return m_pages.problem(context.request, ProblemPage::CsrfFailed);
    const QString code = form->value(QStringLiteral("code")).trimmed();
    const auto now = QDateTime::currentDateTimeUtc();
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
    auto latest = SessionStore::latestCode(db, session.clientId, Purpose, session.id);
    if (!latest)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (!latest->has_value() || (*latest)->expiresAt < now)
        return again(QStringLiteral("That code has expired. Send a new code and try again."));
    const auto &stored = **latest;
    if (stored.attempts >= MaxWrongCodes)
        return m_pages.problem(context.request, ProblemPage::CodeLocked, {{}, int(now.secsTo(stored.expiresAt)), 0});
    const bool shaped = code.size() == 6 && std::all_of(code.begin(), code.end(), [](QChar c) { return c.isDigit(); });
    const QString expected = stored.codeHmac;
    if (!shaped ||
        !Crypto::constantTimeEquals(codeHmac(stored.keyId, session.clientId, code).toLatin1(), expected.toLatin1())) {
        if (auto r = SessionStore::recordWrongCode(db, stored.id); !r)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        if (auto r = tx.commit(); !r)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        return again(QStringLiteral("That code is not right. Check the email and try again."));
    }

    // Verified: remember this browser for a long time, and give the session a fresh id
    // now that it may see more (B6).
    const QByteArray secret = Crypto::randomBytes(32);
    const QString address = clientAddress(context.request, m_config);
    const QString device = describeDevice(context.request.header("user-agent"));
    auto browserId = SessionStore::insertBrowser(db, Crypto::sha256Hex(secret), session.clientId, now,
                                                 now.addSecs(BrowserLifetimeSeconds), address, device);
    if (!browserId)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = SessionStore::confirmCode(db, stored.id, now); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    // The fresh session id (B6) is issued by the hub on the very next request
    // (rotate_pending), the same path every privilege change of a session takes.
    if (auto r = SessionStore::setPending(db, session.id, QString(), true); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    const QJsonObject details{{QStringLiteral("browser_id"), *browserId},
                              {QStringLiteral("device"), device},
                              {QStringLiteral("via"), QStringLiteral("code")}};
    if (auto r = m_audit.append(db, event(context, AuditType::BrowserVerified, session.clientId, details)); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});

    HttpResponse r;
    r.status = 303;
    r.setHeader("Location", "/portal/hub");
    m_pages.response().addPageHeaders(r);
    r.headers.append({QByteArray("Set-Cookie"),
                      SessionCookie::setCookie(SessionCookie::BrowserName,
                                               SessionCookie::sign(m_keyring, ClientSessions::BrowserPurpose, secret),
                                               BrowserLifetimeSeconds)});
    return r;
}

} // namespace Gatehouse::Server
