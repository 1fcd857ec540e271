// SPDX-License-Identifier: Apache-2.0
// Client documents over real HTTP against the real server: raw-body upload with its
// own size limit (documents.max_bytes, refused from Content-Length before the body is
// read), listing, the public /d/{token} download as a no-store attachment, and
// deletion killing the link. Other routes keep server.max_body_bytes.
#include "apitestkit.h"
#include "common/crypto.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("admin password long enough");
const QString ParaEmail = QStringLiteral("para@firm.example");
const QString ParaPassword = QStringLiteral("paralegal password 1");

// Small limits so the tests can cross them cheaply; documents get more than JSON.
constexpr int ServerMaxBody = 2048;
constexpr int DocumentsMax = 8192;

// Every byte value, including NUL and invalid UTF-8: stored and returned unchanged.
QByteArray binaryContent(int size)
{
    QByteArray bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + 3) % 256);
    return bytes;
}

} // namespace

class TestDocuments : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;
    QByteArray m_para;
    qint64 m_client = 0;
    qint64 m_otherClient = 0;

    HttpResponse upload(qint64 client, const QString &name, const QByteArray &content,
                        const QByteArray &type = "application/pdf")
    {
        QString path = QStringLiteral("/api/v1/clients/%1/documents").arg(client);
        if (!name.isNull())
            path += QStringLiteral("?name=") + QString::fromLatin1(QUrl::toPercentEncoding(name));
        return m_api.call("POST", path, m_para, content, {{"Content-Type", type}});
    }

    // The path part of a document_url ("/d/<token>"), requested against this server.
    HttpResponse download(const QString &documentUrl, const QByteArray &method = "GET")
    {
        return httpRequest(method, m_api.url(QUrl(documentUrl).path()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        m_portal.setConfig(QStringLiteral("server/max_body_bytes"), QString::number(ServerMaxBody));
        m_portal.setConfig(QStringLiteral("documents/max_bytes"), QString::number(DocumentsMax));
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword));
        QVERIFY(m_portal.createStaff(ParaEmail, ParaPassword, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, AdminPassword);
        m_para = m_api.signIn(ParaEmail, ParaPassword);
        QVERIFY(!m_admin.isEmpty() && !m_para.isEmpty());
        m_client = m_api.createClient(m_para, QStringLiteral("Doc Client")).value(QStringLiteral("id")).toInteger();
        m_otherClient =
            m_api.createClient(m_para, QStringLiteral("Other Client")).value(QStringLiteral("id")).toInteger();
        QVERIFY(m_client > 0 && m_otherClient > 0);
    }

    void upload_thenListAndDownload_sameBytesAsAttachment()
    {
        // Above server.max_body_bytes, below documents.max_bytes: only this route takes it.
        const QByteArray content = binaryContent(5000);
        const QString name = QStringLiteral("Engagement letter (signed) é.pdf");
        const auto r = upload(m_client, name, content);
        QCOMPARE(r.status, 201);
        const auto document = r.json().value(QStringLiteral("document")).toObject();
        QCOMPARE(document.value(QStringLiteral("name")).toString(), name);
        QCOMPARE(document.value(QStringLiteral("size")).toInteger(), 5000);
        QCOMPARE(document.value(QStringLiteral("content_type")).toString(), QStringLiteral("application/pdf"));
        QVERIFY(!document.value(QStringLiteral("created_at")).toString().isEmpty());
        const QString url = r.json().value(QStringLiteral("document_url")).toString();
        QVERIFY2(url.contains(QStringLiteral("/d/")), qPrintable(url));
        QVERIFY(Crypto::looksLikeToken(url.section(u'/', -1)));

        const auto list = m_api.call("GET", QStringLiteral("/api/v1/clients/%1/documents").arg(m_client), m_para);
        QCOMPARE(list.status, 200);
        const auto docs = list.json().value(QStringLiteral("documents")).toArray();
        QCOMPARE(docs.size(), 1);
        QCOMPARE(docs.at(0).toObject(), document);
        // The link is shown once: the list does not carry it.
        QVERIFY(!list.body.contains(url.section(u'/', -1).toLatin1()));

        const auto got = download(url);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, content);
        QCOMPARE(got.header("Content-Type"), QByteArray("application/pdf"));
        QVERIFY2(got.header("Content-Disposition").startsWith("attachment; filename*=UTF-8''"),
                 got.header("Content-Disposition").constData());
        QVERIFY(got.header("Content-Disposition").contains(QUrl::toPercentEncoding(name)));
        QCOMPARE(got.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(got.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(got.header("Content-Security-Policy").startsWith("sandbox"));

        // The other client does not see it.
        const auto other = m_api.call("GET", QStringLiteral("/api/v1/clients/%1/documents").arg(m_otherClient), m_para);
        QCOMPARE(other.json().value(QStringLiteral("documents")).toArray().size(), 0);
    }

    void upload_htmlFile_downloadIsStillAnAttachment()
    {
        const auto r = upload(m_client, QStringLiteral("page.html"), "<script>alert(1)</script>", "text/html");
        QCOMPARE(r.status, 201);
        const auto got = download(r.json().value(QStringLiteral("document_url")).toString());
        QCOMPARE(got.status, 200);
        QVERIFY(got.header("Content-Disposition").startsWith("attachment"));
        QVERIFY(got.header("Content-Security-Policy").startsWith("sandbox"));
    }

    void upload_oddContentType_storedAsOctetStream()
    {
        const auto r = upload(m_client, QStringLiteral("odd.bin"), "abc", "not a type");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("document")).toObject().value(QStringLiteral("content_type")).toString(),
                 QStringLiteral("application/octet-stream"));
    }

    void upload_badName_400_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("missing") << QString();
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("slash") << QStringLiteral("../etc/passwd");
        QTest::newRow("backslash") << QStringLiteral("a\\b.txt");
        QTest::newRow("newline") << QStringLiteral("a\nb.txt");
        QTest::newRow("dot dot") << QStringLiteral("..");
        QTest::newRow("too long") << QString(256, u'n');
    }

    void upload_badName_400()
    {
        QFETCH(QString, name);
        const auto r = upload(m_client, name, "content");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("name"));
    }

    void upload_emptyBody_400()
    {
        const auto r = upload(m_client, QStringLiteral("empty.txt"), QByteArray());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
    }

    void upload_unknownOrDeletedClient_404()
    {
        QCOMPARE(upload(999999, QStringLiteral("x.txt"), "x").status, 404);
        const qint64 gone =
            m_api.createClient(m_para, QStringLiteral("Gone Client")).value(QStringLiteral("id")).toInteger();
        const auto r = upload(gone, QStringLiteral("before.txt"), "before");
        QCOMPARE(r.status, 201);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/v1/clients/%1").arg(gone), m_para).status, 204);
        QCOMPARE(upload(gone, QStringLiteral("after.txt"), "after").status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/clients/%1/documents").arg(gone), m_para).status, 404);
        // A deleted client's links stop working too.
        QCOMPARE(download(r.json().value(QStringLiteral("document_url")).toString()).status, 404);
    }

    void upload_justOverDocumentLimit_413()
    {
        const auto r = upload(m_client, QStringLiteral("big.bin"), binaryContent(DocumentsMax + 1));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("payload_too_large"));
        QVERIFY(m_api.healthy());
    }

    void upload_exactlyDocumentLimit_201()
    {
        QCOMPARE(upload(m_client, QStringLiteral("limit.bin"), binaryContent(DocumentsMax)).status, 201);
    }

    void upload_hugeContentLength_413PromptlyWithoutBody()
    {
        // Announce 50 MB and send only the header: the answer must come from the header
        // alone, long before the server's 15 s read timeout.
        const QByteArray request =
            "POST /api/v1/clients/" + QByteArray::number(m_client) +
            "/documents?name=huge.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_para +
            "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(50 * 1024 * 1024) +
            "\r\n\r\nfirst bytes";
        QElapsedTimer timer;
        timer.start();
        const QByteArray answer = rawExchange(m_portal.port(), request, 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(answer.contains("payload_too_large"));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(m_api.healthy());
    }

    void otherRoutes_keepServerBodyLimit_413()
    {
        // A JSON body between the two limits: fine for uploads, too big for everything else.
        QJsonObject body{{QStringLiteral("name"), QString(ServerMaxBody, u'a')},
                         {QStringLiteral("email"), QStringLiteral("x@client.example")},
                         {QStringLiteral("matter"), QStringLiteral("m")}};
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/clients"), m_para, body);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("payload_too_large"));
        const QByteArray raw = "POST /api/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: " +
                               QByteArray::number(ServerMaxBody + 1) + "\r\n\r\n{";
        QVERIFY(rawExchange(m_portal.port(), raw, 5000).startsWith("HTTP/1.1 413"));
    }

    void delete_linkDies404_andListDropsIt()
    {
        const auto r = upload(m_client, QStringLiteral("temporary.txt"), "short-lived", "text/plain");
        QCOMPARE(r.status, 201);
        const qint64 docId =
            r.json().value(QStringLiteral("document")).toObject().value(QStringLiteral("id")).toInteger();
        const QString url = r.json().value(QStringLiteral("document_url")).toString();
        QCOMPARE(download(url).status, 200);
        QCOMPARE(download(url, "HEAD").status, 200);

        // Another client's path with this document id is not found and removes nothing.
        QCOMPARE(
            m_api
                .call("DELETE", QStringLiteral("/api/v1/clients/%1/documents/%2").arg(m_otherClient).arg(docId), m_para)
                .status,
            404);
        QCOMPARE(download(url).status, 200);

        QCOMPARE(
            m_api.call("DELETE", QStringLiteral("/api/v1/clients/%1/documents/%2").arg(m_client).arg(docId), m_para)
                .status,
            204);
        const auto dead = download(url);
        QCOMPARE(dead.status, 404);
        QVERIFY(!dead.body.contains("short-lived"));
        const auto list = m_api.call("GET", QStringLiteral("/api/v1/clients/%1/documents").arg(m_client), m_para);
        for (const auto &v : list.json().value(QStringLiteral("documents")).toArray())
            QVERIFY(v.toObject().value(QStringLiteral("id")).toInteger() != docId);
        QCOMPARE(
            m_api.call("DELETE", QStringLiteral("/api/v1/clients/%1/documents/%2").arg(m_client).arg(docId), m_para)
                .status,
            404);
    }

    void download_badLinks_404_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown token") << QStringLiteral("/d/") + Crypto::newToken();
        QTest::newRow("short") << QStringLiteral("/d/abc");
        QTest::newRow("bad chars") << QStringLiteral("/d/") + QString(43, u'!');
    }

    void download_badLinks_404()
    {
        QFETCH(QString, path);
        const auto r = httpRequest("GET", m_api.url(path));
        QCOMPARE(r.status, 404);
    }

    void documentChanges_areAudited()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?client_id=%1&limit=500").arg(m_client), m_admin);
        QCOMPARE(r.status, 200);
        int added = 0;
        int removed = 0;
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray()) {
            const QString type = v.toObject().value(QStringLiteral("type")).toString();
            added += type == u"document.added";
            removed += type == u"document.removed";
        }
        QVERIFY2(added >= 4, qPrintable(QString::number(added)));
        QCOMPARE(removed, 1);
    }
};

QTEST_GUILESS_MAIN(TestDocuments)
#include "tst_documents.moc"
