// SPDX-License-Identifier: Apache-2.0
// The audit API and the offline verifier against the real server and its real SQLite
// file: actions appear with the right type/actor/client, filters are exact, keyset
// paging has no gaps or duplicates, and a row edited in the database is caught by
// `gatehouse-portal verify-audit`.
#include "apitestkit.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("admin password long enough");
const QString ParaEmail = QStringLiteral("para@firm.example");
const QString ParaPassword = QStringLiteral("para password long enough");

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;
    QByteArray m_para;
    qint64 m_clientA = 0;
    qint64 m_clientB = 0;

    QJsonArray events(const QString &query, const QByteArray &token = {})
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit") + query, token.isEmpty() ? m_admin : token);
        return r.status == 200 ? r.json().value(QStringLiteral("events")).toArray() : QJsonArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword));
        QVERIFY(m_portal.createStaff(ParaEmail, ParaPassword, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, AdminPassword);
        m_para = m_api.signIn(ParaEmail, ParaPassword);
        QVERIFY(!m_admin.isEmpty() && !m_para.isEmpty());
        m_clientA = m_api.createClient(m_admin, QStringLiteral("Alice")).value(QStringLiteral("id")).toInteger();
        m_clientB = m_api.createClient(m_para, QStringLiteral("Bob")).value(QStringLiteral("id")).toInteger();
        QVERIFY(m_clientA > 0 && m_clientB > 0);
        const auto patched = m_api.callJson("PATCH", QStringLiteral("/api/v1/clients/%1").arg(m_clientA), m_admin,
                                            {{QStringLiteral("matter"), QStringLiteral("New matter")}},
                                            {{"If-Match", "\"v1\""}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/v1/clients/%1").arg(m_clientB), m_para).status, 204);
        // Enough events for paging.
        for (int i = 0; i < 12; ++i)
            QVERIFY(!m_api.createClient(m_admin, QStringLiteral("Filler %1").arg(i)).isEmpty());
    }

    void actions_appearWithTypeActorAndClient()
    {
        const auto created = events(QStringLiteral("?type=client.created&client_id=%1").arg(m_clientB));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.at(0).toObject().value(QStringLiteral("actor_label")).toString(), ParaEmail);
        QCOMPARE(created.at(0).toObject().value(QStringLiteral("actor_kind")).toString(), QStringLiteral("staff"));
        const auto updated = events(QStringLiteral("?type=client.updated"));
        QCOMPARE(updated.size(), 1);
        const auto u = updated.at(0).toObject();
        QCOMPARE(u.value(QStringLiteral("client_id")).toInteger(), m_clientA);
        QCOMPARE(u.value(QStringLiteral("actor_label")).toString(), AdminEmail);
        QCOMPARE(u.value(QStringLiteral("details")).toObject().value(QStringLiteral("fields")).toArray(),
                 QJsonArray{QStringLiteral("matter")});
        const auto deleted = events(QStringLiteral("?type=client.deleted"));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.at(0).toObject().value(QStringLiteral("client_id")).toInteger(), m_clientB);
    }

    void filters_returnExactlyMatchingRows_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("type") << QStringLiteral("?type=client.created") << QStringLiteral("type")
                              << QStringLiteral("client.created");
        QTest::newRow("actor_kind") << QStringLiteral("?actor_kind=staff") << QStringLiteral("actor_kind")
                                    << QStringLiteral("staff");
        QTest::newRow("sign-ins") << QStringLiteral("?type=staff.sign_in_succeeded") << QStringLiteral("type")
                                  << QStringLiteral("staff.sign_in_succeeded");
    }

    void filters_returnExactlyMatchingRows()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const auto all = events(QStringLiteral("?limit=500"));
        int expected = 0;
        for (const auto &e : all)
            expected += e.toObject().value(field).toString() == value ? 1 : 0;
        const auto filtered = events(query + QStringLiteral("&limit=500"));
        QCOMPARE(filtered.size(), expected);
        for (const auto &e : filtered)
            QCOMPARE(e.toObject().value(field).toString(), value);
    }

    void filter_byClientAndActor_exact()
    {
        const auto forA = events(QStringLiteral("?client_id=%1").arg(m_clientA));
        QCOMPARE(forA.size(), 2); // created + updated
        for (const auto &e : forA)
            QCOMPARE(e.toObject().value(QStringLiteral("client_id")).toInteger(), m_clientA);
        const auto byPara = events(QStringLiteral("?actor_kind=staff&actor_id=%1")
                                       .arg(events(QStringLiteral("?type=client.deleted"))
                                                .at(0)
                                                .toObject()
                                                .value(QStringLiteral("actor_id"))
                                                .toInteger()));
        for (const auto &e : byPara)
            QCOMPARE(e.toObject().value(QStringLiteral("actor_label")).toString(), ParaEmail);
        QVERIFY(byPara.size() >= 3); // sign-in, created, deleted
    }

    void paging_newestFirstAndSyncOrder_noGapsNoDuplicates()
    {
        const auto all = events(QStringLiteral("?limit=500"));
        QVERIFY(all.size() >= 18);
        QList<qint64> back;
        qint64 before = 0;
        for (int guard = 0; guard < 100; ++guard) {
            const QString q = before > 0 ? QStringLiteral("?limit=4&before_id=%1").arg(before) : QStringLiteral("?limit=4");
            const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit") + q, m_admin).json();
            const auto page = r.value(QStringLiteral("events")).toArray();
            for (const auto &e : page)
                back.append(e.toObject().value(QStringLiteral("id")).toInteger());
            if (!r.value(QStringLiteral("has_more")).toBool())
                break;
            before = back.constLast();
        }
        QList<qint64> forward;
        qint64 after = 0;
        for (int guard = 0; guard < 100; ++guard) {
            const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?limit=5&after_id=%1").arg(after), m_admin).json();
            const auto page = r.value(QStringLiteral("events")).toArray();
            for (const auto &e : page)
                forward.append(e.toObject().value(QStringLiteral("id")).toInteger());
            if (!r.value(QStringLiteral("has_more")).toBool())
                break;
            after = forward.constLast();
        }
        // Ids are 1..n without a gap, each exactly once, in both directions.
        const qint64 n = all.at(0).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(forward.size(), n);
        for (qint64 i = 0; i < n; ++i) {
            QCOMPARE(forward.at(i), i + 1);
            QCOMPARE(back.at(i), n - i);
        }
    }

    void roles_paralegalNeedsClientId_headNeedsPartner()
    {
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit"), m_para).status, 403);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(m_clientA), m_para).status, 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit/head"), m_para).status, 403);
        const auto head = m_api.call("GET", QStringLiteral("/api/v1/audit/head"), m_admin);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.json().value(QStringLiteral("hash")).toString().size(), 64);
    }

    void badQuery_400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("unknown") << QStringLiteral("?bogus=1");
        QTest::newRow("limit0") << QStringLiteral("?limit=0");
        QTest::newRow("limitHuge") << QStringLiteral("?limit=100000");
        QTest::newRow("negative") << QStringLiteral("?after_id=-1");
        QTest::newRow("time") << QStringLiteral("?from=yesterday");
        QTest::newRow("kind") << QStringLiteral("?actor_kind=robot");
        QTest::newRow("both") << QStringLiteral("?after_id=1&before_id=5");
    }

    void badQuery_400()
    {
        QFETCH(QString, query);
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit") + query, m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("validation_failed"));
    }

    void verifyAudit_intactThenTampered_namesEntry()
    {
        const qint64 victim = events(QStringLiteral("?type=client.updated")).at(0).toObject().value(QStringLiteral("id")).toInteger();
        m_portal.stop();
        const QStringList args{QStringLiteral("verify-audit"), QStringLiteral("--config"), m_portal.configPath()};
        const auto intact = PortalProcess::runCli(args);
        QCOMPARE(intact.exitCode, 0);
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_portal.databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("DROP TRIGGER audit_events_no_update")), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QStringLiteral("UPDATE audit_events SET details = '{\"fields\":[\"name\"]}' WHERE id = %1")
                               .arg(victim)));
            QCOMPARE(q.numRowsAffected(), 1);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const auto tampered = PortalProcess::runCli(args);
        QCOMPARE(tampered.exitCode, 1);
        const QByteArray expected = "first bad entry is " + QByteArray::number(victim);
        QVERIFY2(tampered.err.contains(expected), tampered.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
