// SPDX-License-Identifier: Apache-2.0
// The magic-link engine (SPEC F2, F3, F4, F12, B1, B2, R2, R3): over real HTTP against
// the real gatehouse-portal, plus the engine's purpose and client checks on a real
// SQLite database where no HTTP route issues such tokens yet.
#include "common/auditevent.h"
#include "common/crypto.h"
#include "config.h"
#include "portalflow.h"
#include "storage/database.h"
#include "storage/storage.h"
#include "storage/writetransaction.h"
#include "tokens/tokenengine.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Gatehouse;
using namespace Gatehouse::Test;
using Gatehouse::Server::TokenEngine;
using Gatehouse::Server::TokenPurpose;

namespace {

const QString StaffEmail = QStringLiteral("para@firm.example");
const QString StaffPassword = QStringLiteral("paralegal password 1");

int statusOf(const QByteArray &raw)
{
    // "HTTP/1.1 303 See Other\r\n..."
    const auto firstLine = raw.left(raw.indexOf('\r'));
    const auto parts = firstLine.split(' ');
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

} // namespace

class TestTokenEngine : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;
    int m_clientCounter = 0;

    // A fresh invited client and its link path.
    QString invitedLink(PortalFlow &flow, qint64 *clientId = nullptr)
    {
        ++m_clientCounter;
        const qint64 id = flow.createClient(QStringLiteral("Client %1").arg(m_clientCounter),
                                            QStringLiteral("c%1@client.example").arg(m_clientCounter));
        if (clientId)
            *clientId = id;
        return id > 0 ? flow.invite(id) : QString();
    }

    QJsonArray auditOf(PortalFlow &flow, qint64 clientId)
    {
        const auto r = flow.api("GET", QStringLiteral("/api/v1/audit?client_id=%1&limit=200").arg(clientId));
        return r.json().value(QStringLiteral("events")).toArray();
    }

    static QStringList typesAndReasons(const QJsonArray &events)
    {
        QStringList list;
        for (const auto &v : events) {
            const auto e = v.toObject();
            const QString reason =
                e.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString();
            list << e.value(QStringLiteral("type")).toString() + (reason.isEmpty() ? QString() : u':' + reason);
        }
        return list;
    }

    // Starts a second server with extra settings, signed in as staff.
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
        QVERIFY(m_crypto.check().ok());
        QVERIFY2(m_portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")),
                 qPrintable(m_portal.errorString()));
        m_portal.setConfig(QStringLiteral("server/threads"), QStringLiteral("4"));
        m_portal.setConfig(QStringLiteral("server/public_url"), QStringLiteral("https://portal.firm.example"));
        // Every test here is a client on 127.0.0.1, and the R3 race alone sends 50 consumes
        // at once, 49 of which fail as "used": far past the 60 portal pages per minute and
        // 20 failed attempts per hour a real address needs (F13, tested in
        // tst_portallimits), so this server allows more.
        m_portal.setConfig(QStringLiteral("ratelimit/portal_pages_per_minute"), QStringLiteral("10000"));
        m_portal.setConfig(QStringLiteral("ratelimit/failed_attempts_per_address"), QStringLiteral("10000"));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(StaffEmail, StaffPassword));
    }

    void invite_returnsLinkOnceWith43CharToken()
    {
        const qint64 id = m_flow->createClient(QStringLiteral("Ada"), QStringLiteral("ada@client.example"));
        QVERIFY(id > 0);
        // A forged Host header must not leak into the link (B8).
        const auto r = httpRequest("POST", m_flow->url(QStringLiteral("/api/v1/clients/%1/invite").arg(id)), "{}",
                                   {{"Authorization", "Bearer " + m_flow->staffToken()}, {"Host", "evil.example"}});
        QCOMPARE(r.status, 201);
        const auto json = r.json();
        const QString url = json.value(QStringLiteral("portal_url")).toString();
        // Built from the configured public URL (B8), 43 base64url characters (F2).
        static const QRegularExpression shape(
            QStringLiteral("^https://portal\\.firm\\.example/portal/[A-Za-z0-9_-]{43}$"));
        QVERIFY2(shape.match(url).hasMatch(), qPrintable(url));
        const auto expires = fromWireTime(json.value(QStringLiteral("expires_at")).toString());
        const auto now = QDateTime::currentDateTimeUtc();
        QVERIFY(expires > now.addSecs(24 * 3600 - 120) && expires < now.addSecs(24 * 3600 + 120));
        QCOMPARE(json.value(QStringLiteral("client")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("invited"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    void getAndHead_neverConsume_thenPostConsumesOnce()
    {
        qint64 clientId = 0;
        const QString link = invitedLink(*m_flow, &clientId);
        QVERIFY(!link.isEmpty());
        for (int i = 0; i < 3; ++i) {
            const auto get = httpRequest("GET", m_flow->url(link), {}, {{"User-Agent", "Mimecast Safe Links"}});
            QCOMPARE(get.status, 200);
            QVERIFY(get.body.contains("Continue to your portal"));
            QVERIFY(get.body.contains("method=\"post\""));
            QCOMPARE(get.header("Cache-Control"), QByteArray("no-store"));
            QCOMPARE(get.header("Referrer-Policy"), QByteArray("no-referrer"));
            QCOMPARE(httpRequest("HEAD", m_flow->url(link)).status, 200);
        }
        const auto first = m_flow->consume(link);
        QCOMPARE(first.status, 303);
        QCOMPARE(first.header("Location"), QByteArray("/portal/hub"));
        QVERIFY(!first.header("Location").contains(link.toLatin1()));
        const auto second = m_flow->consume(link);
        QCOMPARE(second.status, 410);
        QVERIFY(second.body.contains("already been used"));
        QVERIFY(second.header("Set-Cookie").isEmpty());

        // Views are audited as possible scanner hits; the consume and the refusal too.
        const auto kinds = typesAndReasons(auditOf(*m_flow, clientId));
        QVERIFY2(kinds.contains(QString(AuditType::TokenScannerHit)), qPrintable(kinds.join(u',')));
        QVERIFY(kinds.contains(QString(AuditType::TokenConsumed)));
        QVERIFY(kinds.contains(QString(AuditType::SessionStarted)));
        QVERIFY(kinds.contains(QStringLiteral("token.rejected:used")));
        const auto events = auditOf(*m_flow, clientId);
        bool flagged = false;
        for (const auto &v : events) {
            const auto e = v.toObject();
            if (e.value(QStringLiteral("type")).toString() == AuditType::TokenScannerHit)
                flagged |=
                    e.value(QStringLiteral("details")).toObject().value(QStringLiteral("likely_scanner")).toBool();
        }
        QVERIFY(flagged);
    }

    void consume_garbageToken_notValidRevealingNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("short") << QStringLiteral("/portal/abc");
        QTest::newRow("44 chars") << QStringLiteral("/portal/") + QString(44, u'A');
        QTest::newRow("42 chars") << QStringLiteral("/portal/") + QString(42, u'A');
        QTest::newRow("dot inside") << QStringLiteral("/portal/") + QString(42, u'A') + u'.';
        QTest::newRow("non-ASCII") << QStringLiteral("/portal/%C3%A9") + QString(41, u'A');
        QTest::newRow("NUL byte") << QStringLiteral("/portal/%00") + QString(42, u'A');
        QTest::newRow("overlong") << QStringLiteral("/portal/") + QString(4000, u'A');
        QTest::newRow("well-formed unknown")
            << QStringLiteral("/portal/") + QString::fromLatin1(Crypto::toBase64Url(Crypto::randomBytes(32)));
    }

    void consume_garbageToken_notValidRevealingNothing()
    {
        QFETCH(QString, path);
        const auto r = m_flow->consume(path);
        QCOMPARE(r.status, 404);
        QVERIFY(r.body.contains("not valid"));
        QVERIFY(r.header("Set-Cookie").isEmpty());
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        // The server is still fine for everyone else.
        QCOMPARE(httpRequest("GET", m_flow->url(QStringLiteral("/healthz"))).status, 200);
    }

    void consume_fiftyConcurrent_exactlyOneSession()
    {
        qint64 clientId = 0;
        const QString link = invitedLink(*m_flow, &clientId);
        QVERIFY(!link.isEmpty());
        const auto [csrfCookie, csrfToken] = m_flow->csrf();
        const QByteArray body = "csrf=" + csrfToken;
        const QByteArray request = "POST " + link.toLatin1() +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                   "Cookie: " +
                                   csrfCookie + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                   "\r\nConnection: close\r\n\r\n" + body;
        const auto answers = m_flow->parallel(request, 50);
        int winners = 0, used = 0;
        for (const auto &raw : answers) {
            const int status = statusOf(raw);
            if (status == 303) {
                ++winners;
                QVERIFY(raw.contains("__Host-gh_session="));
            } else if (status == 410 && raw.contains("already been used")) {
                ++used;
            } else {
                QFAIL(qPrintable(QStringLiteral("unexpected answer: ") + QString::fromLatin1(raw.left(200))));
            }
        }
        QCOMPARE(winners, 1);
        QCOMPARE(used, 49);
        const auto sessions = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(clientId));
        QCOMPARE(sessions.status, 200);
        QCOMPARE(sessions.json().value(QStringLiteral("sessions")).toArray().size(), 1);
        const auto kinds = typesAndReasons(auditOf(*m_flow, clientId));
        QCOMPARE(kinds.count(QString(AuditType::TokenConsumed)), 1);
        QCOMPARE(kinds.count(QStringLiteral("token.rejected:used")), 49);
    }

    void consume_pastTtl_expired()
    {
        PortalProcess portal;
        PortalFlow flow(portal);
        QVERIFY2(startVariant(portal, flow, {{QStringLiteral("security/invite_ttl_hours"), QStringLiteral("2")}}),
                 qPrintable(portal.errorString()));
        const qint64 id = flow.createClient(QStringLiteral("Eve"), QStringLiteral("eve@client.example"));
        const QString link = flow.invite(id);
        QVERIFY(!link.isEmpty());
        portal.advanceClock(2 * 3600 + 1); // the server's clock, not a sleep
        const auto r = flow.consume(link);
        QCOMPARE(r.status, 410);
        QVERIFY(r.body.contains("expired"));
        // A link that is still live in the same server works: the TTL is what ended it.
        const QString fresh = flow.invite(id);
        QCOMPARE(flow.consume(fresh).status, 303);
    }

    void consume_reusablePolicy_worksUntilRegenerated()
    {
        PortalProcess portal;
        PortalFlow flow(portal);
        QVERIFY2(startVariant(portal, flow, {{QStringLiteral("security/link_policy"), QStringLiteral("reusable")}}),
                 qPrintable(portal.errorString()));
        const qint64 id = flow.createClient(QStringLiteral("Rey"), QStringLiteral("rey@client.example"));
        const QString link = flow.invite(id);
        QVERIFY(!link.isEmpty());
        QSet<QByteArray> cookies;
        for (int i = 0; i < 3; ++i) {
            const auto r = flow.consume(link);
            QCOMPARE(r.status, 303);
            cookies.insert(PortalFlow::sessionCookie(r));
        }
        QCOMPARE(cookies.size(), 3); // each use starts its own session
        const auto regenerated = flow.api("POST", QStringLiteral("/api/v1/clients/%1/regenerate").arg(id));
        QCOMPARE(regenerated.status, 201);
        const auto old = flow.consume(link);
        QCOMPARE(old.status, 410);
        for (const auto &cookie : std::as_const(cookies))
            QCOMPARE(flow.hub(cookie).status, 401);
        const QString fresh = QUrl(regenerated.json().value(QStringLiteral("portal_url")).toString()).path();
        QCOMPARE(flow.consume(fresh).status, 303);
        QCOMPARE(flow.consume(fresh).status, 303);
    }

    void consume_singleUseDefault_invalidConfigRefused()
    {
        PortalProcess portal;
        portal.setConfig(QStringLiteral("security/link_policy"), QStringLiteral("forever"));
        const auto result = PortalProcess::runCli({QStringLiteral("check-config"), QStringLiteral("--config"), [&] {
                                                       portal.writeConfig();
                                                       return portal.configPath();
                                                   }()});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("link_policy"));
    }

    // B1 and B2 at the engine level: no HTTP route issues verify_browser tokens yet
    // (the pages issue adds the verify screen), so the engine runs on a real database.
    void engine_purposeAndClientMismatch_rejected()
    {
        QTemporaryDir dir;
        Server::Database database(dir.filePath(QStringLiteral("t.db")));
        QVERIFY(database.migrate().ok());
        Server::Storage storage(database);
        auto a = storage.insertClient({QStringLiteral("A"), QStringLiteral("a@x.example"), QStringLiteral("M")});
        auto b = storage.insertClient({QStringLiteral("B"), QStringLiteral("b@x.example"), QStringLiteral("M")});
        QVERIFY(a.ok() && b.ok());
        Server::Config config;
        const TokenEngine engine(config);
        const auto now = QDateTime::currentDateTimeUtc();

        Server::WriteTransaction tx(database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        auto verify = engine.issue(db, {TokenPurpose::VerifyBrowser, a->id, 0, {}, {}, now});
        QVERIFY(verify.ok());
        // A verify-browser token is never accepted as a sign-in or invite link...
        auto asLink = engine.consume(db, verify->token, TokenPurpose::Invite, TokenPurpose::SignIn, now, {}, {});
        QVERIFY(asLink.ok());
        QVERIFY(!asLink->consumed);
        QCOMPARE(asLink->rejection, TokenEngine::Rejection::Purpose);
        // ...nor for another client's browser...
        auto wrongClient = engine.consume(db, verify->token, TokenPurpose::VerifyBrowser, TokenPurpose::VerifyBrowser,
                                          now, {}, {}, b->id);
        QVERIFY(wrongClient.ok());
        QCOMPARE(wrongClient->rejection, TokenEngine::Rejection::WrongClient);
        // ...but works for its own purpose and client.
        auto right = engine.consume(db, verify->token, TokenPurpose::VerifyBrowser, TokenPurpose::VerifyBrowser, now,
                                    {}, {}, a->id);
        QVERIFY(right.ok());
        QVERIFY(right->consumed.has_value());
        QCOMPARE(right->consumed->clientId, a->id);
    }

    void engine_newSignInToken_cancelsOlder()
    {
        QTemporaryDir dir;
        Server::Database database(dir.filePath(QStringLiteral("t.db")));
        QVERIFY(database.migrate().ok());
        Server::Storage storage(database);
        auto a = storage.insertClient({QStringLiteral("A"), QStringLiteral("a@x.example"), QStringLiteral("M")});
        QVERIFY(a.ok());
        Server::Config config;
        const TokenEngine engine(config);
        const auto now = QDateTime::currentDateTimeUtc();
        Server::WriteTransaction tx(database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        auto first = engine.issue(db, {TokenPurpose::SignIn, a->id, 0, {}, {}, now});
        auto second = engine.issue(db, {TokenPurpose::SignIn, a->id, 0, {}, {}, now});
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second->expiresAt, now.addSecs(15 * 60));
        auto old = engine.consume(db, first->token, TokenPurpose::SignIn, TokenPurpose::Invite, now, {}, {});
        QVERIFY(old.ok());
        QCOMPARE(old->rejection, TokenEngine::Rejection::Superseded);
        auto fresh = engine.consume(db, second->token, TokenPurpose::SignIn, TokenPurpose::Invite, now, {}, {});
        QVERIFY(fresh.ok());
        QVERIFY(fresh->consumed.has_value());
        // Single use: the same sign-in token a second time is "used".
        auto again = engine.consume(db, second->token, TokenPurpose::SignIn, TokenPurpose::Invite, now, {}, {});
        QVERIFY(again.ok());
        QCOMPARE(again->rejection, TokenEngine::Rejection::Used);
        // Expired at its own TTL.
        auto late = engine.issue(db, {TokenPurpose::SignIn, a->id, 0, {}, {}, now});
        QVERIFY(late.ok());
        auto expired = engine.consume(db, late->token, TokenPurpose::SignIn, TokenPurpose::Invite,
                                      now.addSecs(15 * 60 + 1), {}, {});
        QVERIFY(expired.ok());
        QCOMPARE(expired->rejection, TokenEngine::Rejection::Expired);
    }

    void signInForm_knownAndUnknownAddress_sameAnswer()
    {
        const qint64 id = m_flow->createClient(QStringLiteral("Sam"), QStringLiteral("sam@client.example"));
        QVERIFY(!m_flow->invite(id).isEmpty());
        const auto known = m_flow->postForm(QStringLiteral("/portal/sign-in"), "email=sam%40client.example");
        const auto unknown = m_flow->postForm(QStringLiteral("/portal/sign-in"), "email=nobody%40client.example");
        QCOMPARE(known.status, 200);
        QCOMPARE(unknown.status, 200);
        QCOMPARE(known.body, unknown.body);
        const auto kinds = typesAndReasons(auditOf(*m_flow, id));
        QVERIFY2(kinds.contains(QString(AuditType::TokenIssued)), qPrintable(kinds.join(u',')));
        const auto missing = m_flow->postForm(QStringLiteral("/portal/sign-in"), "x=1");
        QCOMPARE(missing.status, 400);
        // Without the CSRF pair the form is refused (R5).
        const auto forged =
            httpRequest("POST", m_flow->url(QStringLiteral("/portal/sign-in")), "email=sam%40client.example",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(forged.status, 403);
    }

    void cleanupTestCase()
    {
        m_portal.stop();
        Server::Database::closeThreadConnection();
    }
};

QTEST_GUILESS_MAIN(TestTokenEngine)
#include "tst_tokenengine.moc"
