// SPDX-License-Identifier: Apache-2.0
// F13 and B3 on the client side, over real HTTP against the real gatehouse-portal: a
// per-address limit on portal pages, a cap on failed link attempts per address, and the
// resend cooldown (no second mail for the same email within it). Over a limit: 429 with
// Retry-After and the readable page.
#include "portalflow.h"
#include "portalmail.h"

#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString StaffEmail = QStringLiteral("para@firm.example");
const QString StaffPassword = QStringLiteral("paralegal password 1");

// A well-formed token no link was ever issued for.
QString unknownToken(int i)
{
    return QStringLiteral("unknown%1").arg(i, 4, 10, QLatin1Char('0')).leftJustified(43, u'x');
}

} // namespace

class TestPortalLimits : public QObject
{
    Q_OBJECT

private:
    static bool startWithStaff(PortalProcess &portal, PortalFlow &flow)
    {
        return portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")) && portal.start() &&
               flow.signInStaff(StaffEmail, StaffPassword);
    }

private slots:
    void unknownTokenPosts_overFailureCap_429AndEvenARealLinkRefused()
    {
        PortalProcess portal; // the defaults: 20 failed attempts per address and hour
        PortalFlow flow(portal);
        QVERIFY2(startWithStaff(portal, flow), qPrintable(portal.errorString()));
        const qint64 id = flow.createClient(QStringLiteral("Real Client"), QStringLiteral("real@client.example"));
        const QString link = flow.invite(id);
        QVERIFY(!link.isEmpty());
        for (int i = 0; i < 20; ++i)
            QCOMPARE(flow.consume(QStringLiteral("/portal/") + unknownToken(i)).status, 404);
        const auto limited = flow.consume(QStringLiteral("/portal/") + unknownToken(20));
        QCOMPARE(limited.status, 429);
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 3000 && retryAfter <= 3600, limited.header("Retry-After").constData());
        QVERIFY(limited.body.contains("Please wait a little"));
        // The cap holds for the address, whatever it tries next.
        QCOMPARE(flow.consume(link).status, 429);
        // Once the window has passed, the real link works.
        portal.advanceClock(3601);
        QCOMPARE(flow.consume(link).status, 303);
    }

    void portalPages_overPerAddressLimit_429ButApiAndHealthServed()
    {
        PortalProcess portal;
        // A small limit keeps the test short; the rule is the same at the default 60.
        portal.setConfig(QStringLiteral("ratelimit/portal_pages_per_minute"), QStringLiteral("10"));
        PortalFlow flow(portal);
        QVERIFY2(startWithStaff(portal, flow), qPrintable(portal.errorString()));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(httpRequest("GET", flow.url(QStringLiteral("/portal/sign-in"))).status, 200);
        const auto limited = httpRequest("GET", flow.url(QStringLiteral("/d/") + unknownToken(1)));
        QCOMPARE(limited.status, 429);
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After").constData());
        QVERIFY(limited.body.contains("Please wait a little"));
        QCOMPARE(httpRequest("GET", flow.url(QStringLiteral("/healthz"))).status, 200);
        QCOMPARE(flow.api("GET", QStringLiteral("/api/v1/clients")).status, 200);
        portal.advanceClock(61);
        QCOMPARE(httpRequest("GET", flow.url(QStringLiteral("/portal/sign-in"))).status, 200);
    }

    void signInAndResend_withinCooldown_noSecondMail()
    {
        PortalProcess portal; // the default cooldown: 60 seconds
        PortalFlow flow(portal);
        QVERIFY2(startWithStaff(portal, flow), qPrintable(portal.errorString()));
        const QString email = QStringLiteral("cool@client.example");
        const qint64 id = flow.createClient(QStringLiteral("Cool Client"), email);
        QVERIFY(id > 0);
        const QByteArray field = "email=" + QUrl::toPercentEncoding(email);
        // Signed in once through the invite: an active client, whose used invite link
        // offers "send me a new link".
        const QString invite = flow.invite(id);
        QCOMPARE(flow.consume(invite).status, 303);

        const auto first = flow.postForm(QStringLiteral("/portal/sign-in"), field);
        QCOMPARE(first.status, 200);
        QVERIFY(!first.body.contains("A link was just sent"));
        QCOMPARE(PortalMail::outboxCount(portal.databasePath(), QStringLiteral("sign_in"), id), 1);

        const auto again = flow.postForm(QStringLiteral("/portal/sign-in"), field);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("A link was just sent"));
        QCOMPARE(PortalMail::outboxCount(portal.databasePath(), QStringLiteral("sign_in"), id), 1);

        // "Send me a new link" from a used link shares the cooldown of the email.
        const auto resent = flow.postForm(invite + QStringLiteral("/resend"), {});
        QCOMPARE(resent.status, 200);
        QVERIFY(resent.body.contains("A link was just sent"));
        QCOMPARE(PortalMail::outboxCount(portal.databasePath(), QStringLiteral("sign_in"), id), 1);

        // After the cooldown a new link goes out: the rule holds back repeats, not mail.
        portal.advanceClock(61);
        const auto later = flow.postForm(invite + QStringLiteral("/resend"), {});
        QCOMPARE(later.status, 200);
        QVERIFY(!later.body.contains("A link was just sent"));
        QCOMPARE(PortalMail::outboxCount(portal.databasePath(), QStringLiteral("sign_in"), id), 2);
    }
};

QTEST_GUILESS_MAIN(TestPortalLimits)
#include "tst_portallimits.moc"
