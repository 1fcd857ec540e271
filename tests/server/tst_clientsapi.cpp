// SPDX-License-Identifier: Apache-2.0
// Client updates and deletion over real HTTP against the real server: optimistic
// concurrency with ETag/If-Match (412 with the current row, 428 without If-Match),
// per-field validation, tombstones in the change feed, and 404 for unknown ids.
#include "apitestkit.h"
#include "common/crypto.h"

#include <QJsonArray>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("admin password long enough");

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers ifMatch(const QByteArray &etag)
{
    return {{QByteArray("If-Match"), etag}};
}

} // namespace

class TestClientsApi : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;

    QString clientPath(qint64 id) const { return QStringLiteral("/api/v1/clients/%1").arg(id); }

    qint64 newClient(const QString &name)
    {
        return m_api.createClient(m_admin, name).value(QStringLiteral("id")).toInteger();
    }

    // Every row of the change feed from the beginning (bounded: a few pages at most).
    QList<QJsonObject> feed(QString *endCursor = nullptr)
    {
        QList<QJsonObject> rows;
        QString cursor;
        for (int page = 0; page < 20; ++page) {
            const auto r = m_api.call("GET", QStringLiteral("/api/v1/clients?limit=1000&cursor=") + cursor, m_admin);
            if (r.status != 200)
                return {};
            for (const auto &v : r.json().value(QStringLiteral("clients")).toArray())
                rows.append(v.toObject());
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            if (!r.json().value(QStringLiteral("has_more")).toBool())
                break;
        }
        if (endCursor)
            *endCursor = cursor;
        return rows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, AdminPassword);
        QVERIFY(!m_admin.isEmpty());
    }

    void patch_withCurrentEtag_200NewVersionAndEtag()
    {
        const qint64 id = newClient(QStringLiteral("Ada Lovelace"));
        QVERIFY(id > 0);
        const auto got = m_api.call("GET", clientPath(id), m_admin);
        QCOMPARE(got.header("ETag"), QByteArray("\"v1\""));

        const auto r = m_api.callJson(
            "PATCH", clientPath(id), m_admin,
            {{QStringLiteral("matter"), QStringLiteral("Estate of Byron")}, {QStringLiteral("require_sign_in"), true}},
            ifMatch(got.header("ETag")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), QByteArray("\"v2\""));
        const auto body = r.json();
        QCOMPARE(body.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(body.value(QStringLiteral("matter")).toString(), QStringLiteral("Estate of Byron"));
        QCOMPARE(body.value(QStringLiteral("require_sign_in")).toBool(), true);
        QCOMPARE(body.value(QStringLiteral("name")).toString(), QStringLiteral("Ada Lovelace"));

        // A later read sees the same version the PATCH answered.
        const auto again = m_api.call("GET", clientPath(id), m_admin);
        QCOMPARE(again.header("ETag"), QByteArray("\"v2\""));
        QCOMPARE(again.json().value(QStringLiteral("matter")).toString(), QStringLiteral("Estate of Byron"));
    }

    void patch_sameValues_versionUnchanged()
    {
        const qint64 id = newClient(QStringLiteral("Same Values"));
        const auto r = m_api.callJson("PATCH", clientPath(id), m_admin,
                                      {{QStringLiteral("name"), QStringLiteral("Same Values")}}, ifMatch("\"v1\""));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), QByteArray("\"v1\""));
    }

    void patch_withoutIfMatch_428PreconditionRequired()
    {
        const qint64 id = newClient(QStringLiteral("No Precondition"));
        const auto r =
            m_api.callJson("PATCH", clientPath(id), m_admin, {{QStringLiteral("name"), QStringLiteral("Changed")}});
        QCOMPARE(r.status, 428);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("precondition_required"));
        // Nothing changed.
        QCOMPARE(m_api.call("GET", clientPath(id), m_admin).json().value(QStringLiteral("name")).toString(),
                 QStringLiteral("No Precondition"));
    }

    void patch_staleEtag_412WithCurrentClient()
    {
        const qint64 id = newClient(QStringLiteral("Two Editors"));
        // Editor one wins with v1; editor two still holds v1.
        QCOMPARE(m_api
                     .callJson("PATCH", clientPath(id), m_admin,
                               {{QStringLiteral("matter"), QStringLiteral("First edit")}}, ifMatch("\"v1\""))
                     .status,
                 200);
        const auto r = m_api.callJson("PATCH", clientPath(id), m_admin,
                                      {{QStringLiteral("matter"), QStringLiteral("Second edit")}}, ifMatch("\"v1\""));
        QCOMPARE(r.status, 412);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("precondition_failed"));
        const auto current = r.json().value(QStringLiteral("current")).toObject();
        QCOMPARE(current.value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(current.value(QStringLiteral("matter")).toString(), QStringLiteral("First edit"));
        QCOMPARE(m_api.call("GET", clientPath(id), m_admin).json().value(QStringLiteral("matter")).toString(),
                 QStringLiteral("First edit"));
    }

    void patch_invalidField_400NamesField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << QByteArray(R"({"name":"   "})") << "validation_failed"
                                    << "name";
        QTest::newRow("long name") << (QByteArray(R"({"name":")") + QByteArray(201, 'x') + "\"}") << "validation_failed"
                                   << "name";
        QTest::newRow("bad email") << QByteArray(R"({"email":"not-an-address"})") << "validation_failed"
                                   << "email";
        QTest::newRow("email number") << QByteArray(R"({"email":5})") << "validation_failed"
                                      << "email";
        QTest::newRow("empty matter") << QByteArray(R"({"matter":""})") << "validation_failed"
                                      << "matter";
        QTest::newRow("unknown partner") << QByteArray(R"({"partner_id":999999})") << "validation_failed"
                                         << "partner_id";
        QTest::newRow("partner text") << QByteArray(R"({"partner_id":"3"})") << "validation_failed"
                                      << "partner_id";
        QTest::newRow("sign-in text") << QByteArray(R"({"require_sign_in":"yes"})") << "validation_failed"
                                      << "require_sign_in";
        QTest::newRow("phone number") << QByteArray(R"({"phone_confirmation":1})") << "validation_failed"
                                      << "phone_confirmation";
        QTest::newRow("unknown field") << QByteArray(R"({"status":"active"})") << "unknown_field"
                                       << "status";
        QTest::newRow("not json") << QByteArray("{name:") << "malformed_json" << QString();
        QTest::newRow("array") << QByteArray("[]") << "malformed_json" << QString();
    }

    void patch_invalidField_400NamesField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const qint64 id = newClient(QStringLiteral("Validation Target"));
        const auto r = m_api.call("PATCH", clientPath(id), m_admin, body,
                                  {{"Content-Type", "application/json"}, {"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
        if (!field.isEmpty()) {
            const auto errors = r.json().value(QStringLiteral("errors")).toArray();
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.at(0).toObject().value(QStringLiteral("field")).toString(), field);
        }
        // The rejected change left the client at version 1.
        QCOMPARE(m_api.call("GET", clientPath(id), m_admin).header("ETag"), QByteArray("\"v1\""));
    }

    void patch_severalBadFields_allReportedAtOnce()
    {
        const qint64 id = newClient(QStringLiteral("Many Errors"));
        const auto r = m_api.call("PATCH", clientPath(id), m_admin, R"({"name":"","email":"x","matter":""})",
                                  {{"Content-Type", "application/json"}, {"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 400);
        QStringList fields;
        for (const auto &e : r.json().value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString();
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("email"), QStringLiteral("matter"), QStringLiteral("name")}));
    }

    void unknownId_404_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        for (const char *path :
             {"/api/v1/clients/999999", "/api/v1/clients/abc", "/api/v1/clients/0", "/api/v1/clients/-1"}) {
            for (const char *method : {"GET", "PATCH", "DELETE"}) {
                QTest::addRow("%s %s", method, path) << QByteArray(method) << QString::fromLatin1(path);
            }
        }
    }

    void unknownId_404()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const auto r =
            m_api.call(method, path, m_admin, method == "PATCH" ? QByteArray(R"({"name":"Nobody"})") : QByteArray(),
                       {{"Content-Type", "application/json"}, {"If-Match", "\"v1\""}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void delete_thenGone404_andTombstoneInFeed()
    {
        const qint64 id = newClient(QStringLiteral("To Be Deleted"));
        QVERIFY(id > 0);
        const auto before = feed();
        QVERIFY(!before.isEmpty());

        const auto r = m_api.call("DELETE", clientPath(id), m_admin);
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());

        QCOMPARE(m_api.call("GET", clientPath(id), m_admin).status, 404);
        // Every write on a deleted client is a 404, not a silent success.
        QCOMPARE(m_api.call("DELETE", clientPath(id), m_admin).status, 404);
        QCOMPARE(m_api
                     .callJson("PATCH", clientPath(id), m_admin, {{QStringLiteral("name"), QStringLiteral("Back")}},
                               ifMatch("\"v1\""))
                     .status,
                 404);
        QCOMPARE(m_api.call("GET", clientPath(id) + QStringLiteral("/documents"), m_admin).status, 404);

        // The feed's newest row for this id is the tombstone, after every earlier change.
        const auto after = feed();
        QJsonObject newest;
        for (const auto &row : after) {
            if (row.value(QStringLiteral("id")).toInteger() == id)
                newest = row;
        }
        QVERIFY(!newest.isEmpty());
        QCOMPARE(newest.value(QStringLiteral("deleted")).toBool(), true);
        QVERIFY(newest.value(QStringLiteral("change_seq")).toInteger() >
                before.last().value(QStringLiteral("change_seq")).toInteger());
        QCOMPARE(after.last().value(QStringLiteral("id")).toInteger(), id);
    }

    void delete_feedFromLastCursor_returnsOnlyTheTombstone()
    {
        const qint64 id = newClient(QStringLiteral("Synced Then Deleted"));
        QString cursor;
        QVERIFY(!feed(&cursor).isEmpty());
        QVERIFY(!cursor.isEmpty());

        QCOMPARE(m_api.call("DELETE", clientPath(id), m_admin).status, 204);
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/clients?cursor=") + cursor, m_admin);
        QCOMPARE(r.status, 200);
        const auto rows = r.json().value(QStringLiteral("clients")).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("id")).toInteger(), id);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("deleted")).toBool(), true);
    }

    void patchAndDelete_areAudited()
    {
        const qint64 id = newClient(QStringLiteral("Audited Client"));
        QCOMPARE(m_api
                     .callJson("PATCH", clientPath(id), m_admin,
                               {{QStringLiteral("email"), QStringLiteral("new@client.example")}}, ifMatch("\"v1\""))
                     .status,
                 200);
        QCOMPARE(m_api.call("DELETE", clientPath(id), m_admin).status, 204);
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?client_id=%1&after_id=0").arg(id), m_admin);
        QCOMPARE(r.status, 200);
        QStringList types;
        QJsonObject updated;
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray()) {
            types << v.toObject().value(QStringLiteral("type")).toString();
            if (types.last() == u"client.updated")
                updated = v.toObject().value(QStringLiteral("details")).toObject();
        }
        QCOMPARE(types, (QStringList{QStringLiteral("client.created"), QStringLiteral("client.updated"),
                                     QStringLiteral("client.deleted")}));
        QCOMPARE(updated.value(QStringLiteral("fields")).toArray(), QJsonArray{QStringLiteral("email")});
        QCOMPARE(updated.value(QStringLiteral("access_ended")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestClientsApi)
#include "tst_clientsapi.moc"
