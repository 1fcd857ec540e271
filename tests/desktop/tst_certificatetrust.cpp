// SPDX-License-Identifier: Apache-2.0
// Certificate pinning against a real TLS peer: a QSslServer on 127.0.0.1 with a
// self-signed certificate generated at test time by the openssl command-line tool,
// answering like the portal's /api/v1/me. PortalClient connects over real TLS.
#include "common/crypto.h"
#include "common/errorcode.h"
#include "model/appsettings.h"
#include "model/certificatetrust.h"
#include "model/portalclient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

// Answers each request with a fixed JSON staff member, then closes.
class TinyTlsServer : public QObject
{
public:
    bool start(const QString &certPath, const QString &keyPath, quint16 port = 0)
    {
        QFile certFile(certPath), keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        m_certificate = config.localCertificate();
        m_server.setSslConfiguration(config);
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                QObject::connect(socket, &QSslSocket::readyRead, socket, [socket] {
                    // Answer once the request head is complete (GET has no body).
                    const QByteArray seen = socket->property("seen").toByteArray() + socket->readAll();
                    socket->setProperty("seen", seen);
                    if (!seen.contains("\r\n\r\n"))
                        return;
                    const QByteArray body =
                        R"({"id":1,"email":"a@firm.example","name":"A","role":"admin","disabled":false,"totp_enrolled":false})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }
    QSslCertificate certificate() const { return m_certificate; }

private:
    QSslServer m_server;
    QSslCertificate m_certificate;
};

class RecordingApprover : public CertificateApprover
{
public:
    bool answer = false;
    QList<CertificateDetails> asked;
    bool approve(const CertificateDetails &details) override
    {
        asked << details;
        return answer;
    }
};

bool makeCertificate(const QString &dir, const QString &name)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1/O=Gatehouse test"), QStringLiteral("-keyout"),
                   dir + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
                   dir + u'/' + name + QStringLiteral(".pem")});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

Result<StaffMember> callMe(PortalClient &client)
{
    std::optional<Result<StaffMember>> answer;
    client.me([&](Result<StaffMember> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000))
        return Error{QStringLiteral("timeout"), QStringLiteral("no answer")};
    return *answer;
}

} // namespace

class TestCertificateTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("This test needs the openssl command-line tool (Debian package: openssl).");
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("first")));
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("second")));
    }

    void fingerprint_ofCertificate_matchesOpensslSha256()
    {
        QFile f(m_dir.filePath(QStringLiteral("first.pem")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QSslCertificate cert(f.readAll(), QSsl::Pem);
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256"), QStringLiteral("-in"), f.fileName()});
        QVERIFY(openssl.waitForFinished(30000));
        const auto printed = QString::fromLatin1(openssl.readAllStandardOutput()).trimmed().section(u'=', 1);
        QCOMPARE(CertificateTrust::fingerprint(cert), printed);
    }

    void connect_selfSignedDeclined_refusesAndPinsNothing()
    {
        TinyTlsServer server;
        QVERIFY(server.start(m_dir.filePath(QStringLiteral("first.pem")), m_dir.filePath(QStringLiteral("first.key"))));
        AppSettings settings(m_dir.filePath(QStringLiteral("declined.ini")));
        CertificateTrust trust(&settings);
        RecordingApprover approver;
        trust.setApprover(&approver);
        PortalClient client;
        client.setCertificateTrust(&trust);
        client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port())));

        const auto r = callMe(client);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QString(ErrorCode::CertificateNotTrusted));
        QCOMPARE(approver.asked.size(), 1);
        QCOMPARE(approver.asked.first().sha256Fingerprint, CertificateTrust::fingerprint(server.certificate()));
        QVERIFY(settings.pinnedCertificate(CertificateTrust::serverKey(client.baseUrl())).isEmpty());
    }

    void connect_approvedThenChanged_pinsFirstAndRefusesSecondWithoutAsking()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("pinned.ini")));
        CertificateTrust trust(&settings);
        RecordingApprover approver;
        approver.answer = true;
        trust.setApprover(&approver);

        TinyTlsServer first;
        QVERIFY(first.start(m_dir.filePath(QStringLiteral("first.pem")), m_dir.filePath(QStringLiteral("first.key"))));
        PortalClient client;
        client.setCertificateTrust(&trust);
        client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(first.port())));
        auto r = callMe(client);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->email, QStringLiteral("a@firm.example"));
        const auto key = CertificateTrust::serverKey(client.baseUrl());
        QCOMPARE(settings.pinnedCertificate(key), CertificateTrust::fingerprint(first.certificate()));

        // Pinned: the second call is not asked about again.
        r = callMe(client);
        QVERIFY(r.ok());
        QCOMPARE(approver.asked.size(), 1);

        // Same address, different certificate (the server is replaced on the same
        // port): refused with an explanation, and nobody is asked.
        const quint16 port = first.port();
        first.close();
        TinyTlsServer second;
        QVERIFY(second.start(m_dir.filePath(QStringLiteral("second.pem")), m_dir.filePath(QStringLiteral("second.key")),
                             port));
        PortalClient other;
        other.setCertificateTrust(&trust);
        other.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)));
        r = callMe(other);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QString(ErrorCode::CertificateChanged));
        QVERIFY(r.error().message.contains(CertificateTrust::fingerprint(second.certificate())));
        QCOMPARE(approver.asked.size(), 1);
    }

private:
    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
