// SPDX-License-Identifier: Apache-2.0
// Client access end to end (SPEC F5, F7, F8, F9, F11, B4, B5, B6): invite → consume →
// hub, regenerate, revoke, the lock's cascade, phone codes, cookie key rotation and
// session expiry, over real HTTP against the real gatehouse-portal.
#include "common/auditevent.h"
#include "portalflow.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString StaffEmail = QStringLiteral("para@firm.example");
const QString StaffPassword = QStringLiteral("paralegal password 1");

QString codeOnPage(const QByteArray &body)
{
    static const QRegularExpression code(QStringLiteral("class=\"code-display\"[^>]*>(\\d{6})<"));
    return code.match(QString::fromUtf8(body)).captured(1);
}

// A six-digit code that is not `code`.
QString otherCode(const QString &code)
{
    return QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
}

} // namespace

class TestClientAccess : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;
    int m_counter = 0;

    qint64 newClient(PortalFlow &flow)
    {
        ++m_counter;
        return flow.createClient(QStringLiteral("Client %1").arg(m_counter),
                                 QStringLiteral("client%1@client.example").arg(m_counter));
    }

    // Invite + consume: the session cookie, or empty.
    QByteArray signedIn(PortalFlow &flow, qint64 clientId)
    {
        const auto r = flow.consume(flow.invite(clientId));
        return r.status == 303 ? PortalFlow::sessionCookie(r) : QByteArray();
    }

    QJsonObject client(PortalFlow &flow, qint64 id)
    {
        return flow.api("GET", QStringLiteral("/api/v1/clients/%1").arg(id)).json();
    }

    bool startVariant(PortalProcess &portal, PortalFlow &flow, const QMap<QString, QString> &settings)
    {
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            portal.setConfig(it.key(), it.value());
        return portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")) && portal.start() &&
               flow.signInStaff(StaffEmail, StaffPassword);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")),
                 qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(StaffEmail, StaffPassword));
    }

    void inviteConsume_hubSignedIn_cookieHardened()
    {
        const qint64 id = newClient(*m_flow);
        const auto r = m_flow->consume(m_flow->invite(id));
        QCOMPARE(r.status, 303);
        // The session cookie comes first; a new browser's device cookie (B7) may follow,
        // and Qt Network folds several Set-Cookie lines into one, one per line.
        const QByteArray setCookie = r.header("Set-Cookie").split('\n').first();
        static const QRegularExpression shape(
            QStringLiteral("^__Host-gh_session=[0-9a-f]{8}\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}; Path=/; Secure; "
                           "HttpOnly; SameSite=Lax; Max-Age=1209600$"));
        QVERIFY2(shape.match(QString::fromLatin1(setCookie)).hasMatch(), setCookie.constData());
        const QByteArray cookie = PortalFlow::sessionCookie(r);

        const auto hub = m_flow->hub(cookie);
        QCOMPARE(hub.status, 200);
        QVERIFY(hub.body.contains("Welcome, Client"));
        QCOMPARE(m_flow->hub({}).status, 401);
        // A tampered cookie (one character of the session id changed) fails its HMAC.
        QByteArray tampered = cookie;
        const auto at = tampered.indexOf('.') + 5;
        tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
        QCOMPARE(m_flow->hub(tampered).status, 401);

        // The desktop app sees the access: status active, last access with a device.
        const auto c = client(*m_flow, id);
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(c.value(QStringLiteral("last_access_device")).toString(), QStringLiteral("Firefox on Windows"));
        QCOMPARE(c.value(QStringLiteral("last_access_address")).toString(), QStringLiteral("127.0.0.1"));
        const auto sessions = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(id));
        const auto list = sessions.json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("device")).toString(),
                 QStringLiteral("Firefox on Windows"));
    }

    void regenerate_killsOldLinkAndSessions()
    {
        const qint64 id = newClient(*m_flow);
        const QString unused = m_flow->invite(id);
        const QByteArray cookie = signedIn(*m_flow, id);
        QVERIFY(!cookie.isEmpty());
        const auto before = client(*m_flow, id);
        const auto r = m_flow->api("POST", QStringLiteral("/api/v1/clients/%1/regenerate").arg(id),
                                   {{QStringLiteral("reason"), QStringLiteral("link forwarded")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(m_flow->hub(cookie).status, 401);
        const auto old = m_flow->consume(unused);
        QCOMPARE(old.status, 410);
        const QString fresh = QUrl(r.json().value(QStringLiteral("portal_url")).toString()).path();
        QCOMPARE(m_flow->consume(fresh).status, 303);
        QVERIFY(client(*m_flow, id).value(QStringLiteral("version")).toInteger() >
                before.value(QStringLiteral("version")).toInteger());
    }

    void revoke_accessRevokedPageAndSessionsDie()
    {
        const qint64 id = newClient(*m_flow);
        const QByteArray cookie = signedIn(*m_flow, id);
        const QString pending = m_flow->invite(id);
        QVERIFY(!cookie.isEmpty() && !pending.isEmpty());
        // A reason is required.
        const auto noReason = m_flow->api("POST", QStringLiteral("/api/v1/clients/%1/revoke").arg(id));
        QCOMPARE(noReason.status, 400);
        QCOMPARE(noReason.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        const auto r = m_flow->api("POST", QStringLiteral("/api/v1/clients/%1/revoke").arg(id),
                                   {{QStringLiteral("reason"), QStringLiteral("engagement ended")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("client")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("revoked"));
        // The open hub's next request says why (not a sign-in prompt).
        const auto hub = m_flow->hub(cookie);
        QCOMPARE(hub.status, 403);
        QVERIFY(hub.body.contains("Access revoked"));
        QVERIFY(m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(id))
                    .json()
                    .value(QStringLiteral("sessions"))
                    .toArray()
                    .isEmpty());
        const auto page = m_flow->consume(pending);
        QCOMPARE(page.status, 410);
        QVERIFY(page.body.contains("Access revoked"));
        // The reason is in the audit log.
        const auto audit = m_flow->api("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(id));
        bool found = false;
        for (const auto &v : audit.json().value(QStringLiteral("events")).toArray()) {
            const auto e = v.toObject();
            found |= e.value(QStringLiteral("type")).toString() == AuditType::AccessRevoked &&
                     e.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString() ==
                         QStringLiteral("engagement ended") &&
                     e.value(QStringLiteral("actor_kind")).toString() == QStringLiteral("staff");
        }
        QVERIFY(found);
    }

    void requireSignIn_on_endsUnverifiedSessions_andLinksMeetTheLock()
    {
        const qint64 id = newClient(*m_flow);
        const QByteArray cookie = signedIn(*m_flow, id);
        QCOMPARE(m_flow->hub(cookie).status, 200);
        const auto on = m_flow->api("PUT", QStringLiteral("/api/v1/clients/%1/require-sign-in").arg(id),
                                    {{QStringLiteral("enabled"), true}});
        QCOMPARE(on.status, 200);
        QCOMPARE(on.json().value(QStringLiteral("require_sign_in")).toBool(), true);
        QVERIFY(!on.header("ETag").isEmpty());
        QCOMPARE(m_flow->hub(cookie).status, 401);
        // A new link now opens only the verify screen in this unverified browser.
        const QByteArray locked = signedIn(*m_flow, id);
        QVERIFY(!locked.isEmpty());
        const auto hub = m_flow->hub(locked);
        QCOMPARE(hub.status, 403);
        QVERIFY(hub.body.contains("Confirm this browser"));
        const auto bad = m_flow->api("PUT", QStringLiteral("/api/v1/clients/%1/require-sign-in").arg(id),
                                     {{QStringLiteral("enabled"), QStringLiteral("yes")}});
        QCOMPARE(bad.status, 400);
    }

    void phoneCode_rightCode_proceedsWithFreshSessionId()
    {
        const qint64 id = newClient(*m_flow);
        QCOMPARE(m_flow
                     ->api("PUT", QStringLiteral("/api/v1/clients/%1/phone-confirmation").arg(id),
                           {{QStringLiteral("enabled"), true}})
                     .status,
                 200);
        const QByteArray cookie = signedIn(*m_flow, id);
        const auto waiting = m_flow->hub(cookie);
        QCOMPARE(waiting.status, 200);
        const QString code = codeOnPage(waiting.body);
        QVERIFY2(!code.isEmpty(), waiting.body.constData());
        // Reloading shows the same code (it is derived, not stored).
        QCOMPARE(codeOnPage(m_flow->hub(cookie).body), code);
        const auto confirmed = m_flow->api("POST", QStringLiteral("/api/v1/clients/%1/phone-code").arg(id),
                                           {{QStringLiteral("code"), code}});
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json().value(QStringLiteral("confirmed")).toBool(), true);
        const auto hub = m_flow->hub(cookie);
        QCOMPARE(hub.status, 200);
        QVERIFY(hub.body.contains("Welcome, "));
        // B6: the privilege change came with a fresh session id; the old one is dead.
        const QByteArray renewed = PortalFlow::sessionCookie(hub);
        QVERIFY(renewed.startsWith("__Host-gh_session="));
        QVERIFY(renewed != cookie);
        QCOMPARE(m_flow->hub(cookie).status, 401);
        QCOMPARE(m_flow->hub(renewed).status, 200);
        // Nothing is pending any more.
        const auto again = m_flow->api("POST", QStringLiteral("/api/v1/clients/%1/phone-code").arg(id),
                                       {{QStringLiteral("code"), code}});
        QCOMPARE(again.status, 404);
    }

    void phoneCode_fiveWrongTries_locks()
    {
        const qint64 id = newClient(*m_flow);
        QCOMPARE(m_flow
                     ->api("PUT", QStringLiteral("/api/v1/clients/%1/phone-confirmation").arg(id),
                           {{QStringLiteral("enabled"), true}})
                     .status,
                 200);
        const QByteArray cookie = signedIn(*m_flow, id);
        const QString code = codeOnPage(m_flow->hub(cookie).body);
        QVERIFY(!code.isEmpty());
        const QString wrong = otherCode(code);
        const QString path = QStringLiteral("/api/v1/clients/%1/phone-code").arg(id);
        for (int i = 1; i <= 4; ++i) {
            const auto r = m_flow->api("POST", path, {{QStringLiteral("code"), wrong}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_code"));
            QCOMPARE(r.json().value(QStringLiteral("attempts_left")).toInt(), 5 - i);
        }
        const auto fifth = m_flow->api("POST", path, {{QStringLiteral("code"), wrong}});
        QCOMPARE(fifth.status, 429);
        QCOMPARE(fifth.json().value(QStringLiteral("code")).toString(), QStringLiteral("code_locked"));
        // Dead: even the right code no longer works.
        const auto right = m_flow->api("POST", path, {{QStringLiteral("code"), code}});
        QCOMPARE(right.status, 429);
        QCOMPARE(m_flow->api("POST", path, {{QStringLiteral("code"), QStringLiteral("12ab56")}}).status, 400);
    }

    void sessionsAndBrowsers_listAndEnd()
    {
        const qint64 id = newClient(*m_flow);
        const QByteArray one = signedIn(*m_flow, id);
        const QByteArray two = signedIn(*m_flow, id);
        const QByteArray three = signedIn(*m_flow, id);
        const auto list = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(id));
        QCOMPARE(list.status, 200);
        const auto sessions = list.json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 3);
        const qint64 firstId = qint64(sessions.first().toObject().value(QStringLiteral("id")).toDouble());
        QCOMPARE(m_flow->api("DELETE", QStringLiteral("/api/v1/clients/%1/sessions/%2").arg(id).arg(firstId)).status,
                 204);
        QCOMPARE(m_flow->hub(one).status, 401);
        QCOMPARE(m_flow->hub(two).status, 200);
        QCOMPARE(m_flow->api("DELETE", QStringLiteral("/api/v1/clients/%1/sessions/%2").arg(id).arg(firstId)).status,
                 404);
        const auto all = m_flow->api("DELETE", QStringLiteral("/api/v1/clients/%1/sessions").arg(id));
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QStringLiteral("ended")).toInt(), 2);
        QCOMPARE(m_flow->hub(three).status, 401);
        const auto browsers = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/browsers").arg(id));
        QCOMPARE(browsers.status, 200);
        QVERIFY(browsers.json().value(QStringLiteral("browsers")).toArray().isEmpty());
        // Ending browser verifications is audited as that, not as ended sessions.
        const auto forget = m_flow->api("DELETE", QStringLiteral("/api/v1/clients/%1/browsers").arg(id));
        QCOMPARE(forget.status, 200);
        QCOMPARE(forget.json().value(QStringLiteral("ended")).toInt(), 0);
        const auto audited =
            m_flow->api("GET", QStringLiteral("/api/v1/audit?client_id=%1&type=browser.verification_ended").arg(id));
        QCOMPARE(audited.status, 200);
        QCOMPARE(audited.json().value(QStringLiteral("events")).toArray().size(), 1);
        // Another client's session id is not reachable through this client.
        const qint64 other = newClient(*m_flow);
        QVERIFY(!signedIn(*m_flow, other).isEmpty());
        const auto otherList = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(other));
        const qint64 otherSession = qint64(
            otherList.json().value(QStringLiteral("sessions")).toArray().first().toObject().value(u"id").toDouble());
        QCOMPARE(
            m_flow->api("DELETE", QStringLiteral("/api/v1/clients/%1/sessions/%2").arg(id).arg(otherSession)).status,
            404);
        QCOMPARE(m_flow->api("POST", QStringLiteral("/api/v1/clients/999999/invite")).status, 404);
    }

    void routes_withoutStaffToken_unauthenticated()
    {
        const auto r = httpRequest("POST", m_flow->url(QStringLiteral("/api/v1/clients/1/invite")), "{}");
        QCOMPARE(r.status, 401);
    }

    void cookieKeyRotation_oldSessionsStayValid()
    {
        PortalProcess portal;
        PortalFlow flow(portal);
        QVERIFY2(startVariant(portal, flow, {}), qPrintable(portal.errorString()));
        const qint64 id = newClient(flow);
        const QByteArray before = signedIn(flow, id);
        QVERIFY(!before.isEmpty());
        portal.stop();
        const auto rotated =
            PortalProcess::runCli({QStringLiteral("rotate-secret"), QStringLiteral("--config"), portal.configPath()});
        QCOMPARE(rotated.exitCode, 0);
        QVERIFY(portal.start());
        flow.forgetCsrf(); // form tokens are signed with the current key, like a reloaded page
        QVERIFY(flow.signInStaff(StaffEmail, StaffPassword));
        QCOMPARE(flow.hub(before).status, 200);
        const QByteArray after = signedIn(flow, id);
        QVERIFY(!after.isEmpty());
        // The new cookie is signed under the new key id.
        const auto keyOf = [](const QByteArray &c) { return c.mid(c.indexOf('=') + 1, 8); };
        QVERIFY(keyOf(before) != keyOf(after));
        QCOMPARE(flow.hub(after).status, 200);
    }

    void session_idleAndAbsoluteExpiry_followConfig()
    {
        {
            PortalProcess portal;
            PortalFlow flow(portal);
            QVERIFY2(startVariant(portal, flow, {{QStringLiteral("security/session_idle_hours"), QStringLiteral("1")}}),
                     qPrintable(portal.errorString()));
            const QByteArray cookie = signedIn(flow, newClient(flow));
            QCOMPARE(flow.hub(cookie).status, 200);
            portal.advanceClock(59 * 60);
            QCOMPARE(flow.hub(cookie).status, 200); // used within the idle timeout...
            portal.advanceClock(61 * 60);
            QCOMPARE(flow.hub(cookie).status, 401); // ...then left idle past it
        }
        {
            PortalProcess portal;
            PortalFlow flow(portal);
            QVERIFY2(startVariant(portal, flow,
                                  {{QStringLiteral("security/session_lifetime_days"), QStringLiteral("1")},
                                   {QStringLiteral("security/session_idle_hours"), QStringLiteral("12")}}),
                     qPrintable(portal.errorString()));
            const auto r = flow.consume(flow.invite(newClient(flow)));
            QVERIFY(r.header("Set-Cookie").split('\n').first().endsWith("Max-Age=86400"));
            const QByteArray cookie = PortalFlow::sessionCookie(r);
            QCOMPARE(flow.hub(cookie).status, 200);
            portal.advanceClock(11 * 3600);
            QCOMPARE(flow.hub(cookie).status, 200); // activity does not extend the lifetime...
            portal.advanceClock(11 * 3600);
            QCOMPARE(flow.hub(cookie).status, 200);
            portal.advanceClock(2 * 3600 + 1);
            QCOMPARE(flow.hub(cookie).status, 401); // ...past its absolute end
        }
    }

    void cleanupTestCase() { m_portal.stop(); }
};

QTEST_GUILESS_MAIN(TestClientAccess)
#include "tst_clientaccess.moc"
