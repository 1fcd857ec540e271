// SPDX-License-Identifier: Apache-2.0
// The HTTP edge against hostile or broken clients, with raw bytes no HTTP library
// would send (SPEC R8): a clear 4xx, a closed connection, and a server that keeps
// serving everyone else.
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

// The body of a raw HTTP answer (after the blank line), parsed as JSON.
QJsonObject bodyJson(const QByteArray &raw)
{
    const auto split = raw.indexOf("\r\n\r\n");
    return split < 0 ? QJsonObject() : QJsonDocument::fromJson(raw.mid(split + 4)).object();
}

} // namespace

class TestHttpEdge : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;

    void verifyStillServing()
    {
        const auto r = httpRequest("GET", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/healthz"))));
        QCOMPARE(r.status, 200);
    }

private slots:
    void initTestCase() { QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString())); }

    void badRequest_answeredAndClosed_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::addColumn<QString>("code");

        QTest::newRow("garbage request line")
            << QByteArray("GARBAGE\r\n\r\n") << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        QTest::newRow("binary noise") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 16)
                                      << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        QTest::newRow("20 KB header") << "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20 * 1024, 'a') +
                                             "\r\n\r\n"
                                      << QByteArray("HTTP/1.1 431") << QStringLiteral("headers_too_large");
        QTest::newRow("conflicting content-length")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}")
            << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        // Refused even when the copies agree (issue 9 §3): a strict edge, no merging.
        QTest::newRow("repeated identical content-length")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}")
            << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        QTest::newRow("content-length list")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2, 2\r\n\r\n{}")
            << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        QTest::newRow("content-length and chunked")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                          "Content-Length: 2\r\n\r\n0\r\n\r\n")
            << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
        QTest::newRow("bad chunk size")
            << QByteArray("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << QByteArray("HTTP/1.1 400") << QStringLiteral("bad_request");
    }

    void badRequest_answeredAndClosed()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        QFETCH(QString, code);
        QElapsedTimer timer;
        timer.start();
        const auto answer = rawExchange(m_portal.port(), request, 8000);
        // rawExchange returns when the server closes; a hang would take the full timeout.
        QVERIFY2(timer.elapsed() < 6000, "the server did not close the connection");
        QVERIFY2(answer.startsWith(statusLine), answer.left(200).constData());
        QVERIFY(answer.contains("Content-Type: application/problem+json"));
        QCOMPARE(bodyJson(answer).value(QStringLiteral("code")).toString(), code);
        verifyStillServing();
    }

    void hugeContentLength_413BeforeBodyArrives()
    {
        // 50 MiB announced, nothing sent: the server must answer from the header alone.
        QElapsedTimer timer;
        timer.start();
        const auto answer = rawExchange(m_portal.port(),
                                        "POST /api/v1/clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 52428800\r\n\r\n",
                                        8000);
        QVERIFY2(timer.elapsed() < 4000, "413 was not answered promptly");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QCOMPARE(bodyJson(answer).value(QStringLiteral("code")).toString(), QStringLiteral("payload_too_large"));
        verifyStillServing();
    }

    void oversizedChunkedBody_413()
    {
        // No Content-Length to check up front: the limit must hold while reading.
        QByteArray request("POST /api/v1/clients HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 20; ++i)
            request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        request += "0\r\n\r\n";
        const auto answer = rawExchange(m_portal.port(), request, 8000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        verifyStillServing();
    }

    void keepAlive_twoRequestsOnOneConnection_bothAnswered()
    {
        const auto answer = rawExchange(m_portal.port(),
                                        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                        8000);
        QCOMPARE(answer.count("HTTP/1.1 200 OK"), 2);
    }

    void head_sendsNoBodyBytes()
    {
        const auto answer =
            rawExchange(m_portal.port(), "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 8000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("Content-Length: 15"));
        QVERIFY2(answer.endsWith("\r\n\r\n"), answer.constData());
    }

    void unknownMethod_405()
    {
        const auto answer =
            rawExchange(m_portal.port(), "BREW /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 8000);
        QVERIFY2(answer.startsWith("HTTP/1.1 405"), answer.constData());
        QVERIFY(answer.contains("Allow: GET, HEAD"));
    }

    void http10_noKeepAlive_closes()
    {
        QElapsedTimer timer;
        timer.start();
        const auto answer = rawExchange(m_portal.port(), "GET /healthz HTTP/1.0\r\n\r\n", 8000);
        QVERIFY(timer.elapsed() < 4000);
        QVERIFY2(answer.startsWith("HTTP/1.0 200"), answer.constData());
    }

    void cleanupTestCase()
    {
        // No crash and no sanitizer report on the way out.
        m_portal.stop();
        const auto log = m_portal.serverLog();
        QVERIFY2(!log.contains("ERROR: AddressSanitizer") && !log.contains("runtime error"), log.constData());
        QVERIFY(log.contains("\"event\":\"stopped\""));
    }
};

QTEST_GUILESS_MAIN(TestHttpEdge)
#include "tst_httpedge.moc"
