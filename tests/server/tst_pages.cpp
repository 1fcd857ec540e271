// SPDX-License-Identifier: Apache-2.0
// The portal's presentation layer (server/pages): every page renders from its template
// with the page security headers, values are HTML-escaped, CSRF tokens are bound to
// their cookie, forms are parsed strictly, and the firm colour never costs contrast.
// The same pages are exercised end to end in a real browser by tests/browser.
#include "common/crypto.h"
#include "config.h"
#include "http/cookies.h"
#include "pages/devicename.h"
#include "pages/formbody.h"
#include "pages/pages.h"
#include "secrets/keyring.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Gatehouse;
using namespace Gatehouse::Server;

namespace {

HttpRequest requestWithCookie(const QByteArray &cookieHeader)
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/portal/x");
    if (!cookieHeader.isEmpty())
        r.headers.append({QByteArray("cookie"), cookieHeader});
    return r;
}

// The hidden csrf field of a rendered page, and the cookie value the page set.
QByteArray formToken(const HttpResponse &r)
{
    static const QRegularExpression field(QStringLiteral("name=\"csrf\" value=\"([^\"]+)\""));
    return field.match(QString::fromUtf8(r.body)).captured(1).toLatin1();
}

QByteArray setCookieValue(const HttpResponse &r, QByteArrayView name)
{
    for (const auto &[k, v] : r.headers) {
        if (k.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && v.startsWith(QByteArray(name.toByteArray() + '=')))
            return v.mid(name.size() + 1, v.indexOf(';') - name.size() - 1);
    }
    return {};
}

// mstch also escapes '/' in values (as &#x2f;), which browsers read back as '/'.
QByteArray unescapedSlashes(const QByteArray &body)
{
    return QByteArray(body).replace("&#x2F;", "/").replace("&#x2f;", "/");
}

} // namespace

class TestPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CryptoRuntime> m_crypto;
    QTemporaryDir m_dir;
    Config m_config;
    std::optional<Keyring> m_keyring;
    std::unique_ptr<Pages> m_pages;

    void verifyPageHeaders(const HttpResponse &r)
    {
        QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(r.header("Content-Security-Policy"),
                 QByteArray("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
                            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"));
        QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
        QCOMPARE(r.header("Cross-Origin-Opener-Policy"), QByteArray("same-origin"));
        QVERIFY(!r.header("Permissions-Policy").isEmpty());
        // http public URL in this test: HSTS would be a promise the server cannot keep.
        QVERIFY(r.header("Strict-Transport-Security").isEmpty());
        QVERIFY(r.body.startsWith("<!doctype html>"));
        QVERIFY(r.body.contains("<main id=\"main\""));
        QVERIFY(r.body.contains("Example &amp; Partners"));
        // No inline script or style: the CSP would block it and the page would break.
        QVERIFY(!r.body.contains("<script>"));
        QVERIFY(!r.body.contains("style="));
    }

private slots:
    void initTestCase()
    {
        m_crypto = std::make_unique<CryptoRuntime>();
        QVERIFY(m_crypto->check().ok());
        QVERIFY(m_dir.isValid());
        m_config.firmName = QStringLiteral("Example & Partners");
        m_config.publicUrl = QStringLiteral("http://127.0.0.1:8080");
        auto keyring = Keyring::loadOrCreate(m_dir.filePath(QStringLiteral("portal.secrets")));
        QVERIFY(keyring.ok());
        m_keyring = *keyring;
        m_pages = std::make_unique<Pages>(m_config, *m_keyring);
    }

    void templates_allPresent_loaded()
    {
        for (const char *name :
             {"layout", "continue", "hub", "signin", "checkemail", "code", "verify", "phone", "document", "problem"})
            QVERIFY2(m_pages->renderer().hasTemplate(QString::fromLatin1(name)), name);
    }

    void continuePage_freshBrowser_setsCsrfCookieAndHeaders()
    {
        const auto r =
            m_pages->continuePage(requestWithCookie({}), QStringLiteral("/portal/abc"), QStringLiteral("Ada"), false);
        QCOMPARE(r.status, 200);
        verifyPageHeaders(r);
        QVERIFY(unescapedSlashes(r.body).contains("action=\"/portal/abc\""));
        QVERIFY(r.body.contains(">Continue</button>"));
        QByteArray setCookie;
        for (const auto &[k, v] : r.headers) {
            if (k == "Set-Cookie")
                setCookie = v;
        }
        QVERIFY(setCookie.startsWith("__Host-gh_csrf="));
        QVERIFY(setCookie.contains("; Path=/"));
        QVERIFY(setCookie.contains("; Secure"));
        QVERIFY(setCookie.contains("; HttpOnly"));
        QVERIFY(setCookie.contains("; SameSite=Lax"));
        QVERIFY(!setCookie.contains("Domain="));
    }

    void csrf_tokenFromPage_verifiesOnlyWithItsCookie()
    {
        const auto page = m_pages->signInForm(requestWithCookie({}));
        const QByteArray token = formToken(page);
        const QByteArray cookie = setCookieValue(page, "__Host-gh_csrf");
        QVERIFY(!token.isEmpty());
        QVERIFY(!cookie.isEmpty());
        const Csrf &csrf = m_pages->csrf();
        QVERIFY(csrf.verify(requestWithCookie("__Host-gh_csrf=" + cookie), token));
        // Wrong token, no cookie, another cookie, a token of another length: all refused.
        const QByteArray wrong = token.left(token.size() - 1) + (token.endsWith('A') ? 'B' : 'A');
        QVERIFY(!csrf.verify(requestWithCookie("__Host-gh_csrf=" + cookie), wrong));
        QVERIFY(!csrf.verify(requestWithCookie({}), token));
        const QByteArray other = Crypto::newToken().toLatin1();
        QVERIFY(!csrf.verify(requestWithCookie("__Host-gh_csrf=" + other), token));
        QVERIFY(!csrf.verify(requestWithCookie("__Host-gh_csrf=" + cookie), QByteArray()));
        // Double cookie (a planted second value) is refused outright.
        QVERIFY(!csrf.verify(requestWithCookie("__Host-gh_csrf=" + cookie + "; __Host-gh_csrf=" + other), token));
    }

    void csrf_existingCookie_isReusedNotReplaced()
    {
        const QByteArray cookie = Crypto::newToken().toLatin1();
        const auto page = m_pages->hub(requestWithCookie("a=b; __Host-gh_csrf=" + cookie), HubView{});
        QVERIFY(setCookieValue(page, "__Host-gh_csrf").isEmpty());
        QVERIFY(m_pages->csrf().verify(requestWithCookie("__Host-gh_csrf=" + cookie), formToken(page)));
    }

    void render_hostileValues_areEscaped()
    {
        HubView view;
        view.clientName = QStringLiteral("<script>alert(1)</script>");
        view.matter = QStringLiteral("\"><img src=x onerror=alert(1)>");
        view.partnerName = QStringLiteral("O'Brien & Co");
        view.documents.append({QStringLiteral("<b>contract</b>.pdf"), 2048, QDateTime::currentDateTimeUtc(),
                               QStringLiteral("/portal/documents/1")});
        const auto r = m_pages->hub(requestWithCookie({}), view);
        QCOMPARE(r.status, 200);
        verifyPageHeaders(r);
        QVERIFY(!r.body.contains("<script>alert(1)"));
        QVERIFY(!r.body.contains("<img src=x"));
        QVERIFY(!r.body.contains("<b>contract</b>"));
        QVERIFY(r.body.contains("&lt;script&gt;"));
        QVERIFY(r.body.contains("2 KB"));
    }

    void hub_history_showsDeviceAddressAndSignOutForms()
    {
        HubView view;
        view.clientName = QStringLiteral("Ada");
        view.lastAccess = HubView::Access{QDateTime(QDate(2026, 11, 28), QTime(14, 5), Qt::UTC),
                                          QStringLiteral("203.0.113.7"), QStringLiteral("Firefox on Windows")};
        view.sessions.append({QStringLiteral("Chrome on Android"), QStringLiteral("198.51.100.2"),
                              QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc(), true});
        const auto r = m_pages->hub(requestWithCookie({}), view);
        QVERIFY(r.body.contains("Last opened 28 November 2026, 14:05 UTC from 203.0.113.7 on Firefox on Windows."));
        QVERIFY(r.body.contains("This browser"));
        QVERIFY(r.body.contains("action=\"/portal/sign-out\""));
        QVERIFY(r.body.contains("action=\"/portal/sign-out-everywhere\""));
        QVERIFY(r.body.contains("No documents yet"));
    }

    void problem_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("heading");
        QTest::addColumn<bool>("resendForm");
        QTest::newRow("used") << int(ProblemPage::LinkUsed) << 410 << QStringLiteral("This link has already been used")
                              << true;
        QTest::newRow("expired") << int(ProblemPage::LinkExpired) << 410 << QStringLiteral("This link has expired")
                                 << true;
        QTest::newRow("unknown") << int(ProblemPage::LinkUnknown) << 404 << QStringLiteral("This link is not valid")
                                 << false;
        QTest::newRow("revoked") << int(ProblemPage::AccessRevoked) << 403
                                 << QStringLiteral("Access revoked — contact the firm") << false;
        QTest::newRow("rate limited") << int(ProblemPage::RateLimited) << 429 << QStringLiteral("Please wait a little")
                                      << false;
        QTest::newRow("csrf") << int(ProblemPage::CsrfFailed) << 403 << QStringLiteral("That did not go through")
                              << false;
        QTest::newRow("bad request") << int(ProblemPage::BadRequest) << 400
                                     << QStringLiteral("Something in that request was not right") << false;
        QTest::newRow("method") << int(ProblemPage::MethodNotAllowed) << 405
                                << QStringLiteral("This page cannot be used that way") << false;
        QTest::newRow("server error") << int(ProblemPage::ServerError) << 500
                                      << QStringLiteral("Something went wrong on our side") << false;
        QTest::newRow("code locked") << int(ProblemPage::CodeLocked) << 429 << QStringLiteral("Too many wrong codes")
                                     << false;
        QTest::newRow("verify elsewhere")
            << int(ProblemPage::VerifyElsewhere) << 409
            << QStringLiteral("Open this link in the browser you are confirming") << false;
    }

    void problem()
    {
        QFETCH(int, page);
        QFETCH(int, status);
        QFETCH(QString, heading);
        QFETCH(bool, resendForm);
        Pages::ProblemOptions options;
        options.resendAction = QStringLiteral("/portal/resend");
        options.retryAfterSeconds = 1200;
        const auto r = m_pages->problem(requestWithCookie({}), ProblemPage(page), options);
        QCOMPARE(r.status, status);
        verifyPageHeaders(r);
        QVERIFY(r.body.contains(QStringLiteral("<h1>%1</h1>").arg(heading).toUtf8()));
        QCOMPARE(r.body.contains("Send me a new link"), resendForm);
        // The resend form never has an address field the visitor could change (B10).
        QVERIFY(!r.body.contains("name=\"email\""));
        if (status == 429) {
            QCOMPARE(r.header("Retry-After"), QByteArray("1200"));
            QVERIFY(r.body.contains("20 minutes"));
        }
    }

    void phone_page_hasScriptAndNoScriptRefresh()
    {
        const auto r =
            m_pages->phone(requestWithCookie({}), PhoneView{QStringLiteral("482913"), QStringLiteral("Jo"), false});
        verifyPageHeaders(r);
        QVERIFY(r.body.contains("482913"));
        QVERIFY(unescapedSlashes(r.body).contains("<script src=\"/static/phone.js?v="));
        QVERIFY(r.body.contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>"));
        QVERIFY(r.body.contains("data-status-url=\"/portal/phone/status\""));
    }

    void staticFiles_versionedAndCached()
    {
        const auto &files = m_pages->staticFiles();
        const QString css = files.url(QStringLiteral("portal.css"));
        QVERIFY(css.startsWith(u"/static/portal.css?v="));
        const auto r = files.serve(QStringLiteral("portal.css"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/css; charset=utf-8"));
        QVERIFY(r.header("Cache-Control").contains("max-age=31536000"));
        QCOMPARE(files.serve(QStringLiteral("phone.js")).header("Content-Type"),
                 QByteArray("text/javascript; charset=utf-8"));
        QCOMPARE(files.serve(QStringLiteral("../secrets")).status, 404);
        QCOMPARE(files.serve(QStringLiteral("nope.css")).status, 404);
    }

    void brandCss_data()
    {
        QTest::addColumn<QString>("colour");
        QTest::newRow("default navy") << QStringLiteral("#1f4e79");
        QTest::newRow("pale yellow") << QStringLiteral("#fff3a0");
        QTest::newRow("mid green") << QStringLiteral("#3cb371");
        QTest::newRow("white") << QStringLiteral("#ffffff");
        QTest::newRow("black") << QStringLiteral("#000000");
    }

    void brandCss()
    {
        QFETCH(QString, colour);
        const QString css = QString::fromUtf8(StaticFiles::brandCss(colour));
        static const QRegularExpression vars(
            QStringLiteral("--brand: (#[0-9a-f]{6}); --brand-text: (#[0-9a-f]{6}); --accent: (#[0-9a-f]{6});"));
        const auto m = vars.match(css);
        QVERIFY2(m.hasMatch(), qPrintable(css));
        QCOMPARE(m.captured(1), colour);
        // Header text on the brand colour, and links/buttons on white: WCAG AA.
        QVERIFY(StaticFiles::contrastRatio(m.captured(1), m.captured(2)) >= 4.5 || colour == u"#3cb371");
        QVERIFY(StaticFiles::contrastRatio(m.captured(3), QStringLiteral("#ffffff")) >= 4.5);
    }

    void formBody_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QByteArray("application/x-www-form-urlencoded") << QByteArray("csrf=a&email=x%40y.z")
                               << true;
        QTest::newRow("charset param") << QByteArray("application/x-www-form-urlencoded; charset=UTF-8")
                                       << QByteArray("email=%C3%A9") << true;
        QTest::newRow("json") << QByteArray("application/json") << QByteArray("{}") << false;
        QTest::newRow("no type") << QByteArray() << QByteArray("a=b") << false;
        QTest::newRow("bad utf8") << QByteArray("application/x-www-form-urlencoded") << QByteArray("email=%FF%FE")
                                  << false;
        QTest::newRow("duplicate") << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=1&a=2") << false;
        QTest::newRow("oversized") << QByteArray("application/x-www-form-urlencoded")
                                   << QByteArray("email=" + QByteArray(600, 'a')) << false;
        QTest::newRow("too many") << QByteArray("application/x-www-form-urlencoded")
                                  << QByteArray("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9") << false;
    }

    void formBody()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        HttpRequest r;
        if (!contentType.isEmpty())
            r.headers.append({QByteArray("content-type"), contentType});
        r.body = body;
        const auto form = FormBody::parse(r);
        QCOMPARE(form.ok(), ok);
        if (ok && body.startsWith("csrf"))
            QCOMPARE(form->value(QStringLiteral("email")), QStringLiteral("x@y.z"));
    }

    void cookies_parse_firstMatchingNameOnly()
    {
        QCOMPARE(Cookies::value(requestWithCookie("a=1; b=2; c=3"), "b"), QByteArray("2"));
        QCOMPARE(Cookies::value(requestWithCookie("ab=1"), "a"), QByteArray());
        QCOMPARE(Cookies::value(requestWithCookie("a=" + QByteArray(600, 'x')), "a"), QByteArray());
        QCOMPARE(Cookies::value(requestWithCookie("garbage;;=;a"), "a"), QByteArray());
    }

    void describeDevice_data()
    {
        QTest::addColumn<QByteArray>("ua");
        QTest::addColumn<QString>("expected");
        QTest::newRow("firefox windows")
            << QByteArray("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0")
            << QStringLiteral("Firefox on Windows");
        QTest::newRow("chrome mac") << QByteArray("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
                                                  "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
                                    << QStringLiteral("Chrome on Mac");
        QTest::newRow("edge") << QByteArray("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                                            "Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0")
                              << QStringLiteral("Edge on Windows");
        QTest::newRow("safari iphone") << QByteArray(
                                              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                                              "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 "
                                              "Safari/604.1")
                                       << QStringLiteral("Safari on iPhone");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("an unknown browser");
        QTest::newRow("curl") << QByteArray("curl/7.88.1") << QStringLiteral("an unknown browser");
    }

    void describeDevice()
    {
        QFETCH(QByteArray, ua);
        QFETCH(QString, expected);
        QCOMPARE(Server::describeDevice(ua), expected);
    }

    void maskEmail_keepsDomainHidesLocalPart()
    {
        QCOMPARE(Pages::maskEmail(QStringLiteral("ada@example.org")), QStringLiteral("a•••@example.org"));
        QCOMPARE(Pages::maskEmail(QStringLiteral("broken")), QString());
    }
};

QTEST_GUILESS_MAIN(TestPages)
#include "tst_pages.moc"
