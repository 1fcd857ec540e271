// SPDX-License-Identifier: Apache-2.0
// SPEC R6 as one table: every route the server serves (taken from the same router
// `serve` builds, via registerAllRoutes) × every kind of caller (nobody, paralegal,
// partner, admin) → the expected answer class, checked over real HTTP against the real
// server. A route added without a row here fails `everyRoute_hasRoleExpectation`, so
// no route can ship without someone deciding who may call it.
#include "apitestkit.h"
#include "common/crypto.h"
#include "config.h"
#include "http/router.h"
#include "routes.h"
#include "secrets/keyring.h"
#include "storage/database.h"
#include "storage/storage.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString Password = QStringLiteral("role test password 1");

enum class Min { Public, Paralegal, Partner, Admin };

// One route's expectation. `path` may hold {id} (a fresh client, or `staffTarget` for
// /staff routes), {docId} (a document of that client), {sid}/{bid} (no such row: the
// answer is then a 404 by design), {n} (a counter for unique values), {token}/{file},
// {ref}/{mac} (an end-session link that does not verify).
// `query` is appended as is. `allowed` lists the statuses a caller with the role may
// get; empty means "anything but 401/403/405/5xx" (public routes).
struct RoleRow
{
    QByteArray method;
    QString pattern;
    Min minimum;
    QString query;
    QByteArray body;
    QList<int> allowed;
    QByteArray contentType = "application/json";
    bool spendsToken = false; // signs the caller out: use a throwaway token
};

// clang-format off
const QList<RoleRow> &table()
{
    static const QList<RoleRow> rows = {
        // Public: no token needed; must never answer 401/403.
        {"GET", QStringLiteral("/healthz"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/readyz"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/metrics"), Min::Public, {}, {}, {}},
        {"POST", QStringLiteral("/api/v1/session"), Min::Public, {}, R"({"email":"nobody@firm.example","password":"x"})", {}},
        {"GET", QStringLiteral("/d/{token}"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/portal/documents/{docId}"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/static/{file}"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/portal/hub"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/portal/sign-in"), Min::Public, {}, {}, {}},
        {"POST", QStringLiteral("/portal/sign-in"), Min::Public, {}, "email=nobody%40client.example", {}, "application/x-www-form-urlencoded"},
        {"GET", QStringLiteral("/portal/{token}"), Min::Public, {}, {}, {}},
        {"POST", QStringLiteral("/portal/{token}"), Min::Public, {}, {}, {}, "application/x-www-form-urlencoded"},
        {"POST", QStringLiteral("/portal/{token}/resend"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        // Client session actions of the pages: a portal cookie (and CSRF), never a staff token.
        {"POST", QStringLiteral("/portal/sign-out"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        {"POST", QStringLiteral("/portal/sign-out-everywhere"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        {"GET", QStringLiteral("/portal/phone/status"), Min::Public, {}, {}, {}},
        {"GET", QStringLiteral("/portal/end-session/{ref}/{mac}"), Min::Public, {}, {}, {}},
        {"POST", QStringLiteral("/portal/end-session/{ref}/{mac}"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        {"POST", QStringLiteral("/portal/phone/continue"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        {"POST", QStringLiteral("/portal/verify/send"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},
        {"POST", QStringLiteral("/portal/verify"), Min::Public, {}, "csrf=x", {}, "application/x-www-form-urlencoded"},

        // Any staff.
        {"DELETE", QStringLiteral("/api/v1/session"), Min::Paralegal, {}, {}, {204}, "application/json", true},
        {"GET", QStringLiteral("/api/v1/me"), Min::Paralegal, {}, {}, {200}},
        {"GET", QStringLiteral("/api/v1/server"), Min::Paralegal, {}, {}, {200}},
        // Allowed roles get past the door and are told to upgrade (tst_push opens sockets).
        {"GET", QStringLiteral("/api/v1/events"), Min::Paralegal, {}, {}, {426}},
        {"GET", QStringLiteral("/api/v1/clients"), Min::Paralegal, {}, {}, {200}},
        {"POST", QStringLiteral("/api/v1/clients"), Min::Paralegal, {}, R"({"name":"Role Client {n}","email":"c{n}@client.example","matter":"M"})", {201}},
        {"GET", QStringLiteral("/api/v1/clients/{id}"), Min::Paralegal, {}, {}, {200}},
        {"PATCH", QStringLiteral("/api/v1/clients/{id}"), Min::Paralegal, {}, R"({"matter":"Changed {n}"})", {200}},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}"), Min::Paralegal, {}, {}, {204}},
        {"GET", QStringLiteral("/api/v1/clients/{id}/documents"), Min::Paralegal, {}, {}, {200}},
        {"POST", QStringLiteral("/api/v1/clients/{id}/documents"), Min::Paralegal, QStringLiteral("name=a.txt"), "file bytes", {201}, "text/plain"},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}/documents/{docId}"), Min::Paralegal, {}, {}, {204}},
        {"POST", QStringLiteral("/api/v1/clients/{id}/documents/{docId}/send"), Min::Paralegal, {}, {}, {202}},
        {"POST", QStringLiteral("/api/v1/mail/preview/invite"), Min::Paralegal, {}, R"({"name":"P {n}","email":"p{n}@client.example","matter":"M","partner":"Pat"})", {200}},
        {"GET", QStringLiteral("/api/v1/audit"), Min::Paralegal, QStringLiteral("client_id={id}"), {}, {200}},
        {"GET", QStringLiteral("/api/v1/staff"), Min::Paralegal, {}, {}, {200}},
        {"POST", QStringLiteral("/api/v1/me/totp"), Min::Paralegal, {}, "{}", {201}},
        // No enrolment is pending for most callers (409) or the code is wrong (400).
        {"POST", QStringLiteral("/api/v1/me/totp/confirm"), Min::Paralegal, {}, R"({"code":"000000"})", {400, 409}},

        // Client access (token-engine routes): paralegal and up.
        {"POST", QStringLiteral("/api/v1/clients/{id}/invite"), Min::Paralegal, {}, "{}", {201}},
        {"POST", QStringLiteral("/api/v1/clients/{id}/regenerate"), Min::Paralegal, {}, R"({"reason":"lost it"})", {201}},
        {"POST", QStringLiteral("/api/v1/clients/{id}/revoke"), Min::Paralegal, {}, R"({"reason":"matter closed"})", {200}},
        {"POST", QStringLiteral("/api/v1/clients/{id}/end-sessions"), Min::Paralegal, {}, "{}", {200}},
        {"PUT", QStringLiteral("/api/v1/clients/{id}/require-sign-in"), Min::Paralegal, {}, R"({"enabled":true})", {200}},
        {"PUT", QStringLiteral("/api/v1/clients/{id}/phone-confirmation"), Min::Paralegal, {}, R"({"enabled":true})", {200}},
        // Nothing pending on a fresh client: 404 by the contract (or 400 for the code).
        {"POST", QStringLiteral("/api/v1/clients/{id}/phone-code"), Min::Paralegal, {}, R"({"code":"123456"})", {400, 404}},
        {"GET", QStringLiteral("/api/v1/clients/{id}/sessions"), Min::Paralegal, {}, {}, {200}},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}/sessions/{sid}"), Min::Paralegal, {}, {}, {404}},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}/sessions"), Min::Paralegal, {}, {}, {200}},
        {"GET", QStringLiteral("/api/v1/clients/{id}/browsers"), Min::Paralegal, {}, {}, {200}},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}/browsers/{bid}"), Min::Paralegal, {}, {}, {404}},
        {"DELETE", QStringLiteral("/api/v1/clients/{id}/browsers"), Min::Paralegal, {}, {}, {200}},

        // Partner and up.
        {"GET", QStringLiteral("/api/v1/audit/head"), Min::Partner, {}, {}, {200}},

        // Admin only.
        {"POST", QStringLiteral("/api/v1/staff"), Min::Admin, {}, R"({"email":"s{n}@firm.example","name":"S {n}","role":"paralegal"})", {201}},
        {"PATCH", QStringLiteral("/api/v1/staff/{id}"), Min::Admin, {}, R"({"name":"Target {n}"})", {200}},
        {"POST", QStringLiteral("/api/v1/staff/{id}/reset-2fa"), Min::Admin, {}, "{}", {200}},
        {"GET", QStringLiteral("/api/v1/mail/outbox"), Min::Admin, {}, {}, {200}},
        // A queued message cannot be retried (409); an unknown one is 404.
        {"POST", QStringLiteral("/api/v1/mail/outbox/{id}/retry"), Min::Admin, {}, "{}", {200, 404, 409}},
    };
    return rows;
}
// clang-format on

QString routeName(const QByteArray &method, const QString &pattern)
{
    return QString::fromLatin1(method) + u' ' + pattern;
}

Min minimumOf(const Server::Access &access)
{
    if (!access.signInRequired)
        return Min::Public;
    switch (access.minimumRole) {
    case StaffRole::Admin:
        return Min::Admin;
    case StaffRole::Partner:
        return Min::Partner;
    case StaffRole::Paralegal:
        break;
    }
    return Min::Paralegal;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    QList<Server::Router::RouteInfo> m_routes;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QMap<QString, QByteArray> m_tokens; // caller name → bearer token
    qint64 m_staffTarget = 0;
    int m_counter = 0;

    static Min callerLevel(const QString &caller)
    {
        if (caller == u"admin")
            return Min::Admin;
        if (caller == u"partner")
            return Min::Partner;
        return Min::Paralegal;
    }

    // Fills a row's placeholders with real ids: a fresh client (and document) per call,
    // so one caller's DELETE or revoke cannot change what the next caller sees.
    QString concretePath(const RoleRow &row, bool unknownIds)
    {
        QString path = row.pattern;
        const QString n = QString::number(++m_counter);
        if (path.startsWith(u"/api/v1/staff/")) {
            path.replace(QStringLiteral("{id}"),
                         unknownIds ? QStringLiteral("999999") : QString::number(m_staffTarget));
        } else if (path.startsWith(u"/api/v1/mail/outbox/")) {
            path.replace(QStringLiteral("{id}"), unknownIds ? QStringLiteral("999999") : firstOutboxId());
        } else if (path.contains(u"{id}")) {
            const qint64 client =
                m_api.createClient(m_tokens.value(QStringLiteral("admin")), QStringLiteral("Role Target %1").arg(n))
                    .value(QStringLiteral("id"))
                    .toInteger();
            qint64 docId = 0;
            if (path.contains(u"{docId}")) {
                // With unknownIds the document belongs to another client: still a 404.
                const qint64 owner = unknownIds ? m_api
                                                      .createClient(m_tokens.value(QStringLiteral("admin")),
                                                                    QStringLiteral("Doc Owner %1").arg(n))
                                                      .value(QStringLiteral("id"))
                                                      .toInteger()
                                                : client;
                docId = m_api
                            .call("POST", QStringLiteral("/api/v1/clients/%1/documents?name=d.txt").arg(owner),
                                  m_tokens.value(QStringLiteral("admin")), "doc", {{"Content-Type", "text/plain"}})
                            .json()
                            .value(QStringLiteral("document"))
                            .toObject()
                            .value(QStringLiteral("id"))
                            .toInteger();
            }
            path.replace(QStringLiteral("{id}"),
                         unknownIds && docId == 0 ? QStringLiteral("999999") : QString::number(client));
            path.replace(QStringLiteral("{docId}"), QString::number(docId));
        }
        path.replace(QStringLiteral("{docId}"), QStringLiteral("999999")); // public routes: no such document
        path.replace(QStringLiteral("{sid}"), QStringLiteral("999999"));
        path.replace(QStringLiteral("{bid}"), QStringLiteral("999999"));
        path.replace(QStringLiteral("{token}"), Crypto::newToken());
        path.replace(QStringLiteral("{ref}"), QStringLiteral("00000000.999999.999999"));
        path.replace(QStringLiteral("{mac}"), Crypto::newToken());
        path.replace(QStringLiteral("{file}"), QStringLiteral("no-such-file.css"));
        QString query = row.query;
        if (query.contains(u"{id}")) {
            const qint64 client =
                m_api.createClient(m_tokens.value(QStringLiteral("admin")), QStringLiteral("Q %1").arg(n))
                    .value(QStringLiteral("id"))
                    .toInteger();
            query.replace(QStringLiteral("{id}"), QString::number(client));
        }
        return query.isEmpty() ? path : path + u'?' + query;
    }

    QString firstOutboxId()
    {
        const auto r =
            m_api.call("GET", QStringLiteral("/api/v1/mail/outbox"), m_tokens.value(QStringLiteral("admin")));
        const auto messages = r.json().value(QStringLiteral("messages")).toArray();
        return messages.isEmpty() ? QStringLiteral("999999")
                                  : QString::number(messages.at(0).toObject().value(QStringLiteral("id")).toInteger());
    }

    HttpResponse send(const RoleRow &row, const QString &path, const QByteArray &token)
    {
        QByteArray body = row.body;
        body.replace("{n}", QByteArray::number(++m_counter));
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!body.isEmpty() || row.method != "GET")
            headers.append(qMakePair(QByteArray("Content-Type"), row.contentType));
        if (row.method == "PATCH" && row.pattern.startsWith(u"/api/v1/clients/"))
            headers.append(qMakePair(QByteArray("If-Match"), QByteArray("\"v1\"")));
        return m_api.call(row.method, path, token, body, headers);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        QVERIFY(m_dir.isValid());
        {
            // The router exactly as `serve` builds it, only to list its routes.
            Server::Config config;
            config.databasePath = m_dir.filePath(QStringLiteral("roles.db"));
            config.secretFile = m_dir.filePath(QStringLiteral("portal.secrets"));
            config.mailFolder = m_dir.filePath(QStringLiteral("mail"));
            config.publicUrl = QStringLiteral("http://127.0.0.1:8080");
            const Server::Database database(config.databasePath);
            QVERIFY(database.migrate());
            auto keyring = Server::Keyring::loadOrCreate(config.secretFile);
            QVERIFY(keyring);
            const Server::Storage storage(database);
            Server::Router router;
            const auto owned = Server::registerAllRoutes(router, config, database, storage, *keyring);
            m_routes = router.routes();
            Server::Database::closeThreadConnection();
        }
        QVERIFY(m_routes.size() > 10);

        for (const char *role : {"admin", "partner", "paralegal"})
            QVERIFY(m_portal.createStaff(QStringLiteral("%1@firm.example").arg(QLatin1StringView(role)), Password,
                                         QLatin1StringView(role)));
        QVERIFY(m_portal.createStaff(QStringLiteral("target@firm.example"), Password, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        for (const char *role : {"admin", "partner", "paralegal"}) {
            const QString name = QLatin1StringView(role);
            m_tokens.insert(name, m_api.signIn(QStringLiteral("%1@firm.example").arg(name), Password));
            QVERIFY(!m_tokens.value(name).isEmpty());
        }
        const auto staff = m_api.call("GET", QStringLiteral("/api/v1/staff"), m_tokens.value(QStringLiteral("admin")));
        for (const auto &v : staff.json().value(QStringLiteral("staff")).toArray()) {
            if (v.toObject().value(QStringLiteral("email")).toString() == u"target@firm.example")
                m_staffTarget = v.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(m_staffTarget > 0);
    }

    void everyRoute_hasRoleExpectation()
    {
        QStringList missing;
        QStringList wrong;
        for (const auto &route : std::as_const(m_routes)) {
            const auto it = std::find_if(table().cbegin(), table().cend(), [&](const RoleRow &row) {
                return row.method == route.method && row.pattern == route.pattern;
            });
            if (it == table().cend())
                missing
                    << QStringLiteral("route %1 has no role expectation").arg(routeName(route.method, route.pattern));
            else if (it->minimum != minimumOf(route.access))
                wrong << QStringLiteral("route %1 is served with another minimum role than the table says")
                             .arg(routeName(route.method, route.pattern));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    void everyRow_isAServedRoute()
    {
        QStringList stale;
        for (const auto &row : table()) {
            const bool served = std::any_of(m_routes.cbegin(), m_routes.cend(), [&](const auto &r) {
                return r.method == row.method && r.pattern == row.pattern;
            });
            if (!served)
                stale << routeName(row.method, row.pattern);
        }
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("rows for routes the server lacks: ") + stale.join(u", ")));
    }

    void route_byCaller_expectedClass_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("caller");
        for (int i = 0; i < table().size(); ++i) {
            const auto &row = table().at(i);
            for (const char *caller : {"none", "paralegal", "partner", "admin"}) {
                if (row.minimum == Min::Public && qstrcmp(caller, "none") != 0)
                    continue; // public routes are checked once, without a token
                QTest::addRow("%s %s as %s", row.method.constData(), qPrintable(row.pattern), caller)
                    << i << QString::fromLatin1(caller);
            }
        }
    }

    void route_byCaller_expectedClass()
    {
        QFETCH(int, row);
        QFETCH(QString, caller);
        const RoleRow &r = table().at(row);
        QByteArray token = m_tokens.value(caller);
        if (r.spendsToken && !token.isEmpty())
            token = m_api.signIn(QStringLiteral("%1@firm.example").arg(caller), Password);
        const QString path = concretePath(r, false);
        const auto answer = send(r, path, token);
        const QByteArray info = QStringLiteral("%1 %2 → %3 %4")
                                    .arg(QString::fromLatin1(r.method), path)
                                    .arg(answer.status)
                                    .arg(QString::fromUtf8(answer.body.left(300)))
                                    .toUtf8();
        if (r.minimum == Min::Public) {
            // Public routes may refuse for their own reasons (a wrong password, a client
            // without a portal session, a failed CSRF check), but never ask for a staff
            // bearer token or a staff role.
            QVERIFY2(answer.status >= 200 && answer.status < 500 && answer.status != 405, info.constData());
            QVERIFY2(answer.header("WWW-Authenticate").isEmpty(), info.constData());
            const QString code = answer.json().value(QStringLiteral("code")).toString();
            QVERIFY2(code != u"unauthenticated" && code != u"forbidden", info.constData());
            return;
        }
        if (caller == u"none") {
            QVERIFY2(answer.status == 401, info.constData());
            QCOMPARE(answer.json().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
            QVERIFY(answer.header("WWW-Authenticate").startsWith("Bearer"));
        } else if (callerLevel(caller) < r.minimum) {
            QVERIFY2(answer.status == 403, info.constData());
            QCOMPARE(answer.json().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        } else {
            QVERIFY2(r.allowed.contains(answer.status), info.constData());
        }
    }

    void route_unknownOrOtherClientsId_404_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < table().size(); ++i) {
            const auto &row = table().at(i);
            if (row.minimum != Min::Public && row.pattern.contains(u"{id}"))
                QTest::addRow("%s %s", row.method.constData(), qPrintable(row.pattern)) << i;
        }
    }

    void route_unknownOrOtherClientsId_404()
    {
        QFETCH(int, row);
        const RoleRow &r = table().at(row);
        // The admin may do everything, so only the id decides: it must be a 404.
        const QString path = concretePath(r, true);
        const auto answer = send(r, path, m_tokens.value(QStringLiteral("admin")));
        QVERIFY2(answer.status == 404, qPrintable(QStringLiteral("%1 → %2").arg(path).arg(answer.status)));
        QCOMPARE(answer.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void paralegal_auditWithoutClient_403()
    {
        // The one in-handler role rule: the whole log needs partner+.
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit"), m_tokens.value(QStringLiteral("paralegal")));
        QCOMPARE(r.status, 403);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit"), m_tokens.value(QStringLiteral("partner"))).status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
