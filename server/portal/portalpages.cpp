// SPDX-License-Identifier: Apache-2.0
#include "portalpages.h"

namespace Gatehouse::Server::PortalPages {

namespace {

QString p(const QString &text)
{
    return QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>\n");
}

const QString SignInLink = QStringLiteral("<p><a href=\"/portal/sign-in\">Send me a new link by email</a></p>\n");

} // namespace

HttpResponse page(int status, const QString &title, const QString &bodyHtml)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                  "<title>");
    html += title.toHtmlEscaped();
    html += QStringLiteral("</title></head>\n<body><main>\n<h1>");
    html += title.toHtmlEscaped();
    html += QStringLiteral("</h1>\n");
    html += bodyHtml;
    html += QStringLiteral("</main></body></html>\n");
    HttpResponse r;
    r.status = status;
    r.body = html.toUtf8();
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    // Token pages must not be cached or leak their URL to other sites (R5).
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Referrer-Policy", "no-referrer");
    r.setHeader("Content-Security-Policy",
                "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    r.setHeader("X-Frame-Options", "DENY");
    return r;
}

HttpResponse continuePage(const QString &token)
{
    // The token is 43 base64url characters (checked by the caller), safe in an
    // attribute; escaped anyway.
    QString body = p(QStringLiteral("Click the button to open your secure portal."));
    body += QStringLiteral("<form method=\"post\" action=\"/portal/") + token.toHtmlEscaped() +
            QStringLiteral("\"><button type=\"submit\">Continue to your portal</button></form>\n");
    return page(200, QStringLiteral("Continue to your portal"), body);
}

HttpResponse notValid()
{
    return page(404, QStringLiteral("This link is not valid"),
                p(QStringLiteral("Check that you copied the whole link, or ask for a new one.")) + SignInLink);
}

HttpResponse alreadyUsed()
{
    return page(410, QStringLiteral("This link has already been used"),
                p(QStringLiteral("Each link works once. You can get a fresh link by email.")) + SignInLink);
}

HttpResponse expired()
{
    return page(410, QStringLiteral("This link has expired"),
                p(QStringLiteral("Links are valid for a limited time. You can get a fresh link by email.")) +
                    SignInLink);
}

HttpResponse accessRevoked()
{
    return page(410, QStringLiteral("Your access has been revoked"),
                p(QStringLiteral("Your access revoked — contact the firm if you think this is a mistake.")));
}

HttpResponse superseded()
{
    return page(410, QStringLiteral("This link has been replaced"),
                p(QStringLiteral("A newer link was sent to you. Use the most recent email, or get a fresh link.")) +
                    SignInLink);
}

HttpResponse hub(const QString &clientName)
{
    return page(200, QStringLiteral("Your portal"), p(QStringLiteral("Signed in as %1.").arg(clientName)));
}

HttpResponse signedOut()
{
    return page(401, QStringLiteral("You are not signed in"),
                p(QStringLiteral("Your session has ended or this browser has not signed in.")) + SignInLink);
}

HttpResponse verifyBrowser()
{
    return page(403, QStringLiteral("Verify this browser"),
                p(QStringLiteral("Your firm asks you to confirm this browser by email before the portal opens.")));
}

HttpResponse phoneCode(const QString &code)
{
    return page(200, QStringLiteral("Confirm by phone"),
                p(QStringLiteral("Read this code to the firm by phone:")) + QStringLiteral("<p><strong id=\"code\">") +
                    code.toHtmlEscaped() + QStringLiteral("</strong></p>\n") +
                    p(QStringLiteral("Reload this page once they have confirmed it.")));
}

HttpResponse tooManyCodes()
{
    auto r = page(429, QStringLiteral("Too many attempts"),
                  p(QStringLiteral("Open your link again, or ask the firm for a new one.")));
    r.setHeader("Retry-After", "600");
    return r;
}

HttpResponse signInForm()
{
    return page(200, QStringLiteral("Sign in to your portal"),
                QStringLiteral("<form method=\"post\" action=\"/portal/sign-in\"><label for=\"email\">Your email "
                               "address</label> <input id=\"email\" name=\"email\" type=\"email\" required "
                               "autocomplete=\"email\"> <button type=\"submit\">Email me a link</button></form>\n"));
}

HttpResponse checkYourEmail()
{
    return page(200, QStringLiteral("Check your email"),
                p(QStringLiteral("If this address is on file with the firm, a sign-in link is on its way. It works "
                                 "for 15 minutes.")));
}

HttpResponse unavailable()
{
    return page(503, QStringLiteral("Please try again"),
                p(QStringLiteral("The portal could not complete this request. Please try again in a moment.")));
}

} // namespace Gatehouse::Server::PortalPages
