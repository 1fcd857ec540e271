// SPDX-License-Identifier: Apache-2.0
// The staff REST API over real HTTP against the real gatehouse-portal binary.
#include "common/apitypes.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("correct horse battery staple");
const QString ParalegalEmail = QStringLiteral("para@firm.example");
const QString ParalegalPassword = QStringLiteral("paralegal password 1");

QByteArray sessionBody(const QString &email, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestStaffApi : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    QByteArray m_token; // an admin token for tests that only need to be signed in

    QUrl url(const QString &path) const { return m_portal.baseUrl().resolved(QUrl(path)); }

    QByteArray signIn(const QString &email, const QString &password)
    {
        const auto r = httpRequest("POST", url(QStringLiteral("/api/v1/session")), sessionBody(email, password));
        if (r.status != 201)
            return {};
        return r.json().value(QStringLiteral("token")).toString().toLatin1();
    }

    HttpResponse authed(const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const QByteArray &token = {})
    {
        return httpRequest(method, url(path), body,
                           {{"Authorization", "Bearer " + (token.isEmpty() ? m_token : token)}});
    }

    QJsonObject createClient(const QString &name)
    {
        const auto body =
            QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("email"), QStringLiteral("c@client.example")},
                                      {QStringLiteral("matter"), QStringLiteral("Matter of %1").arg(name)}})
                .toJson(QJsonDocument::Compact);
        const auto r = authed("POST", QStringLiteral("/api/v1/clients"), body);
        return r.status == 201 ? r.json() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(AdminEmail, AdminPassword), qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.createStaff(ParalegalEmail, ParalegalPassword, QStringLiteral("paralegal"),
                                      QStringLiteral("Pat Para")),
                 qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_token = signIn(AdminEmail, AdminPassword);
        QVERIFY(!m_token.isEmpty());
    }

    void healthz_withoutAuth_ok()
    {
        const auto r = httpRequest("GET", url(QStringLiteral("/healthz")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void session_rightPassword_returnsTokenAndStaff()
    {
        const auto r =
            httpRequest("POST", url(QStringLiteral("/api/v1/session")), sessionBody(ParalegalEmail, ParalegalPassword));
        QCOMPARE(r.status, 201);
        const auto json = r.json();
        QCOMPARE(json.value(QStringLiteral("token")).toString().size(), 43);
        const auto expires = fromWireTime(json.value(QStringLiteral("expires_at")).toString());
        QVERIFY(expires.isValid());
        QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));
        QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(13 * 3600));
        const auto staff = StaffMember::fromJson(json.value(QStringLiteral("staff")).toObject());
        QVERIFY(staff.ok());
        QCOMPARE(staff->email, ParalegalEmail);
        QCOMPARE(staff->name, QStringLiteral("Pat Para"));
        QCOMPARE(staff->role, StaffRole::Paralegal);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    void session_wrongPasswordOrUnknownEmail_sameAnswer()
    {
        const auto wrong = httpRequest("POST", url(QStringLiteral("/api/v1/session")),
                                       sessionBody(AdminEmail, QStringLiteral("nope nope")));
        const auto unknown = httpRequest("POST", url(QStringLiteral("/api/v1/session")),
                                         sessionBody(QStringLiteral("ghost@firm.example"), AdminPassword));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.header("Content-Type"), QByteArray("application/problem+json"));
    }

    void me_withToken_returnsSignedInStaff()
    {
        const auto r = authed("GET", QStringLiteral("/api/v1/me"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), AdminEmail);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    }

    void me_badCredential_401_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("garbage bearer") << QByteArray("Bearer garbage");
        QTest::newRow("basic scheme") << QByteArray("Basic YWRtaW46cGFzcw==");
        QTest::newRow("well-formed but unknown") << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("empty bearer") << QByteArray("Bearer ");
    }

    void me_badCredential_401()
    {
        QFETCH(QByteArray, authorization);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const auto r = httpRequest("GET", url(QStringLiteral("/api/v1/me")), {}, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void deleteSession_thenSameToken_401()
    {
        const auto token = signIn(ParalegalEmail, ParalegalPassword);
        QVERIFY(!token.isEmpty());
        QCOMPARE(authed("GET", QStringLiteral("/api/v1/me"), {}, token).status, 200);
        const auto r = authed("DELETE", QStringLiteral("/api/v1/session"), {}, token);
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(authed("GET", QStringLiteral("/api/v1/me"), {}, token).status, 401);
        // Other sessions are unaffected.
        QCOMPARE(authed("GET", QStringLiteral("/api/v1/me")).status, 200);
    }

    void createClient_valid_201WithEtagAndLocation()
    {
        const auto body =
            QByteArray("{\"name\":\"Ada Lovelace\",\"email\":\"ada@client.example\",\"matter\":\"Estate of Byron\","
                       "\"require_sign_in\":true,\"phone_confirmation\":false,\"partner_id\":null}");
        const auto r = authed("POST", QStringLiteral("/api/v1/clients"), body);
        QCOMPARE(r.status, 201);
        const auto client = ClientRecord::fromJson(r.json());
        QVERIFY(client.ok());
        QCOMPARE(client->name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(client->status, ClientStatus::Draft);
        QVERIFY(client->requireSignIn);
        QCOMPARE(client->version, 1);
        QVERIFY(client->changeSeq > 0);
        QCOMPARE(r.header("ETag"), QByteArray("\"v1\""));
        const auto location = r.header("Location");
        QCOMPARE(location, "/api/v1/clients/" + QByteArray::number(client->id));

        const auto again = authed("GET", QString::fromLatin1(location));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("ETag"), QByteArray("\"v1\""));
        QCOMPARE(again.json().value(QStringLiteral("id")).toInteger(), client->id);
    }

    void createClient_withPartner_namesPartner()
    {
        const auto me = authed("GET", QStringLiteral("/api/v1/me")).json();
        const auto body = QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Bob")},
                                                    {QStringLiteral("email"), QStringLiteral("bob@client.example")},
                                                    {QStringLiteral("matter"), QStringLiteral("Lease")},
                                                    {QStringLiteral("partner_id"), me.value(QStringLiteral("id"))}})
                              .toJson(QJsonDocument::Compact);
        const auto r = authed("POST", QStringLiteral("/api/v1/clients"), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("partner_id")).toInteger(), me.value(QStringLiteral("id")).toInteger());
    }

    void listClients_cursorPaging_returnsEveryNewRowOnceInOrder()
    {
        // Start from the current end of the feed, then add rows and page through them.
        const auto start = authed("GET", QStringLiteral("/api/v1/clients?limit=1000"));
        QCOMPARE(start.status, 200);
        QVERIFY(!start.json().value(QStringLiteral("has_more")).toBool());
        QString cursor = start.json().value(QStringLiteral("next_cursor")).toString();

        QList<qint64> created;
        for (int i = 0; i < 5; ++i) {
            const auto c = createClient(QStringLiteral("Paging %1").arg(i));
            QVERIFY(!c.isEmpty());
            created << c.value(QStringLiteral("id")).toInteger();
        }

        QList<qint64> seen;
        QList<bool> hasMore;
        qint64 lastSeq = cursor.toLongLong();
        for (int page = 0; page < 10; ++page) {
            const auto r = authed("GET", QStringLiteral("/api/v1/clients?limit=2&cursor=%1").arg(cursor));
            QCOMPARE(r.status, 200);
            const auto parsed = ClientPage::fromJson(r.json());
            QVERIFY(parsed.ok());
            for (const auto &c : parsed->clients) {
                QVERIFY(c.changeSeq > lastSeq);
                lastSeq = c.changeSeq;
                seen << c.id;
            }
            hasMore << parsed->hasMore;
            cursor = parsed->nextCursor;
            if (!parsed->hasMore)
                break;
        }
        QCOMPARE(seen, created);
        QCOMPARE(hasMore, (QList<bool>{true, true, false}));

        // At the end of the feed the cursor stays put and the page is empty.
        const auto end = authed("GET", QStringLiteral("/api/v1/clients?cursor=%1").arg(cursor));
        QCOMPARE(end.json().value(QStringLiteral("clients")).toArray().size(), 0);
        QCOMPARE(end.json().value(QStringLiteral("next_cursor")).toString(), cursor);
    }

    void listClients_badQuery_400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit zero") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit too big") << QStringLiteral("limit=1001") << QStringLiteral("limit");
        QTest::newRow("limit not a number") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("cursor not ours") << QStringLiteral("cursor=abc") << QStringLiteral("cursor");
        QTest::newRow("negative cursor") << QStringLiteral("cursor=-1") << QStringLiteral("cursor");
    }

    void listClients_badQuery_400()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto r = authed("GET", QStringLiteral("/api/v1/clients?") + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 field);
    }

    void createClient_badBody_rejected_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray json("application/json");
        const QByteArray good("\"name\":\"N\",\"email\":\"n@x.example\",\"matter\":\"M\"");
        QTest::newRow("malformed json") << json << QByteArray("{\"name\":") << 400 << QStringLiteral("malformed_json")
                                        << QString();
        QTest::newRow("array not object")
            << json << QByteArray("[1,2]") << 400 << QStringLiteral("malformed_json") << QString();
        QTest::newRow("empty body") << json << QByteArray() << 400 << QStringLiteral("malformed_json") << QString();
        QTest::newRow("invalid utf-8") << json
                                       << QByteArray(
                                              "{\"name\":\"\xff\xfe\",\"email\":\"n@x.example\",\"matter\":\"M\"}")
                                       << 400 << QStringLiteral("invalid_utf8") << QString();
        QTest::newRow("unknown field") << json << "{" + good + ",\"require_signin\":true}" << 400
                                       << QStringLiteral("unknown_field") << QStringLiteral("require_signin");
        QTest::newRow("name wrong type") << json
                                         << QByteArray("{\"name\":5,\"email\":\"n@x.example\",\"matter\":\"M\"}") << 400
                                         << QStringLiteral("validation_failed") << QStringLiteral("name");
        QTest::newRow("matter missing") << json << QByteArray("{\"name\":\"N\",\"email\":\"n@x.example\"}") << 400
                                        << QStringLiteral("validation_failed") << QStringLiteral("matter");
        QTest::newRow("name blank") << json
                                    << QByteArray("{\"name\":\"   \",\"email\":\"n@x.example\",\"matter\":\"M\"}")
                                    << 400 << QStringLiteral("validation_failed") << QStringLiteral("name");
        QTest::newRow("name overlong") << json
                                       << "{\"name\":\"" + QByteArray(201, 'a') +
                                              "\",\"email\":\"n@x.example\",\"matter\":\"M\"}"
                                       << 400 << QStringLiteral("validation_failed") << QStringLiteral("name");
        QTest::newRow("bad email") << json << QByteArray("{\"name\":\"N\",\"email\":\"not an email\",\"matter\":\"M\"}")
                                   << 400 << QStringLiteral("validation_failed") << QStringLiteral("email");
        QTest::newRow("flag not bool") << json << "{" + good + ",\"require_sign_in\":\"yes\"}" << 400
                                       << QStringLiteral("validation_failed") << QStringLiteral("require_sign_in");
        QTest::newRow("partner not id") << json << "{" + good + ",\"partner_id\":\"x\"}" << 400
                                        << QStringLiteral("validation_failed") << QStringLiteral("partner_id");
        QTest::newRow("partner unknown") << json << "{" + good + ",\"partner_id\":999999}" << 400
                                         << QStringLiteral("validation_failed") << QStringLiteral("partner_id");
        QTest::newRow("text/plain") << QByteArray("text/plain") << "{" + good + "}" << 415
                                    << QStringLiteral("unsupported_media_type") << QString();
        QTest::newRow("form encoded") << QByteArray("application/x-www-form-urlencoded") << QByteArray("name=N") << 415
                                      << QStringLiteral("unsupported_media_type") << QString();
    }

    void createClient_badBody_rejected()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto before = authed("GET", QStringLiteral("/api/v1/clients?limit=1000")).json();
        const auto r = httpRequest("POST", url(QStringLiteral("/api/v1/clients")), body,
                                   {{"Authorization", "Bearer " + m_token}, {"Content-Type", contentType}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const auto problem = r.json();
        QCOMPARE(problem.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(problem.value(QStringLiteral("type")).toString(), QStringLiteral("about:blank"));
        QVERIFY(!problem.value(QStringLiteral("title")).toString().isEmpty());
        if (!field.isEmpty()) {
            QSet<QString> fields;
            for (const auto &e : problem.value(QStringLiteral("errors")).toArray())
                fields.insert(e.toObject().value(QStringLiteral("field")).toString());
            QVERIFY2(fields.contains(field), qPrintable(QString::fromUtf8(r.body)));
        }
        // Nothing was created.
        const auto cursor = before.value(QStringLiteral("next_cursor")).toString();
        const auto after = authed("GET", QStringLiteral("/api/v1/clients?cursor=") + cursor).json();
        QCOMPARE(after.value(QStringLiteral("clients")).toArray().size(), 0);
    }

    void unknownPath_404ProblemJson()
    {
        const auto r = httpRequest("GET", url(QStringLiteral("/api/v1/nothing-here")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void knownPathWrongMethod_405WithAllow()
    {
        const auto r = httpRequest("PUT", url(QStringLiteral("/api/v1/clients")), "{}");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("method_not_allowed"));
        QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD, POST"));
    }

    void unknownOrWrongMethodPortalAddress_htmlPageNotJson()
    {
        // People, not programs, reach /portal/...: routing errors there are pages.
        const auto missing = httpRequest("GET", url(QStringLiteral("/portal/a/b/c")));
        QCOMPARE(missing.status, 404);
        QVERIFY2(missing.header("Content-Type").startsWith("text/html"), missing.header("Content-Type").constData());
        QVERIFY(missing.body.contains("<html"));
        QVERIFY(!missing.body.contains("not_found"));
        const auto wrongMethod = httpRequest("PUT", url(QStringLiteral("/portal/sign-in")), "x");
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.header("Content-Type").startsWith("text/html"));
        QVERIFY(!wrongMethod.header("Allow").isEmpty());
        QVERIFY(!wrongMethod.header("Content-Security-Policy").isEmpty());
    }

    void head_healthz_headersWithoutBody()
    {
        // Raw bytes: Qt Network sends HEAD as a custom verb and would wait for a body.
        const auto get = httpRequest("GET", url(QStringLiteral("/healthz")));
        const auto head =
            rawExchange(m_portal.port(), "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QVERIFY(head.endsWith("\r\n\r\n")); // nothing after the header block
        QVERIFY(head.contains(QByteArray("Content-Length: " + QByteArray::number(get.body.size()) + "\r\n")));
        QVERIFY(head.contains(QByteArray("Content-Type: " + get.header("Content-Type") + "\r\n")));
    }

    void everyAnswer_carriesSecurityHeaders_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("api ok") << QByteArray("GET") << QStringLiteral("/api/v1/me");
        QTest::newRow("api error") << QByteArray("GET") << QStringLiteral("/api/v1/clients?limit=0");
        QTest::newRow("not found") << QByteArray("GET") << QStringLiteral("/x");
        QTest::newRow("healthz") << QByteArray("GET") << QStringLiteral("/healthz");
    }

    void everyAnswer_carriesSecurityHeaders()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const auto r = authed(method, path);
        QVERIFY(r.status > 0);
        QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(r.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    }

    void serverLog_neverContainsTokenOrPassword()
    {
        const auto log = m_portal.serverLog();
        QVERIFY(log.contains("\"event\":\"request\""));
        QVERIFY(!log.contains(m_token));
        QVERIFY(!log.contains(AdminPassword.toUtf8()));
        QVERIFY(!log.contains("limit=")); // access log paths carry no query string
    }
};

QTEST_GUILESS_MAIN(TestStaffApi)
#include "tst_staffapi.moc"
