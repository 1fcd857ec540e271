// SPDX-License-Identifier: Apache-2.0
#include "clientaccessapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/problem.h"
#include "log.h"
#include "storage/clientstore.h"
#include "storage/documentstore.h"
#include "storage/writetransaction.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Gatehouse::Server {

namespace {

constexpr int MaxReasonLength = 500;

} // namespace

std::optional<QJsonObject> ClientAccessApi::readBody(const RequestContext &context, const QStringList &fields,
                                                     std::optional<HttpResponse> *problem)
{
    auto parsed = JsonBody::parse(context.request, fields, JsonBody::EmptyBody::IsEmptyObject);
    if (auto *p = std::get_if<HttpResponse>(&parsed)) {
        *problem = *p;
        return std::nullopt;
    }
    return std::get<JsonBody>(parsed).object();
}

// An optional "reason" string: absent or null is empty, anything else must be a
// string of bounded length.
std::optional<QString> ClientAccessApi::optionalReason(const QJsonObject &object, std::optional<HttpResponse> *problem)
{
    const auto value = object.value(QStringLiteral("reason"));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString() || value.toString().trimmed().size() > MaxReasonLength) {
        JsonBody body(object, {QStringLiteral("reason")});
        body.addError(QStringLiteral("reason"),
                      QStringLiteral("must be a string of at most %1 characters").arg(MaxReasonLength));
        *problem = body.validationProblem();
        return std::nullopt;
    }
    return value.toString().trimmed();
}

ClientAccessApi::ClientAccessApi(const Storage &storage, const Config &config, const Keyring &keyring)
    : m_storage(storage), m_config(config), m_audit(storage.database()), m_tokens(config), m_sessions(config, keyring),
      m_codes(keyring), m_outbox(storage.database(), config, keyring), m_limiter(storage.database())
{}

void ClientAccessApi::registerRoutes(Router &router) const
{
    const auto paralegal = Access::staff(StaffRole::Paralegal);
    auto bind = [this](HttpResponse (ClientAccessApi::*handler)(const RequestContext &) const) {
        return [this, handler](const RequestContext &c) { return (this->*handler)(c); };
    };
    const QString base = QStringLiteral("/api/v1/clients/{id}");
    router.add("POST", base + QStringLiteral("/invite"), paralegal, bind(&ClientAccessApi::invite));
    router.add("POST", base + QStringLiteral("/regenerate"), paralegal, bind(&ClientAccessApi::regenerate));
    router.add("POST", base + QStringLiteral("/revoke"), paralegal, bind(&ClientAccessApi::revoke));
    router.add("POST", base + QStringLiteral("/end-sessions"), paralegal, bind(&ClientAccessApi::endSessions));
    router.add("PUT", base + QStringLiteral("/require-sign-in"), paralegal, bind(&ClientAccessApi::setRequireSignIn));
    router.add("PUT", base + QStringLiteral("/phone-confirmation"), paralegal,
               bind(&ClientAccessApi::setPhoneConfirmation));
    router.add("POST", base + QStringLiteral("/phone-code"), paralegal, bind(&ClientAccessApi::phoneCode));
    router.add("GET", base + QStringLiteral("/sessions"), paralegal, bind(&ClientAccessApi::listSessions));
    router.add("DELETE", base + QStringLiteral("/sessions/{sid}"), paralegal, bind(&ClientAccessApi::endSession));
    router.add("DELETE", base + QStringLiteral("/sessions"), paralegal, bind(&ClientAccessApi::endSessions));
    router.add("GET", base + QStringLiteral("/browsers"), paralegal, bind(&ClientAccessApi::listBrowsers));
    router.add("DELETE", base + QStringLiteral("/browsers/{bid}"), paralegal, bind(&ClientAccessApi::endBrowser));
    router.add("DELETE", base + QStringLiteral("/browsers"), paralegal, bind(&ClientAccessApi::endBrowsers));
}

HttpResponse ClientAccessApi::withClient(const RequestContext &context, const Work &work) const
{
    const auto id = ApiSupport::idParam(context, QStringLiteral("id"));
    if (!id)
        return ApiSupport::notFound(QStringLiteral("client"));
    return ApiSupport::inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> ApiSupport::WriteOutcome {
        auto client = m_storage.findClient(*id);
        if (!client)
            return Problem::internalError(client.error());
        if (!client->has_value() || (*client)->deleted)
            return ApiSupport::notFound(QStringLiteral("client"));
        auto response = work(db, **client, Clock::now());
        if (!response && response.error().code == ErrorCode::RateLimited) {
            // The firm-wide mail budget (B3) is spent: the staff member can retry later, so
            // this is a 429 with a wait, not a server fault.
            auto limited = Problem::make(429, ErrorCode::RateLimited,
                                         QStringLiteral("The portal has sent its hourly allowance of email. Try again "
                                                        "later, or ask IT to raise [ratelimit] mail_per_hour."));
            limited.setHeader("Retry-After", QByteArray::number(m_config.rateLimitWindowSeconds));
            return limited;
        }
        if (!response)
            return Problem::internalError(response.error());
        // Whatever the work answers, refusals included, stays: a wrong phone code must
        // count toward the lock (B4).
        return ApiSupport::WriteOutcome::keep(*response);
    });
}

std::optional<HttpResponse> ClientAccessApi::inviteLimited(QSqlDatabase &db, const RequestContext &context,
                                                           qint64 clientId) const
{
    // F13: per client and per staff account, counted with the invite itself.
    const qint64 staffId = context.staff ? context.staff->member.id : 0;
    for (const auto &[bucket, key, limit] :
         {std::tuple{QStringLiteral("invite.client"), QString::number(clientId), m_config.inviteLimitPerClient},
          std::tuple{QStringLiteral("invite.staff"), QString::number(staffId), m_config.inviteLimitPerStaff}}) {
        auto decision = m_limiter.hit(db, bucket, key, limit, m_config.rateLimitWindowSeconds);
        if (!decision)
            return Problem::internalError(decision.error());
        if (!decision->allowed) {
            auto r = Problem::make(429, ErrorCode::RateLimited,
                                   QStringLiteral("Too many links for this client or account in the last hour. Try "
                                                  "again later."));
            r.setHeader("Retry-After", QByteArray::number(decision->retryAfterSeconds));
            return r;
        }
    }
    return std::nullopt;
}

Result<TokenEngine::Issued> ClientAccessApi::issueInvite(QSqlDatabase &db, const RequestContext &context,
                                                         const ClientRecord &client, const QDateTime &now) const
{
    LinkMailer::Letter letter;
    letter.link.purpose = TokenPurpose::Invite;
    letter.link.clientId = client.id;
    letter.link.issuedBy = context.staff ? context.staff->member.id : 0;
    letter.link.address = context.request.remoteAddress;
    letter.link.userAgent = ApiSupport::userAgentOf(context.request);
    letter.link.now = now;
    letter.templateName = QStringLiteral("invite");
    letter.toAddress = client.email;
    letter.toName = client.name;
    letter.fields = {{QStringLiteral("client_name"), client.name},
                     {QStringLiteral("matter"), client.matter},
                     {QStringLiteral("partner_name"), client.partnerName}};
    letter.audit = ApiSupport::staffAction(context, AuditType::TokenIssued, client.id, {});
    return m_linkMailer.send(db, std::move(letter));
}

Result<HttpResponse> ClientAccessApi::linkAnswer(QSqlDatabase &db, qint64 clientId,
                                                 const TokenEngine::Issued &issued) const
{
    Q_UNUSED(db);
    auto client = m_storage.findClient(clientId);
    if (!client)
        return client.error();
    if (!client->has_value())
        return Error{QString(ErrorCode::Internal), QStringLiteral("client %1 vanished").arg(clientId)};
    // The link is in this answer once, for staff to copy; it is stored nowhere in clear.
    auto r = HttpResponse::json(201, {{QStringLiteral("portal_url"), m_tokens.portalUrl(issued.token)},
                                      {QStringLiteral("expires_at"), toWireTime(issued.expiresAt)},
                                      {QStringLiteral("client"), (*client)->toJson()}});
    r.setHeader("ETag", ApiSupport::etagOf(**client));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse ClientAccessApi::invite(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    if (!readBody(context, {}, &problem))
        return *problem;
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            if (auto limited = inviteLimited(db, context, client.id))
                return *limited;
            // One live invite per client: an earlier, unused invite link stops working.
            if (auto r =
                    TokenStore::revokeLive(db, client.id, QStringLiteral("invite"), QStringLiteral("superseded"), now);
                !r)
                return r.error();
            auto issued = issueInvite(db, context, client, now);
            if (!issued)
                return issued.error();
            // An active client stays active (its sessions go on); otherwise it is now invited.
            const bool active = client.status == ClientStatus::Active;
            auto changed = active ? SessionStore::bumpClient(db, client.id, now)
                                  : SessionStore::setClientStatus(db, client.id, QStringLiteral("invited"), now);
            if (!changed)
                return changed.error();
            const QJsonObject details{{QStringLiteral("expires_at"), toWireTime(issued->expiresAt)}};
            if (auto r =
                    m_audit.append(db, ApiSupport::staffAction(context, AuditType::ClientInvited, client.id, details));
                !r)
                return r.error();
            return linkAnswer(db, client.id, *issued);
        });
}

HttpResponse ClientAccessApi::regenerate(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    const auto body = readBody(context, {QStringLiteral("reason"), QStringLiteral("include_documents")}, &problem);
    if (!body)
        return *problem;
    const auto reason = optionalReason(*body, &problem);
    if (!reason)
        return *problem;
    // Document links are separate grants (F10): they outlive a new portal link unless
    // the staff member chooses to end them too.
    JsonBody options(*body, {QStringLiteral("reason"), QStringLiteral("include_documents")});
    const bool includeDocuments = options.optionalBool(QStringLiteral("include_documents"), false);
    if (options.hasErrors())
        return options.validationProblem();
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            if (auto limited = inviteLimited(db, context, client.id))
                return *limited;
            // F7: every earlier link and every session of the client die at once.
            auto tokens = TokenStore::revokeLive(db, client.id, QString(), QStringLiteral("regenerated"), now);
            if (!tokens)
                return tokens.error();
            auto sessions = SessionStore::endSessions(db, client.id);
            if (!sessions)
                return sessions.error();
            int documentLinks = 0;
            if (includeDocuments) {
                auto ended =
                    DocumentStore(m_storage.database()).revokeLinks(db, client.id, QStringLiteral("regenerated"), now);
                if (!ended)
                    return ended.error();
                documentLinks = *ended;
            }
            auto issued = issueInvite(db, context, client, now);
            if (!issued)
                return issued.error();
            const bool active = client.status == ClientStatus::Active;
            auto changed = active ? SessionStore::bumpClient(db, client.id, now)
                                  : SessionStore::setClientStatus(db, client.id, QStringLiteral("invited"), now);
            if (!changed)
                return changed.error();
            const QJsonObject details{{QStringLiteral("reason"), *reason},
                                      {QStringLiteral("tokens_revoked"), *tokens},
                                      {QStringLiteral("sessions_ended"), *sessions},
                                      {QStringLiteral("include_documents"), includeDocuments},
                                      {QStringLiteral("document_links_revoked"), documentLinks}};
            if (auto r = m_audit.append(
                    db, ApiSupport::staffAction(context, AuditType::LinkRegenerated, client.id, details));
                !r)
                return r.error();
            return linkAnswer(db, client.id, *issued);
        });
}

HttpResponse ClientAccessApi::revoke(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    const auto object = readBody(context, {QStringLiteral("reason")}, &problem);
    if (!object)
        return *problem;
    JsonBody body(*object, {QStringLiteral("reason")});
    const QString reason = body.requiredString(QStringLiteral("reason"), MaxReasonLength);
    if (body.hasErrors())
        return body.validationProblem();
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            // F8: all tokens, sessions and browser verifications die; the status says why
            // the portal now answers "access revoked".
            auto tokens = TokenStore::revokeLive(db, client.id, QString(), QStringLiteral("revoked"), now);
            if (!tokens)
                return tokens.error();
            auto sessions = SessionStore::markRevoked(db, client.id);
            if (!sessions)
                return sessions.error();
            auto browsers = SessionStore::endBrowsers(db, client.id);
            if (!browsers)
                return browsers.error();
            auto documentLinks =
                DocumentStore(m_storage.database()).revokeLinks(db, client.id, QStringLiteral("revoked"), now);
            if (!documentLinks)
                return documentLinks.error();
            if (auto r = SessionStore::setClientStatus(db, client.id, QStringLiteral("revoked"), now); !r)
                return r.error();
            const QJsonObject details{{QStringLiteral("reason"), reason},
                                      {QStringLiteral("tokens_revoked"), *tokens},
                                      {QStringLiteral("sessions_ended"), *sessions},
                                      {QStringLiteral("browsers_ended"), *browsers},
                                      {QStringLiteral("document_links_revoked"), *documentLinks}};
            if (auto r =
                    m_audit.append(db, ApiSupport::staffAction(context, AuditType::AccessRevoked, client.id, details));
                !r)
                return r.error();
            auto updated = m_storage.findClient(client.id);
            if (!updated)
                return updated.error();
            if (!updated->has_value())
                return Error{QString(ErrorCode::Internal), QStringLiteral("client %1 vanished").arg(client.id)};
            auto json = HttpResponse::json(200, {{QStringLiteral("client"), (*updated)->toJson()}});
            json.setHeader("ETag", ApiSupport::etagOf(**updated));
            return json;
        });
}

} // namespace Gatehouse::Server
