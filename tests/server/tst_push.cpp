// SPDX-License-Identifier: Apache-2.0
// The push channel (D9) against the real gatehouse-portal on loopback, with Qt's
// WebSocket client: the door (401 without a token, 426 without an upgrade, 503 over the
// per-token limit), a change by one staff member reaching another's socket, the token
// checked again while the socket is open, and a clean close when the server stops.
#include "apitestkit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWebSocket>
#include <memory>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

// The handshake's headers written out, so the server's answer to the upgrade request
// itself (not the client library's reading of it) is what the test sees.
const QList<QPair<QByteArray, QByteArray>> kUpgrade{{"Upgrade", "websocket"},
                                                    {"Connection", "Upgrade"},
                                                    {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
                                                    {"Sec-WebSocket-Version", "13"}};

} // namespace

class TestPush : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(QStringLiteral("paula@firm.example"), kPassword, QStringLiteral("paralegal")));
        QVERIFY(m_portal.createStaff(QStringLiteral("carlo@firm.example"), kPassword, QStringLiteral("partner")));
        m_paula = m_api.signIn(QStringLiteral("paula@firm.example"), kPassword);
        m_carlo = m_api.signIn(QStringLiteral("carlo@firm.example"), kPassword);
        QVERIFY(!m_paula.isEmpty() && !m_carlo.isEmpty());
    }

    void upgrade_withoutToken_401AndNoSwitch()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/events"), QByteArray(), {}, kUpgrade);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
        const auto wrong = m_api.call("GET", QStringLiteral("/api/v1/events"), "not-a-token", {}, kUpgrade);
        QCOMPARE(wrong.status, 401);
    }

    void plainGet_withToken_426UpgradeRequired()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/events"), m_paula);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("upgrade_required"));
        QCOMPARE(r.header("upgrade"), QByteArray("websocket"));
    }

    void colleagueCreatesClient_otherSocketHearsChangedWithNewHead()
    {
        auto socket = open(m_paula);
        QVERIFY(socket);
        // On connect: the current heads, so a reconnecting app knows whether it missed
        // something.
        QTRY_VERIFY_WITH_TIMEOUT(!m_messages.isEmpty(), 10000);
        const auto first = m_messages.constLast();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("changed"));
        const qint64 before = first.value(QStringLiteral("clients")).toString().toLongLong();
        m_messages.clear();

        QVERIFY(!m_api.createClient(m_carlo, QStringLiteral("Maria Rossi"), QStringLiteral("maria@client.example"))
                     .isEmpty());
        // A message with the client feed's head past the creation (others, for audit
        // events alone, may come first).
        const auto newer = [&] {
            for (const auto &m : std::as_const(m_messages))
                if (m.value(QStringLiteral("clients")).toString().toLongLong() > before)
                    return m;
            return QJsonObject();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!newer().isEmpty(), 5000);
        const auto after = newer();
        QCOMPARE(after.value(QStringLiteral("type")).toString(), QStringLiteral("changed"));
        // Only heads travel on the socket, never client data.
        for (const auto &m : std::as_const(m_messages))
            QVERIFY(!QJsonDocument(m).toJson().contains("Maria"));
        socket->close();
    }

    void perToken_overLimit_503BeforeUpgrade()
    {
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 8; ++i) {
            sockets.push_back(open(m_carlo));
            QVERIFY(sockets.back());
        }
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/events"), m_carlo, {}, kUpgrade);
        QCOMPARE(r.status, 503);
        QVERIFY(!r.header("retry-after").isEmpty());
        // Another staff member is not affected by Carlo's sockets.
        auto other = open(m_paula);
        QVERIFY(other);
        for (auto &s : sockets)
            s->close();
    }

    void tokenSignedOut_socketClosedWithPolicyCode()
    {
        const QByteArray token = m_api.signIn(QStringLiteral("paula@firm.example"), kPassword);
        auto socket = open(token);
        QVERIFY(socket);
        QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/v1/session"), token).status, 204);
        // The hub checks open sockets' tokens every 10 s.
        QVERIFY(closed.wait(25000));
        QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    }

    // Last: stops the server.
    void serverStops_socketsClosedAndServerExitsCleanly()
    {
        auto socket = open(m_paula);
        QVERIFY(socket);
        QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
        QVERIFY2(m_portal.stop(),
                 qPrintable(m_portal.shutdownProblem() + u'\n' + QString::fromUtf8(m_portal.serverLog().right(3000))));
        QTRY_VERIFY_WITH_TIMEOUT(closed.count() > 0, 5000);
        QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }

private:
    // A connected socket for `token`, or null; its messages land in m_messages.
    std::unique_ptr<QWebSocket> open(const QByteArray &token)
    {
        auto socket = std::make_unique<QWebSocket>();
        QUrl url = m_portal.baseUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        connect(socket.get(), &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { m_messages << QJsonDocument::fromJson(text.toUtf8()).object(); });
        QSignalSpy connected(socket.get(), &QWebSocket::connected);
        socket->open(request);
        if (!connected.wait(10000))
            return nullptr;
        return socket;
    }

    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_paula;
    QByteArray m_carlo;
    QList<QJsonObject> m_messages;
};

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
