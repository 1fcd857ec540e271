// SPDX-License-Identifier: Apache-2.0
#include "mailpreviewapi.h"

#include "api/jsonbody.h"
#include "clock.h"
#include "config.h"
#include "http/problem.h"
#include "validation.h"

namespace Gatehouse::Server {

namespace {

// The fields of a client as the create form holds them; the limits are those of
// POST /api/v1/clients, so anything the form can save can be previewed.
constexpr int MaxName = 200;
constexpr int MaxEmail = 254;
constexpr int MaxMatter = 200;
constexpr int MaxPartner = 200;

// An optional string field: absent or null is empty.
QString optionalString(JsonBody &body, const QJsonObject &object, const QString &field, int maxLength)
{
    const auto value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString() || value.toString().trimmed().size() > maxLength) {
        body.addError(field, QStringLiteral("must be a string of at most %1 characters").arg(maxLength));
        return {};
    }
    return value.toString().trimmed();
}

} // namespace

MailPreviewApi::MailPreviewApi(const Database &database, const Config &config, const Keyring &keyring)
    : m_tokens(config), m_outbox(database, config, keyring)
{}

void MailPreviewApi::registerRoutes(Router &router) const
{
    router.add("POST", QStringLiteral("/api/v1/mail/preview/invite"), Access::staff(StaffRole::Paralegal),
               [this](const RequestContext &c) { return invite(c); });
}

HttpResponse MailPreviewApi::invite(const RequestContext &context) const
{
    auto parsed = JsonBody::parse(context.request, {QStringLiteral("name"), QStringLiteral("email"),
                                                    QStringLiteral("matter"), QStringLiteral("partner")});
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QJsonObject &object = body.object();
    const QString name = body.requiredString(QStringLiteral("name"), MaxName);
    const QString email = optionalString(body, object, QStringLiteral("email"), MaxEmail);
    if (!email.isEmpty() && !isPlausibleEmail(email))
        body.addError(QStringLiteral("email"), QStringLiteral("is not a valid email address"));
    const QString matter = optionalString(body, object, QStringLiteral("matter"), MaxMatter);
    const QString partner = optionalString(body, object, QStringLiteral("partner"), MaxPartner);
    if (body.hasErrors())
        return body.validationProblem();

    // The same mail ClientAccessApi::issueInvite queues, field for field; only the link
    // is a placeholder that opens nothing, and the expiry is what a link issued now
    // would get.
    OutgoingMail mail;
    mail.templateName = QStringLiteral("invite");
    mail.toAddress = email;
    mail.toName = name;
    mail.fields = {{QStringLiteral("portal_url"), m_tokens.portalUrl(QStringLiteral("preview-only"))},
                   {QStringLiteral("expires_at"), m_tokens.expiryFor(TokenPurpose::Invite, Clock::now())},
                   {QStringLiteral("client_name"), name},
                   {QStringLiteral("matter"), matter},
                   {QStringLiteral("partner_name"), partner}};
    auto rendered = m_outbox.render(mail);
    if (!rendered)
        return Problem::internalError(rendered.error());
    auto r = HttpResponse::json(200, {{QStringLiteral("subject"), rendered->subject},
                                      {QStringLiteral("text"), rendered->text},
                                      {QStringLiteral("html"), rendered->html}});
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace Gatehouse::Server
