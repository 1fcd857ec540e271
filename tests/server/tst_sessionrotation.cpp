// SPDX-License-Identifier: Apache-2.0
// B6 for the lock (F9): confirming a browser with the mailed code or the mailed verify
// link answers with a fresh session id in that very response, and the id the browser
// held on the verify screen is dead at once: presented again, it is signed out.
#include "portalflow.h"
#include "portalmail.h"

#include <QRegularExpression>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString StaffEmail = QStringLiteral("para@firm.example");
const QString StaffPassword = QStringLiteral("paralegal password 1");

// "name=value" of the Set-Cookie line for `name` (an answer may set several cookies).
QByteArray cookieSet(const HttpResponse &r, const QByteArray &name)
{
    // Qt Network folds several Set-Cookie lines into one header, one cookie per line.
    for (const auto &[header, folded] : r.headers) {
        if (header.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const auto &value : folded.split('\n')) {
            if (value.startsWith(QByteArray(name + '=')))
                return value.left(value.indexOf(';'));
        }
    }
    return {};
}

} // namespace

class TestSessionRotation : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;
    int m_counter = 0;

    struct Locked
    {
        qint64 clientId = 0;
        QString email;
        QByteArray session; // the pre-verification cookie
    };

    // A locked client signed in through its invite in a browser not yet verified, the
    // verify mail requested: the session on the verify screen.
    Locked lockedAndMailed()
    {
        ++m_counter;
        Locked l;
        l.email = QStringLiteral("locked%1@client.example").arg(m_counter);
        l.clientId = m_flow->createClient(QStringLiteral("Locked %1").arg(m_counter), l.email);
        if (l.clientId <= 0)
            return {};
        const auto on = m_flow->api("PUT", QStringLiteral("/api/v1/clients/%1/require-sign-in").arg(l.clientId),
                                    {{QStringLiteral("enabled"), true}});
        if (on.status != 200)
            return {};
        const auto consumed = m_flow->consume(m_flow->invite(l.clientId));
        l.session = cookieSet(consumed, "__Host-gh_session");
        if (m_flow->hub(l.session).status != 403) // the verify screen
            return {};
        if (m_flow->postForm(QStringLiteral("/portal/verify/send"), {}, l.session).status != 200)
            return {};
        return l;
    }

    // What must hold after the confirmation answer `confirmed`.
    void verifyRotated(const Locked &l, const HttpResponse &confirmed)
    {
        QCOMPARE(confirmed.status, 303);
        QCOMPARE(confirmed.header("Location"), QByteArray("/portal/hub"));
        const QByteArray fresh = cookieSet(confirmed, "__Host-gh_session");
        const QByteArray browser = cookieSet(confirmed, "__Host-gh_browser");
        QVERIFY2(!fresh.isEmpty(), "the confirmation did not set a new session cookie");
        QVERIFY(!browser.isEmpty());
        QVERIFY(fresh != l.session);
        // The old id, replayed from anywhere, is signed out — before the new one is used.
        const auto replay = m_flow->hub(l.session);
        QCOMPARE(replay.status, 401);
        QVERIFY(replay.body.contains("You are not signed in"));
        QVERIFY(cookieSet(replay, "__Host-gh_session").isEmpty()); // nobody is handed the new id
        const auto hub = m_flow->hub(fresh + "; " + browser);
        QCOMPARE(hub.status, 200);
        QVERIFY(hub.body.contains("Welcome, "));
        QCOMPARE(m_flow->hub(l.session).status, 401);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")),
                 qPrintable(m_portal.errorString()));
        // Each test mails a verify code; the sender should not wait long between polls.
        m_portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("100"));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(StaffEmail, StaffPassword));
    }

    void verifyCode_confirmed_freshSessionIdAndOldIdSignedOut()
    {
        const Locked l = lockedAndMailed();
        QVERIFY(l.clientId > 0);
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(code = PortalMail::latestMatch(m_portal.mailFolder(), l.email, QStringLiteral("asked for it: (\\d{6})")))
                 .isEmpty(),
            15000);
        const auto confirmed = m_flow->postForm(QStringLiteral("/portal/verify"), "code=" + code.toLatin1(), l.session);
        verifyRotated(l, confirmed);
    }

    void verifyLink_sameBrowser_freshSessionIdAndOldIdSignedOut()
    {
        const Locked l = lockedAndMailed();
        QVERIFY(l.clientId > 0);
        QString token;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(token = PortalMail::latestMatch(m_portal.mailFolder(), l.email,
                                              // the verify mail's link, not the invite's
                                              QStringLiteral("(?s)/portal/([A-Za-z0-9_-]{43}).*asked for it")))
                 .isEmpty(),
            15000);
        const auto confirmed = m_flow->consume(QStringLiteral("/portal/") + token, l.session);
        verifyRotated(l, confirmed);
    }

    void phoneCodeConfirmed_statusPoll_freshSessionIdAndOldIdSignedOut()
    {
        ++m_counter;
        const qint64 id = m_flow->createClient(QStringLiteral("Phone %1").arg(m_counter),
                                               QStringLiteral("phone%1@client.example").arg(m_counter));
        QVERIFY(id > 0);
        QCOMPARE(m_flow
                     ->api("PUT", QStringLiteral("/api/v1/clients/%1/phone-confirmation").arg(id),
                           {{QStringLiteral("enabled"), true}})
                     .status,
                 200);
        const QByteArray old = cookieSet(m_flow->consume(m_flow->invite(id)), "__Host-gh_session");
        const auto waiting = m_flow->hub(old);
        QCOMPARE(waiting.status, 200);
        static const QRegularExpression shown(QStringLiteral("class=\"code-display\"[^>]*>(\\d{6})<"));
        const QString code = shown.match(QString::fromUtf8(waiting.body)).captured(1);
        QVERIFY2(!code.isEmpty(), waiting.body.constData());
        QCOMPARE(
            m_flow
                ->api("POST", QStringLiteral("/api/v1/clients/%1/phone-code").arg(id), {{QStringLiteral("code"), code}})
                .status,
            200);
        // The phone page's next poll is the first request after the confirmation: it
        // carries the fresh id, and the old one is dead from then on.
        const auto poll =
            httpRequest("GET", m_flow->url(QStringLiteral("/portal/phone/status")), {}, {{"Cookie", old}});
        QCOMPARE(poll.status, 200);
        QCOMPARE(poll.json().value(QStringLiteral("state")).toString(), QStringLiteral("confirmed"));
        const QByteArray fresh = cookieSet(poll, "__Host-gh_session");
        QVERIFY2(!fresh.isEmpty(), "the poll after the confirmation did not carry a new session id");
        QVERIFY(fresh != old);
        QCOMPARE(m_flow->hub(old).status, 401);
        QCOMPARE(m_flow->hub(fresh).status, 200);
    }

    void cleanupTestCase() { QVERIFY(m_portal.stop()); }
};

QTEST_GUILESS_MAIN(TestSessionRotation)
#include "tst_sessionrotation.moc"
