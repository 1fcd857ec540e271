// SPDX-License-Identifier: Apache-2.0
// SPEC R8 as one table over real HTTP against the real server: malformed JSON, wrong
// types, unknown fields, invalid UTF-8, a 50 MB Content-Length, absurd headers, missing
// or expired bearer tokens, wrong roles, unknown ids and stale versions each get their
// status and stable code. After every row the server still answers, and a second
// client polling /healthz in parallel the whole time is never refused.
#include "apitestkit.h"
#include "common/crypto.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <memory>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString ParaEmail = QStringLiteral("para@firm.example");
const QString Password = QStringLiteral("bad input password 1");

// Which credential a row sends.
enum class Caller { None, Admin, Paralegal, Expired, Garbage };

QJsonObject rawJson(const QByteArray &raw)
{
    const auto split = raw.indexOf("\r\n\r\n");
    return split < 0 ? QJsonObject() : QJsonDocument::fromJson(raw.mid(split + 4)).object();
}

int rawStatus(const QByteArray &raw)
{
    // "HTTP/1.1 413 ..." → 413
    return raw.startsWith("HTTP/1.") ? raw.mid(9, 3).toInt() : 0;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;
    QByteArray m_para;
    QByteArray m_expired;
    qint64 m_client = 0;

    // The "other client": polls /healthz from its own thread for the whole test.
    QThread *m_poller = nullptr;
    QAtomicInt m_stop;
    QAtomicInt m_pollOk;
    QAtomicInt m_pollFailed;

    QByteArray tokenFor(Caller caller) const
    {
        switch (caller) {
        case Caller::Admin:
            return m_admin;
        case Caller::Paralegal:
            return m_para;
        case Caller::Expired:
            return m_expired;
        case Caller::Garbage:
            return "not-a-token";
        case Caller::None:
            break;
        }
        return {};
    }

    // Makes a freshly issued token expired by moving its expiry into the past, as the
    // clock would: the server only ever sees the token after its expiry.
    bool expireToken(const QByteArray &token)
    {
        bool ok = false;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("expire"));
            db.setDatabaseName(m_portal.databasePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("UPDATE staff_api_tokens SET expires_at = ? WHERE token_hash = ?"));
                q.addBindValue(QStringLiteral("2000-01-01T00:00:00.000Z"));
                q.addBindValue(Crypto::sha256Hex(token));
                ok = q.exec() && q.numRowsAffected() == 1;
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("expire"));
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        QVERIFY(m_portal.createStaff(AdminEmail, Password));
        QVERIFY(m_portal.createStaff(ParaEmail, Password, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, Password);
        m_para = m_api.signIn(ParaEmail, Password);
        m_expired = m_api.signIn(AdminEmail, Password);
        QVERIFY(!m_admin.isEmpty() && !m_para.isEmpty() && !m_expired.isEmpty());
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/me"), m_expired).status, 200);
        QVERIFY(expireToken(m_expired));
        m_client = m_api.createClient(m_admin, QStringLiteral("Target Client")).value(QStringLiteral("id")).toInteger();
        QVERIFY(m_client > 0);
        // Move the client to version 2 so "v1" is stale.
        QCOMPARE(m_api
                     .callJson("PATCH", QStringLiteral("/api/v1/clients/%1").arg(m_client), m_admin,
                               {{QStringLiteral("matter"), QStringLiteral("Second version")}}, {{"If-Match", "\"v1\""}})
                     .status,
                 200);

        const QUrl health = m_api.url(QStringLiteral("/healthz"));
        m_poller = QThread::create([this, health] {
            while (!m_stop.loadAcquire()) {
                const auto r = httpRequest("GET", health, {}, {}, 5000);
                (r.status == 200 ? m_pollOk : m_pollFailed).fetchAndAddRelaxed(1);
                QThread::msleep(20);
            }
        });
        m_poller->start();
    }

    void cleanupTestCase()
    {
        if (m_poller) {
            m_stop.storeRelease(1);
            m_poller->wait(10000);
            delete m_poller;
            m_poller = nullptr;
        }
    }

    void request_badInput_statusAndCode_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("caller");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("ifMatch");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const auto admin = int(Caller::Admin);
        const QByteArray json = "application/json";
        const QString clients = QStringLiteral("/api/v1/clients");
        const QString client = QStringLiteral("/api/v1/clients/{client}");
        const QByteArray validClient = R"({"name":"N","email":"n@client.example","matter":"M"})";

        // Malformed JSON.
        QTest::newRow("truncated json") << QByteArray("POST") << clients << admin << QByteArray(R"({"name":)") << json
                                        << QByteArray() << 400 << "malformed_json";
        QTest::newRow("json array") << QByteArray("POST") << clients << admin << QByteArray("[1,2]") << json
                                    << QByteArray() << 400 << "malformed_json";
        QTest::newRow("json string") << QByteArray("POST") << clients << admin << QByteArray(R"("x")") << json
                                     << QByteArray() << 400 << "malformed_json";
        QTest::newRow("empty body") << QByteArray("POST") << clients << admin << QByteArray() << json << QByteArray()
                                    << 400 << "malformed_json";
        QTest::newRow("trailing garbage") << QByteArray("POST") << clients << admin << validClient + "xyz" << json
                                          << QByteArray() << 400 << "malformed_json";
        QTest::newRow("deep nesting") << QByteArray("POST") << clients << admin
                                      << QByteArray(600, '[') + QByteArray(600, ']') << json << QByteArray() << 400
                                      << "malformed_json";
        QTest::newRow("sign-in not json")
            << QByteArray("POST") << QStringLiteral("/api/v1/session") << int(Caller::None)
            << QByteArray("email=a&password=b") << json << QByteArray() << 400 << "malformed_json";
        // Wrong types.
        QTest::newRow("name number") << QByteArray("POST") << clients << admin
                                     << QByteArray(R"({"name":5,"email":"n@client.example","matter":"M"})") << json
                                     << QByteArray() << 400 << "validation_failed";
        QTest::newRow("bool as string") << QByteArray("PATCH") << client << admin
                                        << QByteArray(R"({"require_sign_in":"true"})") << json << QByteArray("\"v2\"")
                                        << 400 << "validation_failed";
        QTest::newRow("partner object") << QByteArray("PATCH") << client << admin
                                        << QByteArray(R"({"partner_id":{"id":1}})") << json << QByteArray("\"v2\"")
                                        << 400 << "validation_failed";
        QTest::newRow("password null") << QByteArray("POST") << QStringLiteral("/api/v1/session") << int(Caller::None)
                                       << QByteArray(R"({"email":"a@firm.example","password":null})") << json
                                       << QByteArray() << 400 << "validation_failed";
        QTest::newRow("huge number id") << QByteArray("PATCH") << client << admin
                                        << QByteArray(R"({"partner_id":1e300})") << json << QByteArray("\"v2\"") << 400
                                        << "validation_failed";
        // Unknown fields.
        QTest::newRow("unknown field")
            << QByteArray("POST") << clients << admin
            << QByteArray(R"({"name":"N","email":"n@client.example","matter":"M","status":"active"})") << json
            << QByteArray() << 400 << "unknown_field";
        QTest::newRow("unknown field sign-in")
            << QByteArray("POST") << QStringLiteral("/api/v1/session") << int(Caller::None)
            << QByteArray(R"({"email":"a@firm.example","password":"p","admin":true})") << json << QByteArray() << 400
            << "unknown_field";
        // Invalid UTF-8.
        QTest::newRow("invalid utf-8") << QByteArray("POST") << clients << admin
                                       << QByteArray(
                                              "{\"name\":\"\xc3\x28\",\"email\":\"n@client.example\",\"matter\":\"M\"}")
                                       << json << QByteArray() << 400 << "invalid_utf8";
        QTest::newRow("overlong utf-8")
            << QByteArray("POST") << clients << admin
            << QByteArray("{\"name\":\"\xc0\xaf\",\"email\":\"n@client.example\",\"matter\":\"M\"}") << json
            << QByteArray() << 400 << "invalid_utf8";
        QTest::newRow("surrogate utf-8")
            << QByteArray("POST") << clients << admin
            << QByteArray("{\"name\":\"\xed\xa0\x80\",\"email\":\"n@client.example\",\"matter\":\"M\"}") << json
            << QByteArray() << 400 << "invalid_utf8";
        // Media type.
        QTest::newRow("text/plain body") << QByteArray("POST") << clients << admin << validClient
                                         << QByteArray("text/plain") << QByteArray() << 415 << "unsupported_media_type";
        QTest::newRow("latin-1 charset") << QByteArray("POST") << clients << admin << validClient
                                         << QByteArray("application/json; charset=iso-8859-1") << QByteArray() << 415
                                         << "unsupported_media_type";
        // Credentials.
        QTest::newRow("no bearer") << QByteArray("GET") << clients << int(Caller::None) << QByteArray() << QByteArray()
                                   << QByteArray() << 401 << "unauthenticated";
        QTest::newRow("garbage bearer") << QByteArray("GET") << clients << int(Caller::Garbage) << QByteArray()
                                        << QByteArray() << QByteArray() << 401 << "unauthenticated";
        QTest::newRow("expired bearer") << QByteArray("GET") << clients << int(Caller::Expired) << QByteArray()
                                        << QByteArray() << QByteArray() << 401 << "unauthenticated";
        QTest::newRow("expired bearer write") << QByteArray("POST") << clients << int(Caller::Expired) << validClient
                                              << json << QByteArray() << 401 << "unauthenticated";
        // Roles.
        QTest::newRow("paralegal creates staff")
            << QByteArray("POST") << QStringLiteral("/api/v1/staff") << int(Caller::Paralegal)
            << QByteArray(R"({"email":"x@firm.example","name":"X","role":"admin"})") << json << QByteArray() << 403
            << "forbidden";
        QTest::newRow("paralegal audit head")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit/head") << int(Caller::Paralegal) << QByteArray()
            << QByteArray() << QByteArray() << 403 << "forbidden";
        QTest::newRow("paralegal full audit")
            << QByteArray("GET") << QStringLiteral("/api/v1/audit") << int(Caller::Paralegal) << QByteArray()
            << QByteArray() << QByteArray() << 403 << "forbidden";
        // Unknown ids.
        QTest::newRow("unknown client") << QByteArray("GET") << QStringLiteral("/api/v1/clients/987654") << admin
                                        << QByteArray() << QByteArray() << QByteArray() << 404 << "not_found";
        QTest::newRow("non-numeric id") << QByteArray("GET") << QStringLiteral("/api/v1/clients/1%20OR%201=1") << admin
                                        << QByteArray() << QByteArray() << QByteArray() << 404 << "not_found";
        QTest::newRow("unknown client docs")
            << QByteArray("GET") << QStringLiteral("/api/v1/clients/987654/documents") << admin << QByteArray()
            << QByteArray() << QByteArray() << 404 << "not_found";
        QTest::newRow("unknown staff") << QByteArray("PATCH") << QStringLiteral("/api/v1/staff/987654") << admin
                                       << QByteArray(R"({"name":"X"})") << json << QByteArray() << 404 << "not_found";
        // Versions.
        QTest::newRow("stale version") << QByteArray("PATCH") << client << admin << QByteArray(R"({"name":"Stale"})")
                                       << json << QByteArray("\"v1\"") << 412 << "precondition_failed";
        QTest::newRow("garbage version") << QByteArray("PATCH") << client << admin << QByteArray(R"({"name":"Stale"})")
                                         << json << QByteArray("banana") << 412 << "precondition_failed";
        QTest::newRow("missing version") << QByteArray("PATCH") << client << admin << QByteArray(R"({"name":"Stale"})")
                                         << json << QByteArray() << 428 << "precondition_required";
        // Query parameters.
        QTest::newRow("bad limit") << QByteArray("GET") << QStringLiteral("/api/v1/clients?limit=-5") << admin
                                   << QByteArray() << QByteArray() << QByteArray() << 400 << "validation_failed";
        QTest::newRow("bad audit time") << QByteArray("GET") << QStringLiteral("/api/v1/audit?from=yesterday") << admin
                                        << QByteArray() << QByteArray() << QByteArray() << 400 << "validation_failed";
    }

    void request_badInput_statusAndCode()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(int, caller);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, ifMatch);
        QFETCH(int, status);
        QFETCH(QString, code);
        path.replace(QStringLiteral("{client}"), QString::number(m_client));
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!contentType.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        if (!ifMatch.isEmpty())
            headers.append(qMakePair(QByteArray("If-Match"), ifMatch));
        const auto r = m_api.call(method, path, tokenFor(Caller(caller)), body, headers);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(r.status).arg(QString::fromUtf8(r.body.left(300)), path)));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
        QCOMPARE(r.json().value(QStringLiteral("status")).toInt(), status);
        // Never internals in an answer.
        QVERIFY(!r.body.contains("SELECT") && !r.body.contains("sqlite") && !r.body.contains(".cpp"));
        QVERIFY(m_api.healthy());
    }

    void raw_hostileBytes_answeredPromptly_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray fifty = QByteArray::number(50 * 1024 * 1024);
        QTest::newRow("50 MB json body announced")
            << "POST /api/v1/clients HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
               "application/json\r\nContent-Length: " +
                   fifty + "\r\n\r\n{\"name\":"
            << 413 << "payload_too_large";
        QTest::newRow("50 MB sign-in body") << "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                               "application/json\r\nContent-Length: " +
                                                   fifty + "\r\n\r\n"
                                            << 413 << "payload_too_large";
        QTest::newRow("50 MB upload above documents.max_bytes")
            << "POST /api/v1/clients/1/documents?name=a HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + fifty +
                   "\r\n\r\n"
            << 413 << "payload_too_large";
        QTest::newRow("64 KB header value")
            << "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: " + QByteArray(64 * 1024, 'h') + "\r\n\r\n"
            << 431 << "headers_too_large";
        QByteArray many = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (int i = 0; i < 2000; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("2000 headers") << many + "\r\n" << 431 << "headers_too_large";
        QTest::newRow("64 KB URL") << "GET /api/v1/clients/" + QByteArray(64 * 1024, '1') +
                                          " HTTP/1.1\r\nHost: x\r\n\r\n"
                                   << 431 << "headers_too_large";
        QTest::newRow("64 KB bearer") << "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                             QByteArray(64 * 1024, 'A') + "\r\n\r\n"
                                      << 431 << "headers_too_large";
    }

    void raw_hostileBytes_answeredPromptly()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        QElapsedTimer timer;
        timer.start();
        const QByteArray answer = rawExchange(m_portal.port(), request, 10000);
        QVERIFY2(rawStatus(answer) == status, answer.left(200).constData());
        QCOMPARE(rawJson(answer).value(QStringLiteral("code")).toString(), code);
        // Answered from the header alone, and the connection closed: no waiting for a
        // body that never comes (the server's read timeout is 15 s).
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(m_api.healthy());
    }

    void otherClient_servedThroughout()
    {
        // Runs last: the poller has been going during every row above.
        m_stop.storeRelease(1);
        QVERIFY(m_poller->wait(10000));
        QVERIFY2(m_pollOk.loadRelaxed() >= 10, qPrintable(QString::number(m_pollOk.loadRelaxed())));
        QCOMPARE(m_pollFailed.loadRelaxed(), 0);
        // The admin's own token and data are untouched by all of it.
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/clients/%1").arg(m_client), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("matter")).toString(), QStringLiteral("Second version"));
        QCOMPARE(r.header("ETag"), QByteArray("\"v2\""));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
