// SPDX-License-Identifier: Apache-2.0
#include "pages.h"

#include "config.h"

#include <QLocale>

namespace Gatehouse::Server {

Pages::Pages(const Config &config, const Keyring &keyring)
    : m_config(config), m_static(config),
      m_renderer(config, m_static.url(QStringLiteral("portal.css")), m_static.url(QStringLiteral("brand.css"))),
      m_response(config), m_csrf(keyring)
{}

HttpResponse Pages::withCsrf(const HttpRequest &request, int status, const QString &templateName, const QString &title,
                             QVariantMap data, const PageRenderer::Options &options) const
{
    const Csrf::Issued issued = m_csrf.issue(request);
    data.insert(QStringLiteral("csrf"), QString::fromLatin1(issued.formToken));
    HttpResponse r = m_response.html(status, m_renderer.render(templateName, title, data, options));
    Csrf::apply(issued, r);
    return r;
}

HttpResponse Pages::continuePage(const HttpRequest &request, const QString &action, const QString &clientName,
                                 bool reusable) const
{
    return withCsrf(request, 200, QStringLiteral("continue"), QStringLiteral("Continue to your portal"),
                    {{QStringLiteral("action"), action},
                     {QStringLiteral("client_name"), clientName},
                     {QStringLiteral("reusable"), reusable}});
}

HttpResponse Pages::hub(const HttpRequest &request, const HubView &view) const
{
    QVariantList documents;
    for (const auto &d : view.documents)
        documents.append(QVariantMap{{QStringLiteral("name"), d.name},
                                     {QStringLiteral("size"), formatSize(d.size)},
                                     {QStringLiteral("added"), formatTime(d.added)},
                                     {QStringLiteral("url"), d.url}});
    QVariantList sessions;
    for (const auto &s : view.sessions)
        sessions.append(QVariantMap{{QStringLiteral("device"), s.device},
                                    {QStringLiteral("address"), s.address},
                                    {QStringLiteral("created"), formatTime(s.created)},
                                    {QStringLiteral("last_seen"), formatTime(s.lastSeen)},
                                    {QStringLiteral("current"), s.current}});
    QVariantMap data{{QStringLiteral("client_name"), view.clientName},
                     {QStringLiteral("matter"), view.matter},
                     {QStringLiteral("partner_name"), view.partnerName},
                     {QStringLiteral("partner_email"), view.partnerEmail},
                     {QStringLiteral("notice"), view.notice},
                     {QStringLiteral("has_documents"), !documents.isEmpty()},
                     {QStringLiteral("documents"), documents},
                     {QStringLiteral("has_sessions"), !sessions.isEmpty()},
                     {QStringLiteral("sessions"), sessions}};
    if (view.lastAccess)
        data.insert(QStringLiteral("last_access"),
                    QVariantMap{{QStringLiteral("time"), formatTime(view.lastAccess->time)},
                                {QStringLiteral("address"), view.lastAccess->address},
                                {QStringLiteral("device"), view.lastAccess->device}});
    return withCsrf(request, 200, QStringLiteral("hub"), QStringLiteral("Your portal"), data);
}

HttpResponse Pages::signInForm(const HttpRequest &request, const QString &email, const QString &error, int status) const
{
    return withCsrf(request, status, QStringLiteral("signin"), QStringLiteral("Sign in"),
                    {{QStringLiteral("email"), email},
                     {QStringLiteral("error"), error},
                     {QStringLiteral("ttl_minutes"), QString::number(m_config.signInTtlSeconds / 60)}});
}

HttpResponse Pages::checkEmail(bool justSent) const
{
    return m_response.html(
        200, m_renderer.render(QStringLiteral("checkemail"), QStringLiteral("Check your email"),
                               {{QStringLiteral("ttl_minutes"), QString::number(m_config.signInTtlSeconds / 60)},
                                {QStringLiteral("just_sent"), justSent}}));
}

HttpResponse Pages::codeEntry(const HttpRequest &request, const QString &action, const QString &error, int status) const
{
    return withCsrf(request, status, QStringLiteral("code"), QStringLiteral("Enter your code"),
                    {{QStringLiteral("action"), action}, {QStringLiteral("error"), error}});
}

std::variant<FormBody, HttpResponse> Pages::checkedForm(const HttpRequest &request) const
{
    auto form = FormBody::parse(request);
    if (!form)
        return problem(request, ProblemPage::BadRequest);
    if (!m_csrf.verify(request, form->value(QStringLiteral("csrf")).toLatin1()))
        return problem(request, ProblemPage::CsrfFailed);
    return std::move(form).value();
}

std::optional<HttpResponse> Pages::refuseWithoutCsrf(const HttpRequest &request) const
{
    auto checked = checkedForm(request);
    if (auto *refused = std::get_if<HttpResponse>(&checked))
        return std::move(*refused);
    return std::nullopt;
}

HttpResponse Pages::verify(const HttpRequest &request, const VerifyView &view, int status) const
{
    return withCsrf(request, status, QStringLiteral("verify"), QStringLiteral("Confirm this browser"),
                    {{QStringLiteral("masked_email"), view.maskedEmail},
                     {QStringLiteral("code_sent"), view.codeSent},
                     {QStringLiteral("error"), view.error}});
}

HttpResponse Pages::phone(const HttpRequest &request, const PhoneView &view) const
{
    // Screen readers read "1 2 3 4 5 6" digit by digit rather than as a large number.
    QStringList spoken;
    for (const QChar c : view.code)
        spoken << QString(c);
    PageRenderer::Options options;
    options.script = m_static.url(QStringLiteral("phone.js"));
    // Without scripts the page reloads itself; once confirmed there is nothing to wait for.
    options.refreshSeconds = view.confirmed ? 0 : 5;
    return withCsrf(request, 200, QStringLiteral("phone"), QStringLiteral("Confirm by phone"),
                    {{QStringLiteral("code"), view.code},
                     {QStringLiteral("code_spoken"), spoken.join(u' ')},
                     {QStringLiteral("partner_name"), view.partnerName},
                     {QStringLiteral("confirmed"), view.confirmed}},
                    options);
}

HttpResponse Pages::document(const DocumentView &view) const
{
    return m_response.html(200, m_renderer.render(QStringLiteral("document"), view.name,
                                                  {{QStringLiteral("name"), view.name},
                                                   {QStringLiteral("client_name"), view.clientName},
                                                   {QStringLiteral("size"), formatSize(view.size)},
                                                   {QStringLiteral("added"), formatTime(view.added)},
                                                   {QStringLiteral("download_url"), view.downloadUrl}}));
}

HttpResponse Pages::endSession(const HttpRequest &request, const EndSessionView &view) const
{
    const QVariantMap data{{QStringLiteral("device"), view.device},
                           {QStringLiteral("address"), view.address},
                           {QStringLiteral("started"), view.started.isValid() ? formatTime(view.started) : QString()},
                           {QStringLiteral("action"), view.action},
                           {QStringLiteral("ended"), view.ended}};
    const QString title = view.ended ? QStringLiteral("Sign-in ended") : QStringLiteral("End this sign-in?");
    if (view.ended)
        return m_response.html(200, m_renderer.render(QStringLiteral("endsession"), title, data));
    return withCsrf(request, 200, QStringLiteral("endsession"), title, data);
}

QString Pages::formatTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return QStringLiteral("an unknown time");
    // Stated in UTC on purpose: the server cannot know the visitor's zone, and a time
    // without its zone would mislead.
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("d MMMM yyyy, HH:mm 'UTC'"));
}

QString Pages::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(QString::number(double(bytes) / 1024.0, 'f', 0));
    return QStringLiteral("%1 MB").arg(QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

QString Pages::maskEmail(const QString &email)
{
    const auto at = email.indexOf(u'@');
    if (at <= 0)
        return {};
    // Enough for the client to recognise the address, too little to harvest it.
    const QString local = email.left(at);
    const QString masked = local.left(1) + QString(std::max<qsizetype>(3, local.size() - 1), QChar(0x2022));
    return masked + email.mid(at);
}

} // namespace Gatehouse::Server
