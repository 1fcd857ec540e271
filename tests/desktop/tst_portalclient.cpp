// SPDX-License-Identifier: Apache-2.0
#include "common/errorcode.h"
#include "model/portalclient.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Gatehouse;

namespace {

// A loopback HTTP/1.1 responder with one canned answer, to see how the client reads
// answers the real server would never give (HTML, silence) and what it sends.
class CannedServer : public QObject
{
public:
    explicit CannedServer(QByteArray response) : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n") || m_response.isEmpty())
                        return; // an empty answer means: stay silent
                    socket->write(m_response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_response;
    QByteArray m_request;
};

QByteArray answer(int status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

template<typename T> Result<T> wait(const std::function<void(PortalClient::Callback<T>)> &call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 20 s")};
    return std::move(*out);
}

} // namespace

class TestPortalClient : public QObject
{
    Q_OBJECT

private slots:
    void signIn_validAnswer_yieldsTokenAndStaff()
    {
        const QByteArray body =
            R"({"token":"abcdefghijabcdefghijabcdefghijabcdefghij123","expires_at":"2026-12-12T08:00:00.000Z",
            "staff":{"id":3,"email":"ann@firm.com","name":"Ann","role":"partner","disabled":false,"totp_enrolled":false}})";
        CannedServer server(answer(201, "application/json", body));
        PortalClient client;
        client.setBaseUrl(server.url());
        const auto r = wait<SignInGrant>(
            [&](auto done) { client.signIn(QStringLiteral("ann@firm.com"), QStringLiteral("s3cret pass"), done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->token.size(), 43);
        QCOMPARE(r->staff.role, StaffRole::Partner);
        QCOMPARE(r->expiresAt, QDateTime(QDate(2026, 12, 12), QTime(8, 0), Qt::UTC));
        QVERIFY(server.request().startsWith("POST /api/v1/session HTTP/1.1"));
        QVERIFY(server.request().contains("User-Agent: Gatehouse/" GATEHOUSE_VERSION));
        QVERIFY(!server.request().contains("Authorization"));
    }

    void fetchClients_withTokenAndCursor_sendsBearerAndEncodedCursor()
    {
        CannedServer server(answer(200, "application/json", R"({"clients":[],"next_cursor":"7","has_more":false})"));
        PortalClient client;
        client.setBaseUrl(server.url());
        client.setToken(QStringLiteral("tok"));
        const auto r = wait<ClientPage>([&](auto done) { client.fetchClients(QStringLiteral("a+b/c="), 50, done); });
        QVERIFY(r.ok());
        QCOMPARE(r->nextCursor, QStringLiteral("7"));
        QVERIFY2(server.request().startsWith("GET /api/v1/clients?cursor=a%2Bb%2Fc%3D&limit=50 "),
                 server.request().constData());
        QVERIFY(server.request().contains("Authorization: Bearer tok\r\n"));
    }

    void anyCall_problemJson_yieldsItsCodeAndDetail()
    {
        const QByteArray problem = R"({"type":"about:blank","title":"Unauthorized","status":401,
            "code":"invalid_credentials","detail":"The email or password is not right."})";
        CannedServer server(answer(401, "application/problem+json", problem));
        PortalClient client;
        client.setBaseUrl(server.url());
        const auto r = wait<SignInGrant>(
            [&](auto done) { client.signIn(QStringLiteral("a@b.c"), QStringLiteral("wrong"), done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::InvalidCredentials));
        QCOMPARE(r.error().message, QStringLiteral("The email or password is not right."));
    }

    void anyCall_foreignAnswer_yieldsNotAGatehouseServer_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("html page") << answer(200, "text/html", "<html><body>Welcome to nginx</body></html>");
        QTest::newRow("404 plain") << answer(404, "text/plain", "not found");
        QTest::newRow("json array") << answer(200, "application/json", "[1,2]");
        QTest::newRow("broken json") << answer(200, "application/json", "{\"clients\":");
        QTest::newRow("problem without code") << answer(500, "application/problem+json", "{\"title\":\"x\"}");
    }

    void anyCall_foreignAnswer_yieldsNotAGatehouseServer()
    {
        QFETCH(QByteArray, response);
        CannedServer server(response);
        PortalClient client;
        client.setBaseUrl(server.url());
        const auto r = wait<StaffMember>([&](auto done) { client.me(done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::NotAGatehouseServer));
        QVERIFY(r.error().message.contains(server.url().toString()));
    }

    void anyCall_nothingListening_yieldsNetworkErrorNamingUrl()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        PortalClient client;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        client.setBaseUrl(url);
        const auto r = wait<StaffMember>([&](auto done) { client.me(done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::NetworkError));
        QCOMPARE(r.error().message, QStringLiteral("Cannot reach the server at %1. Check the address and that the "
                                                   "server is running.")
                                        .arg(url.toString()));
    }

    void anyCall_serverSilent_timesOutAsNetworkError()
    {
        CannedServer server{QByteArray()};
        PortalClient client;
        client.setBaseUrl(server.url());
        client.setTransferTimeout(300);
        QElapsedTimer timer;
        timer.start();
        const auto r = wait<StaffMember>([&](auto done) { client.me(done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::NetworkError));
        QVERIFY(timer.elapsed() < 10000);
    }

    void anyCall_noBaseUrl_yieldsConfigError()
    {
        PortalClient client;
        const auto r = wait<StaffMember>([&](auto done) { client.me(done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::ConfigError));
    }
};

QTEST_GUILESS_MAIN(TestPortalClient)
#include "tst_portalclient.moc"
