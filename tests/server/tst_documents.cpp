// SPDX-License-Identifier: Apache-2.0
// Client documents over real HTTP against the real server: raw-body upload with its
// own size limit (documents.max_bytes, refused from Content-Length before the body is
// read), listing, the public /d/{token} download as a no-store attachment, and
// deletion killing the link. Other routes keep server.max_body_bytes. End to end (F10,
// F8, F14, B9): the hub's session-bound download, every download audited, a document's
// link mailed (through the folder mail transport) next to the earlier link, revoke and
// regenerate ending links, and the invite preview against the real invite mail.
#include "apitestkit.h"
#include "common/crypto.h"
#include "mailtestkit.h"
#include "portalflow.h"
#include "support/smtpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
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

const QString FirmName = QStringLiteral("Hale & Partners");
const QString PartnerEmail = QStringLiteral("pat@firm.example");
const QString PartnerName = QStringLiteral("Pat Partridge");
// A browser's user agent: neither empty nor a scanner's (B9).
const QByteArray BrowserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                                "Chrome/120.0 Safari/537.36";

// The headers a download carries, whichever route serves it.
const QList<QByteArray> DownloadHeaders{"Content-Type", "Content-Disposition", "Content-Security-Policy",
                                        "Cache-Control", "X-Content-Type-Options"};

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

    HttpResponse getAs(const QString &path, const QByteArray &cookie = {}, const QByteArray &method = "GET",
                       const QByteArray &agent = BrowserAgent)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!agent.isEmpty())
            headers.append({"User-Agent", agent});
        if (!cookie.isEmpty())
            headers.append({"Cookie", cookie});
        return httpRequest(method, m_api.url(path), {}, headers);
    }

    // A client with an email on file (and a partner, when given); its id.
    qint64 newClient(const QString &name, qint64 partnerId = 0)
    {
        QJsonObject body{
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), QStringLiteral("%1@client.example").arg(name.section(u' ', 0, 0).toLower())},
            {QStringLiteral("matter"), QStringLiteral("Matter of %1").arg(name)}};
        if (partnerId > 0)
            body.insert(QStringLiteral("partner_id"), partnerId);
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/clients"), m_para, body);
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
    }

    // Invites the client and consumes the link as its browser would: the session cookie.
    QByteArray signInClient(qint64 client)
    {
        const auto invited = m_api.call("POST", QStringLiteral("/api/v1/clients/%1/invite").arg(client), m_para, "{}",
                                        {{"Content-Type", "application/json"}});
        if (invited.status != 201)
            return {};
        PortalFlow flow(m_portal);
        const auto consumed = flow.consume(QUrl(invited.json().value(QStringLiteral("portal_url")).toString()).path());
        return consumed.status == 303 ? PortalFlow::sessionCookie(consumed) : QByteArray();
    }

    // The client's audit events of one type, newest first.
    QList<QJsonObject> events(qint64 client, const QString &type)
    {
        const auto r = m_api.call(
            "GET", QStringLiteral("/api/v1/audit?client_id=%1&type=%2&limit=500").arg(client).arg(type), m_admin);
        QList<QJsonObject> list;
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray())
            list.append(v.toObject());
        return list;
    }

    // The message the folder transport wrote for outbox row `outboxId`.
    ReceivedMail deliveredMail(qint64 outboxId)
    {
        const QString file = QDir(m_portal.mailFolder()).filePath(QStringLiteral("%1.eml").arg(outboxId));
        QFile f(file);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 20000); }();
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return ReceivedMail::parse(f.readAll());
    }

    // Sends the document's link by mail; the delivered mail.
    ReceivedMail sendDocument(qint64 client, qint64 docId)
    {
        const int before = events(client, QStringLiteral("document.sent")).size();
        const auto r =
            m_api.call("POST", QStringLiteral("/api/v1/clients/%1/documents/%2/send").arg(client).arg(docId), m_para);
        if (r.status != 202 || r.json() != QJsonObject{{QStringLiteral("queued"), true}}) {
            qWarning("send answered %d %s", r.status, r.body.constData());
            return {};
        }
        const auto sent = events(client, QStringLiteral("document.sent"));
        if (sent.size() != before + 1)
            return {};
        return deliveredMail(
            sent.first().value(QStringLiteral("details")).toObject().value(QStringLiteral("outbox_id")).toInteger());
    }

    static QString documentLinkIn(const QString &text)
    {
        static const QRegularExpression link(
            QStringLiteral("https?://[^\\s\"<>]+/d/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"));
        return link.match(text).captured(0);
    }

    qint64 uploadedId(const HttpResponse &r)
    {
        return r.json().value(QStringLiteral("document")).toObject().value(QStringLiteral("id")).toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        m_portal.setConfig(QStringLiteral("server/max_body_bytes"), QString::number(ServerMaxBody));
        m_portal.setConfig(QStringLiteral("documents/max_bytes"), QString::number(DocumentsMax));
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword));
        QVERIFY(m_portal.createStaff(ParaEmail, ParaPassword, QStringLiteral("paralegal")));
        QVERIFY(m_portal.createStaff(PartnerEmail, ParaPassword, QStringLiteral("partner"), PartnerName));
        m_portal.setConfig(QStringLiteral("firm/name"), FirmName);
        m_portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("100"));
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

    void hub_listsDocument_downloadSameBytesAndHeadersAsLink()
    {
        const qint64 client = newClient(QStringLiteral("Hana Hub"));
        QVERIFY(client > 0);
        const QByteArray content = binaryContent(3000);
        const auto up = upload(client, QStringLiteral("Proposal (v2).pdf"), content);
        QCOMPARE(up.status, 201);
        const qint64 docId = uploadedId(up);
        const QByteArray cookie = signInClient(client);
        QVERIFY(!cookie.isEmpty());

        const auto hub = getAs(QStringLiteral("/portal/hub"), cookie);
        QCOMPARE(hub.status, 200);
        QVERIFY(hub.body.contains("Proposal (v2).pdf"));
        // The page escapes '/' as &#x2F;, which browsers decode in attributes.
        const QString page = MailTestKit::decodeEntities(QString::fromUtf8(hub.body));
        QVERIFY2(page.contains(QStringLiteral("href=\"/portal/documents/%1\"").arg(docId)), qPrintable(page));

        const auto fromHub = getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie);
        QCOMPARE(fromHub.status, 200);
        QCOMPARE(fromHub.body, content);
        const auto fromLink = download(up.json().value(QStringLiteral("document_url")).toString());
        QCOMPARE(fromLink.status, 200);
        for (const auto &name : DownloadHeaders)
            QCOMPARE(fromHub.header(name), fromLink.header(name));
        QCOMPARE(fromHub.header("Content-Security-Policy"), QByteArray("sandbox; default-src 'none'"));
        QCOMPARE(fromHub.header("Content-Disposition"),
                 QByteArray("attachment; filename*=UTF-8''") +
                     QUrl::toPercentEncoding(QStringLiteral("Proposal (v2).pdf")));

        // HEAD: the headers without the body.
        const auto head = getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie, "HEAD");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("Content-Disposition"), fromHub.header("Content-Disposition"));
    }

    void hub_download_auditedWithViaAddressAndAgent()
    {
        const qint64 client = newClient(QStringLiteral("Audra Audit"));
        const auto up = upload(client, QStringLiteral("audit.txt"), "audited bytes", "text/plain");
        QCOMPARE(up.status, 201);
        const qint64 docId = uploadedId(up);
        const QByteArray cookie = signInClient(client);
        QVERIFY(!cookie.isEmpty());
        QCOMPARE(events(client, QStringLiteral("document.downloaded")).size(), 0);

        QCOMPARE(getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie).status, 200);
        const auto viaHub = events(client, QStringLiteral("document.downloaded"));
        QCOMPARE(viaHub.size(), 1);
        const auto hubEvent = viaHub.first();
        QCOMPARE(hubEvent.value(QStringLiteral("actor_kind")).toString(), QStringLiteral("client"));
        QCOMPARE(hubEvent.value(QStringLiteral("actor_id")).toInteger(), client);
        QCOMPARE(hubEvent.value(QStringLiteral("client_id")).toInteger(), client);
        QCOMPARE(hubEvent.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(hubEvent.value(QStringLiteral("user_agent")).toString(), QString::fromLatin1(BrowserAgent));
        const auto hubDetails = hubEvent.value(QStringLiteral("details")).toObject();
        QCOMPARE(hubDetails.value(QStringLiteral("via")).toString(), QStringLiteral("hub"));
        QCOMPARE(hubDetails.value(QStringLiteral("document_id")).toInteger(), docId);
        QCOMPARE(hubDetails.value(QStringLiteral("name")).toString(), QStringLiteral("audit.txt"));
        QCOMPARE(hubDetails.value(QStringLiteral("likely_scanner")).toBool(false), false);
        QVERIFY(hubDetails.value(QStringLiteral("likely_scanner")).isBool());

        QCOMPARE(download(up.json().value(QStringLiteral("document_url")).toString()).status, 200);
        QCOMPARE(getAs(QUrl(up.json().value(QStringLiteral("document_url")).toString()).path()).status, 200);
        const auto all = events(client, QStringLiteral("document.downloaded"));
        QCOMPARE(all.size(), 3);
        const auto linkDetails = all.first().value(QStringLiteral("details")).toObject();
        QCOMPARE(linkDetails.value(QStringLiteral("via")).toString(), QStringLiteral("link"));
        QCOMPARE(linkDetails.value(QStringLiteral("document_id")).toInteger(), docId);
        QCOMPARE(linkDetails.value(QStringLiteral("likely_scanner")).toBool(true), false);
        QCOMPARE(all.first().value(QStringLiteral("user_agent")).toString(), QString::fromLatin1(BrowserAgent));
        QCOMPARE(all.first().value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
    }

    void hub_otherClientsDocumentOrNoSession_refused()
    {
        const qint64 client = newClient(QStringLiteral("Fay Foreign"));
        const qint64 other = newClient(QStringLiteral("Olga Owner"));
        const auto mine = upload(client, QStringLiteral("mine.txt"), "mine", "text/plain");
        const auto theirs = upload(other, QStringLiteral("theirs.txt"), "their secret bytes", "text/plain");
        QCOMPARE(mine.status, 201);
        QCOMPARE(theirs.status, 201);
        const QByteArray cookie = signInClient(client);
        QVERIFY(!cookie.isEmpty());

        const auto foreign = getAs(QStringLiteral("/portal/documents/%1").arg(uploadedId(theirs)), cookie);
        QCOMPARE(foreign.status, 404);
        QVERIFY(!foreign.body.contains("their secret bytes"));
        QVERIFY(foreign.header("Content-Type").startsWith("text/html"));
        QCOMPARE(getAs(QStringLiteral("/portal/documents/999999"), cookie).status, 404);
        QCOMPARE(getAs(QStringLiteral("/portal/documents/abc"), cookie).status, 404);
        // Without a session: the hub's "sign in again" page.
        const auto anonymous = getAs(QStringLiteral("/portal/documents/%1").arg(uploadedId(mine)));
        QCOMPARE(anonymous.status, 401);
        QVERIFY(!anonymous.body.contains("mine"));
        QCOMPARE(events(other, QStringLiteral("document.downloaded")).size(), 0);
    }

    void documentLink_headAndScannerGet_markedLikelyScanner()
    {
        const qint64 client = newClient(QStringLiteral("Sam Scanner"));
        const auto up = upload(client, QStringLiteral("scan.txt"), "scanned", "text/plain");
        QCOMPARE(up.status, 201);
        const QString path = QUrl(up.json().value(QStringLiteral("document_url")).toString()).path();

        const auto head = getAs(path, {}, "HEAD");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QVERIFY(head.header("Content-Disposition").startsWith("attachment"));
        auto seen = events(client, QStringLiteral("document.downloaded"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("likely_scanner"))
                     .toBool(false),
                 true);
        QCOMPARE(seen.first().value(QStringLiteral("details")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("HEAD"));

        const auto scanner = getAs(path, {}, "GET", "Mozilla/5.0 (compatible; BingPreview/1.0b)");
        QCOMPARE(scanner.status, 200);
        QCOMPARE(scanner.body, QByteArray("scanned"));
        seen = events(client, QStringLiteral("document.downloaded"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.first()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("likely_scanner"))
                     .toBool(false),
                 true);

        QCOMPARE(getAs(path).status, 200);
        seen = events(client, QStringLiteral("document.downloaded"));
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.first()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("likely_scanner"))
                     .toBool(true),
                 false);
    }

    void send_mailsNewLink_earlierLinkStillWorks()
    {
        const qint64 client = newClient(QStringLiteral("Mia Mail"));
        const QByteArray content = binaryContent(1200);
        const auto up = upload(client, QStringLiteral("Engagement letter.pdf"), content);
        QCOMPARE(up.status, 201);
        const QString first = up.json().value(QStringLiteral("document_url")).toString();

        const ReceivedMail mail = sendDocument(client, uploadedId(up));
        QVERIFY(!mail.raw.isEmpty());
        QCOMPARE(mail.header("to"), QStringLiteral("\"Mia Mail\" <mia@client.example>"));
        QCOMPARE(mail.header("subject"), FirmName + QStringLiteral(": Engagement letter.pdf for Matter of Mia Mail"));
        QVERIFY(mail.text.contains(QStringLiteral("Engagement letter.pdf")));
        QVERIFY(mail.text.contains(QStringLiteral("\"Matter of Mia Mail\"")));
        QVERIFY(mail.text.contains(QStringLiteral("This link opens this one document directly")));
        const QString link = documentLinkIn(mail.text);
        QVERIFY2(!link.isEmpty(), qPrintable(mail.text));
        QVERIFY(MailTestKit::decodeEntities(mail.html).contains(link));
        QVERIFY(mail.html.contains(QStringLiteral("Hale &amp; Partners")));
        QVERIFY(link != first);

        const auto viaMail = download(link);
        QCOMPARE(viaMail.status, 200);
        QCOMPARE(viaMail.body, content);
        const auto viaFirst = download(first);
        QCOMPARE(viaFirst.status, 200);
        QCOMPARE(viaFirst.body, content);

        const auto sent = events(client, QStringLiteral("document.sent"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().value(QStringLiteral("actor_kind")).toString(), QStringLiteral("staff"));
        QCOMPARE(sent.first().value(QStringLiteral("actor_label")).toString(), ParaEmail);
        const auto details = sent.first().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("document_id")).toInteger(), uploadedId(up));
        QCOMPARE(details.value(QStringLiteral("name")).toString(), QStringLiteral("Engagement letter.pdf"));
        // Never the link in the audit (R1).
        QVERIFY(!QJsonDocument(sent.first()).toJson().contains(link.section(u'/', -1).toLatin1()));
    }

    void send_unknownOrForeignDocument_404()
    {
        const qint64 client = newClient(QStringLiteral("Una Known"));
        const qint64 other = newClient(QStringLiteral("Otto Other"));
        const auto theirs = upload(other, QStringLiteral("theirs.txt"), "x", "text/plain");
        QCOMPARE(theirs.status, 201);
        for (const auto &path :
             {QStringLiteral("/api/v1/clients/%1/documents/%2/send").arg(client).arg(uploadedId(theirs)),
              QStringLiteral("/api/v1/clients/%1/documents/999999/send").arg(client),
              QStringLiteral("/api/v1/clients/999999/documents/%1/send").arg(uploadedId(theirs))}) {
            const auto r = m_api.call("POST", path, m_para);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        }
        const auto field = m_api.callJson(
            "POST", QStringLiteral("/api/v1/clients/%1/documents/%2/send").arg(other).arg(uploadedId(theirs)), m_para,
            {{QStringLiteral("to"), QStringLiteral("elsewhere@example.org")}});
        QCOMPARE(field.status, 400);
        QCOMPARE(field.json().value(QStringLiteral("code")).toString(), QStringLiteral("unknown_field"));
        QCOMPARE(events(other, QStringLiteral("document.sent")).size(), 0);
    }

    void revoke_killsEveryDocumentLinkAndHubDownload()
    {
        const qint64 client = newClient(QStringLiteral("Rex Revoked"));
        const auto up = upload(client, QStringLiteral("contract.pdf"), "contract bytes");
        QCOMPARE(up.status, 201);
        const qint64 docId = uploadedId(up);
        const QString first = up.json().value(QStringLiteral("document_url")).toString();
        const QString mailed = documentLinkIn(sendDocument(client, docId).text);
        QVERIFY(!mailed.isEmpty());
        const QByteArray cookie = signInClient(client);
        QVERIFY(!cookie.isEmpty());
        QCOMPARE(getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie).status, 200);
        QCOMPARE(download(mailed).status, 200);

        const auto revoked = m_api.callJson("POST", QStringLiteral("/api/v1/clients/%1/revoke").arg(client), m_para,
                                            {{QStringLiteral("reason"), QStringLiteral("matter closed")}});
        QCOMPARE(revoked.status, 200);
        const auto revokeEvent = events(client, QStringLiteral("client.access_revoked"));
        QCOMPARE(revokeEvent.size(), 1);
        QCOMPARE(revokeEvent.first()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("document_links_revoked"))
                     .toInteger(),
                 2);

        for (const auto &url : {first, mailed}) {
            const auto dead = getAs(QUrl(url).path());
            QCOMPARE(dead.status, 410);
            QVERIFY(dead.body.contains("Access revoked"));
            QVERIFY(!dead.body.contains("contract bytes"));
            QVERIFY(dead.header("Content-Disposition").isEmpty());
        }
        const auto hub = getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie);
        QCOMPARE(hub.status, 403);
        QVERIFY(hub.body.contains("Access revoked"));
        QVERIFY(!hub.body.contains("contract bytes"));
        // Each refused link is recorded (F14), as a refused portal link is.
        int refused = 0;
        for (const auto &e : events(client, QStringLiteral("token.rejected")))
            refused += e.value(QStringLiteral("details")).toObject().value(QStringLiteral("purpose")).toString() ==
                       u"document";
        QCOMPARE(refused, 2);

        const auto send =
            m_api.call("POST", QStringLiteral("/api/v1/clients/%1/documents/%2/send").arg(client).arg(docId), m_para);
        QCOMPARE(send.status, 409);
        QCOMPARE(send.json().value(QStringLiteral("code")).toString(), QStringLiteral("client_revoked"));

        // Invited again, the old links stay dead: revocation is for good.
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/v1/clients/%1/invite").arg(client), m_para, "{}",
                           {{"Content-Type", "application/json"}})
                     .status,
                 201);
        QCOMPARE(getAs(QUrl(first).path()).status, 410);
    }

    void delete_killsEveryLinkOfTheDocument_404()
    {
        const qint64 client = newClient(QStringLiteral("Dora Delete"));
        const auto up = upload(client, QStringLiteral("draft.txt"), "draft bytes", "text/plain");
        QCOMPARE(up.status, 201);
        const qint64 docId = uploadedId(up);
        const QString mailed = documentLinkIn(sendDocument(client, docId).text);
        QVERIFY(!mailed.isEmpty());
        const QByteArray cookie = signInClient(client);
        QCOMPARE(download(mailed).status, 200);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/v1/clients/%1/documents/%2").arg(client).arg(docId), m_para)
                     .status,
                 204);
        for (const auto &url : {up.json().value(QStringLiteral("document_url")).toString(), mailed}) {
            const auto dead = getAs(QUrl(url).path());
            QCOMPARE(dead.status, 404);
            QVERIFY(!dead.body.contains("draft bytes"));
        }
        QCOMPARE(getAs(QStringLiteral("/portal/documents/%1").arg(docId), cookie).status, 404);
        QVERIFY(!getAs(QStringLiteral("/portal/hub"), cookie).body.contains("draft.txt"));
    }

    void regenerate_keepsDocumentLinks_unlessIncludeDocuments()
    {
        const qint64 client = newClient(QStringLiteral("Gina Regen"));
        const auto up = upload(client, QStringLiteral("kept.txt"), "kept bytes", "text/plain");
        QCOMPARE(up.status, 201);
        const QString link = up.json().value(QStringLiteral("document_url")).toString();
        const QString regenerate = QStringLiteral("/api/v1/clients/%1/regenerate").arg(client);

        QCOMPARE(
            m_api.callJson("POST", regenerate, m_para, {{QStringLiteral("reason"), QStringLiteral("lost")}}).status,
            201);
        QCOMPARE(getAs(QUrl(link).path()).status, 200);
        auto regenerated = events(client, QStringLiteral("client.link_regenerated"));
        QCOMPARE(regenerated.size(), 1);
        QCOMPARE(regenerated.first()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("include_documents"))
                     .toBool(true),
                 false);

        const auto bad =
            m_api.callJson("POST", regenerate, m_para, {{QStringLiteral("include_documents"), QStringLiteral("yes")}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        QCOMPARE(getAs(QUrl(link).path()).status, 200);

        QCOMPARE(m_api.callJson("POST", regenerate, m_para, {{QStringLiteral("include_documents"), true}}).status, 201);
        const auto dead = getAs(QUrl(link).path());
        QCOMPARE(dead.status, 410);
        QVERIFY(!dead.body.contains("kept bytes"));
        QVERIFY(!dead.body.contains("Access revoked"));
        regenerated = events(client, QStringLiteral("client.link_regenerated"));
        QCOMPARE(regenerated.size(), 2);
        const auto details = regenerated.first().value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("include_documents")).toBool(false), true);
        QCOMPARE(details.value(QStringLiteral("document_links_revoked")).toInteger(), 1);
        // The hub still serves the document: only links ended, not the document.
        const QByteArray cookie = signInClient(client);
        QCOMPARE(getAs(QStringLiteral("/portal/documents/%1").arg(uploadedId(up)), cookie).body,
                 QByteArray("kept bytes"));
    }

    void previewInvite_isTheRealInviteMail()
    {
        qint64 partnerId = 0;
        for (const auto &v : m_api.call("GET", QStringLiteral("/api/v1/staff"), m_para)
                                 .json()
                                 .value(QStringLiteral("staff"))
                                 .toArray()) {
            if (v.toObject().value(QStringLiteral("email")).toString() == PartnerEmail)
                partnerId = v.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(partnerId > 0);
        const qint64 client = newClient(QStringLiteral("Paula Preview"), partnerId);
        QVERIFY(client > 0);
        const int outboxBefore = int(m_api.call("GET", QStringLiteral("/api/v1/mail/outbox?limit=500"), m_admin)
                                         .json()
                                         .value(QStringLiteral("messages"))
                                         .toArray()
                                         .size());
        const auto preview = m_api.callJson("POST", QStringLiteral("/api/v1/mail/preview/invite"), m_para,
                                            {{QStringLiteral("name"), QStringLiteral("Paula Preview")},
                                             {QStringLiteral("email"), QStringLiteral("paula@client.example")},
                                             {QStringLiteral("matter"), QStringLiteral("Matter of Paula Preview")},
                                             {QStringLiteral("partner"), PartnerName}});
        QCOMPARE(preview.status, 200);
        const QString subject = preview.json().value(QStringLiteral("subject")).toString();
        const QString text = preview.json().value(QStringLiteral("text")).toString();
        const QString html = preview.json().value(QStringLiteral("html")).toString();
        QVERIFY(text.contains(QStringLiteral("handled by ") + PartnerName));
        QVERIFY(text.contains(QStringLiteral("Matter of Paula Preview")));
        QVERIFY(html.contains(QStringLiteral("Hale &amp; Partners")));
        QVERIFY(text.contains(QStringLiteral("/portal/preview-only")));
        // Nothing queued, nothing audited for the client.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/mail/outbox?limit=500"), m_admin)
                     .json()
                     .value(QStringLiteral("messages"))
                     .toArray()
                     .size(),
                 outboxBefore);
        QCOMPARE(events(client, QStringLiteral("mail.queued")).size(), 0);

        // The real invite for the same client: the same mail but for its live link and
        // the minute the link expires.
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/v1/clients/%1/invite").arg(client), m_para, "{}",
                           {{"Content-Type", "application/json"}})
                     .status,
                 201);
        const auto queued = events(client, QStringLiteral("mail.queued"));
        QCOMPARE(queued.size(), 1);
        const ReceivedMail mail = deliveredMail(
            queued.first().value(QStringLiteral("details")).toObject().value(QStringLiteral("outbox_id")).toInteger());
        QVERIFY(!mail.raw.isEmpty());
        QCOMPARE(mail.header("subject"), subject);
        const auto normalise = [](QString body) {
            static const QRegularExpression link(QStringLiteral("/portal/(preview-only|[A-Za-z0-9_-]{43})"));
            static const QRegularExpression time(QStringLiteral("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC"));
            body = MailTestKit::decodeEntities(body);
            body.replace(link, QStringLiteral("/portal/LINK"));
            body.replace(time, QStringLiteral("TIME"));
            body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            return body.trimmed();
        };
        QCOMPARE(normalise(mail.text), normalise(text));
        QCOMPARE(normalise(mail.html), normalise(html));
    }

    void previewInvite_badBody_400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{name:") << QStringLiteral("malformed_json");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("malformed_json");
        QTest::newRow("unknown field") << QByteArray(R"({"name":"A","portal_url":"evil"})")
                                       << QStringLiteral("unknown_field");
        QTest::newRow("no name") << QByteArray(R"({"matter":"M"})") << QStringLiteral("validation_failed");
        QTest::newRow("bad email") << QByteArray(R"({"name":"A","email":"not an address"})")
                                   << QStringLiteral("validation_failed");
        QTest::newRow("partner not a string")
            << QByteArray(R"({"name":"A","partner":7})") << QStringLiteral("validation_failed");
    }

    void previewInvite_badBody_400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto r = m_api.call("POST", QStringLiteral("/api/v1/mail/preview/invite"), m_para, body,
                                  {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
    }
};

QTEST_GUILESS_MAIN(TestDocuments)
#include "tst_documents.moc"
