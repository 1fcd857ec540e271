// SPDX-License-Identifier: Apache-2.0
// The "something is not right" pages: used, expired, unknown and revoked links, rate
// limits, CSRF and request errors. Kept apart from pages.cpp because the wording is
// the work here: each page says what happened in plain words, what the visitor can do
// next, and nothing about the server's internals.
#include "config.h"
#include "pages.h"

namespace Gatehouse::Server {

namespace {

struct ProblemText
{
    int status;
    QString title;
    QString heading;
    QStringList paragraphs;
    bool offersResend = false; // B10: only where a new link to the address on file helps
    bool offersSignIn = false;
};

QString waitText(int seconds)
{
    if (seconds <= 90)
        return QStringLiteral("a minute");
    const int minutes = (seconds + 59) / 60;
    if (minutes < 90)
        return QStringLiteral("%1 minutes").arg(minutes);
    return QStringLiteral("about %1 hours").arg((minutes + 59) / 60);
}

ProblemText textFor(ProblemPage page, const QString &firm, int retryAfter)
{
    switch (page) {
    case ProblemPage::LinkUsed:
        return {410,
                QStringLiteral("Link already used"),
                QStringLiteral("This link has already been used"),
                {QStringLiteral("For your security, each link opens your portal once."),
                 QStringLiteral("We can email a fresh link to the address %1 has on file for you.").arg(firm)},
                true,
                true};
    case ProblemPage::LinkExpired:
        return {410,
                QStringLiteral("Link expired"),
                QStringLiteral("This link has expired"),
                {QStringLiteral("Links to your portal only work for a limited time, and this one has run out."),
                 QStringLiteral("We can email a fresh link to the address %1 has on file for you.").arg(firm)},
                true,
                true};
    case ProblemPage::LinkUnknown:
        return {404,
                QStringLiteral("Link not valid"),
                QStringLiteral("This link is not valid"),
                {QStringLiteral("Please check that you opened the whole link from your email."),
                 QStringLiteral("If it still does not work, you can ask for a sign-in link by email.")},
                false,
                true};
    case ProblemPage::AccessRevoked:
        return {
            403,
            QStringLiteral("Access revoked"),
            QStringLiteral("Access revoked — contact the firm"),
            {QStringLiteral("%1 has turned off access to this portal.").arg(firm),
             QStringLiteral("If you think this is a mistake, please contact your contact at %1 directly.").arg(firm)},
            false,
            false};
    case ProblemPage::RateLimited:
        return {429,
                QStringLiteral("Too many requests"),
                QStringLiteral("Please wait a little"),
                {QStringLiteral("There have been too many requests from here in a short time."),
                 QStringLiteral("Please try again in %1.").arg(waitText(retryAfter))},
                false,
                false};
    case ProblemPage::CodeLocked:
        return {429,
                QStringLiteral("Too many attempts"),
                QStringLiteral("Too many wrong codes"),
                {QStringLiteral("That code has been entered wrongly too many times and no longer works."),
                 QStringLiteral("Please ask for a new link or code, or try again in %1.").arg(waitText(retryAfter))},
                false,
                true};
    case ProblemPage::VerifyElsewhere:
        return {
            409,
            QStringLiteral("Open it where you asked"),
            QStringLiteral("Open this link in the browser you are confirming"),
            {QStringLiteral("This link confirms the browser in which you asked for it, and this is a different "
                            "browser (or that page has been closed)."),
             QStringLiteral("Open the link in the browser that showed \u201cConfirm this browser\u201d, or type the "
                            "code from the same email there. To start again, open your link from %1.")
                 .arg(firm)},
            false,
            true};
    case ProblemPage::CsrfFailed:
        return {403,
                QStringLiteral("Please try again"),
                QStringLiteral("That did not go through"),
                {QStringLiteral("For your security we could not accept that form. This happens when a page was "
                                "open for a long time, or when cookies are turned off for this site."),
                 QStringLiteral("Please go back, reload the page and try again.")},
                false,
                false};
    case ProblemPage::BadRequest:
        return {400,
                QStringLiteral("Request not understood"),
                QStringLiteral("Something in that request was not right"),
                {QStringLiteral("Please go back and try again, or open the link from your email once more.")},
                false,
                true};
    case ProblemPage::NotFound:
        return {404,
                QStringLiteral("Page not found"),
                QStringLiteral("There is no page here"),
                {QStringLiteral("Please check the address, or open the link from your email once more.")},
                false,
                true};
    case ProblemPage::MethodNotAllowed:
        return {405,
                QStringLiteral("Not allowed"),
                QStringLiteral("This page cannot be used that way"),
                {QStringLiteral("Please open the link from your email once more.")},
                false,
                true};
    case ProblemPage::SessionEnded:
        return {401,
                QStringLiteral("Signed out"),
                QStringLiteral("You are not signed in"),
                {QStringLiteral("This browser is not signed in to your portal, or the session has ended."),
                 QStringLiteral("You can sign in again with a link by email.")},
                false,
                true};
    case ProblemPage::SignedOut:
        return {200,
                QStringLiteral("Signed out"),
                QStringLiteral("You are signed out"),
                {QStringLiteral("You can close this window. To come back, use a link from %1 or sign in by email.")
                     .arg(firm)},
                false,
                true};
    case ProblemPage::ServerError:
        break;
    }
    return {500,
            QStringLiteral("Something went wrong"),
            QStringLiteral("Something went wrong on our side"),
            {QStringLiteral("Please try again in a few minutes. If it keeps happening, contact %1.").arg(firm)},
            false,
            false};
}

} // namespace

HttpResponse Pages::problem(const HttpRequest &request, ProblemPage page, const ProblemOptions &options) const
{
    const ProblemText text = textFor(page, m_config.firmName, options.retryAfterSeconds);
    const int status = options.status > 0 ? options.status : text.status;
    QVariantMap data{{QStringLiteral("heading"), text.heading},
                     {QStringLiteral("paragraphs"), QVariant(text.paragraphs)},
                     {QStringLiteral("sign_in"), text.offersSignIn}};
    HttpResponse r;
    if (text.offersResend && !options.resendAction.isEmpty()) {
        // The form carries no address: the new link can only go to the one on file.
        data.insert(QStringLiteral("resend"), true);
        data.insert(QStringLiteral("action"), options.resendAction);
        r = withCsrf(request, status, QStringLiteral("problem"), text.title, data);
    } else {
        r = m_response.html(status, m_renderer.render(QStringLiteral("problem"), text.title, data));
    }
    if ((page == ProblemPage::RateLimited || page == ProblemPage::CodeLocked) && options.retryAfterSeconds > 0)
        r.setHeader("Retry-After", QByteArray::number(options.retryAfterSeconds));
    return r;
}

} // namespace Gatehouse::Server
