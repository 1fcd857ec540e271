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
        // The file may hold a chain (leaf first, then its CA), sent as a real server would.
        const auto chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        if (chain.isEmpty())
            return false;
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        m_certificate = chain.first();
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

bool run(const QString &dir, const QStringList &args)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.start(QStringLiteral("openssl"), args);
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0;
}

// A private certificate authority and a leaf for 127.0.0.1 signed by it; the leaf's PEM
// file holds the chain (leaf, then the CA), as a firm's server sends it.
bool makePrivateCa(const QString &dir)
{
    return run(dir, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=Gatehouse Test Firm CA"), QStringLiteral("-addext"),
                     QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                     QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-keyout"),
                     QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem")});
}

bool makeLeaf(const QString &dir, const QString &name)
{
    QFile ext(dir + QStringLiteral("/leaf.ext"));
    if (!ext.open(QIODevice::WriteOnly) ||
        ext.write("basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n") < 0)
        return false;
    ext.close();
    if (!run(dir, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1/O=Gatehouse test leaf ") + name, QStringLiteral("-keyout"),
                   name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr")}))
        return false;
    if (!run(dir, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                   QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                   QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-extfile"), QStringLiteral("leaf.ext"), QStringLiteral("-out"),
                   name + QStringLiteral("-leaf.pem")}))
        return false;
    QFile leaf(dir + u'/' + name + QStringLiteral("-leaf.pem")), ca(dir + QStringLiteral("/ca.pem")),
        chain(dir + u'/' + name + QStringLiteral(".pem"));
    if (!leaf.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly) || !chain.open(QIODevice::WriteOnly))
        return false;
    return chain.write(leaf.readAll() + ca.readAll()) > 0;
}

QSslCertificate readCertificate(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QSslCertificate(f.readAll(), QSsl::Pem) : QSslCertificate();
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
        QVERIFY(makePrivateCa(m_dir.path()));
        QVERIFY(makeLeaf(m_dir.path(), QStringLiteral("leaf1")));
        QVERIFY(makeLeaf(m_dir.path(), QStringLiteral("leaf2")));
    }

    void connect_privateCaChain_pinsLeafNotCaAndRefusesOtherLeafOfSameCa()
    {
        const auto ca = readCertificate(m_dir.filePath(QStringLiteral("ca.pem")));
        const auto leaf1 = readCertificate(m_dir.filePath(QStringLiteral("leaf1-leaf.pem")));
        const auto leaf2 = readCertificate(m_dir.filePath(QStringLiteral("leaf2-leaf.pem")));
        QVERIFY(!ca.isNull() && !leaf1.isNull() && !leaf2.isNull());
        QCOMPARE(leaf1.issuerDisplayName(), ca.subjectDisplayName());

        AppSettings settings(m_dir.filePath(QStringLiteral("chain.ini")));
        CertificateTrust trust(&settings);
        RecordingApprover approver;
        approver.answer = true;
        trust.setApprover(&approver);
        TinyTlsServer first;
        QVERIFY(first.start(m_dir.filePath(QStringLiteral("leaf1.pem")), m_dir.filePath(QStringLiteral("leaf1.key"))));
        PortalClient client;
        client.setCertificateTrust(&trust);
        client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(first.port())));
        auto r = callMe(client);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));

        // The user was shown, and Gatehouse pinned, the server's own certificate.
        const auto key = CertificateTrust::serverKey(client.baseUrl());
        QCOMPARE(approver.asked.size(), 1);
        QCOMPARE(approver.asked.first().sha256Fingerprint, CertificateTrust::fingerprint(leaf1));
        QCOMPARE(approver.asked.first().subject, leaf1.subjectDisplayName());
        QCOMPARE(settings.pinnedCertificate(key), CertificateTrust::fingerprint(leaf1));
        QVERIFY(settings.pinnedCertificate(key) != CertificateTrust::fingerprint(ca));

        // A second connection is accepted by the pin without asking.
        PortalClient again;
        again.setCertificateTrust(&trust);
        again.setBaseUrl(client.baseUrl());
        r = callMe(again);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(approver.asked.size(), 1);

        // Another leaf from the same CA on the same address is a different certificate.
        const quint16 port = first.port();
        first.close();
        TinyTlsServer second;
        QVERIFY(second.start(m_dir.filePath(QStringLiteral("leaf2.pem")), m_dir.filePath(QStringLiteral("leaf2.key")),
                             port));
        PortalClient other;
        other.setCertificateTrust(&trust);
        other.setBaseUrl(client.baseUrl());
        r = callMe(other);
        QVERIFY(!r);
        QCOMPARE(r.error().code, QString(ErrorCode::CertificateChanged));
        QVERIFY(r.error().message.contains(CertificateTrust::fingerprint(leaf2)));
        QCOMPARE(approver.asked.size(), 1);
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
