// SPDX-License-Identifier: Apache-2.0
// /readyz and /metrics (SPEC I2) against the real gatehouse-portal: readiness follows
// real conditions of the database, the metrics count what happened without ever
// carrying a token, and only allowed callers see them.
#include "common/apitypes.h"
#include "http/httptypes.h"
#include "ops/opsroutes.h"
#include "portalflow.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

// The value of one sample ("name" or "name{labels}") in Prometheus text, or -1.
double metricValue(const QByteArray &text, const QByteArray &series)
{
    for (const auto &line : text.split('\n')) {
        const QByteArray prefix = series + " ";
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toDouble();
    }
    return -1;
}

} // namespace

class TestOpsEndpoints : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;

    QUrl url(const QString &path) const { return m_portal.baseUrl().resolved(QUrl(path)); }
    HttpResponse readyz() const { return httpRequest("GET", url(QStringLiteral("/readyz"))); }
    QByteArray metrics() const
    {
        const auto r = httpRequest("GET", url(QStringLiteral("/metrics")));
        return r.status == 200 ? r.body : QByteArray();
    }

    // Sets PRAGMA user_version from outside, as another (newer or older) program would.
    bool setSchemaVersion(int version) const
    {
        bool ok = false;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ops-test"));
            db.setDatabaseName(m_portal.databasePath());
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")) &&
                     q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ops-test"));
        return ok;
    }

    int schemaVersion() const
    {
        int version = -1;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ops-test"));
            db.setDatabaseName(m_portal.databasePath());
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                    version = q.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ops-test"));
        return version;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_portal.createStaff(QStringLiteral("ops@firm.example"), QStringLiteral("correct-horse-battery")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(QStringLiteral("ops@firm.example"), QStringLiteral("correct-horse-battery")));
    }

    void readyz_freshServer_ready()
    {
        const auto r = readyz();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), QJsonObject({{QStringLiteral("status"), QStringLiteral("ready")}}));
        // HEAD works like GET (load balancers often send it).
        QCOMPARE(httpRequest("HEAD", url(QStringLiteral("/readyz"))).status, 200);
    }

    void readyz_schemaNotCurrent_notReadyUntilRestored_data()
    {
        QTest::addColumn<int>("delta");
        QTest::newRow("newer program migrated the database") << 1;
        QTest::newRow("migrations pending") << -1;
    }

    void readyz_schemaNotCurrent_notReadyUntilRestored()
    {
        QFETCH(int, delta);
        const int current = schemaVersion();
        QVERIFY(current > 1);
        QVERIFY(setSchemaVersion(current + delta));
        const auto r = readyz();
        QVERIFY(setSchemaVersion(current)); // restore before asserting, whatever happens
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("not_ready"));
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("schema_mismatch"));
        QCOMPARE(readyz().status, 200);
        // Liveness is not readiness: /healthz never looked at the schema.
        QCOMPARE(httpRequest("GET", url(QStringLiteral("/healthz"))).status, 200);
    }

    void readyz_databaseFileGone_notReadyUntilBack()
    {
        const QString path = m_portal.databasePath();
        const QString aside = path + QStringLiteral(".aside");
        QVERIFY(QFile::rename(path, aside));
        const auto r = readyz();
        QVERIFY(QFile::rename(aside, path));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("database_unavailable"));
        QVERIFY(!r.body.contains(path.toUtf8())); // no file system paths to the public
        QCOMPARE(readyz().status, 200);
    }

    void readyz_mailLeftBehind_outboxStalled_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("minutesAgo"); // claimed_until for 'sending', next_attempt_at otherwise
        QTest::newRow("claim abandoned by a dead sender") << QStringLiteral("sending") << 40;
        QTest::newRow("due for long, never picked up") << QStringLiteral("queued") << 30;
    }

    void readyz_mailLeftBehind_outboxStalled()
    {
        QFETCH(QString, state);
        QFETCH(int, minutesAgo);
        // A sender that sleeps for ten minutes between looks stands in for one that is
        // stuck: what it leaves behind in the outbox is what /readyz reads.
        PortalProcess portal;
        portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("600000"));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        const auto probe = [&] {
            return httpRequest("GET", portal.baseUrl().resolved(QUrl(QStringLiteral("/readyz"))));
        };
        QCOMPARE(probe().status, 200);

        const QString past = Gatehouse::toWireTime(QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo));
        bool written = false;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ops-outbox"));
            db.setDatabaseName(portal.databasePath());
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
                q.prepare(QStringLiteral(
                    "INSERT INTO mail_outbox (template, to_address, state, attempts, next_attempt_at, claimed_by, "
                    "claimed_until, message_id, key_id, created_at, queued_at) "
                    "VALUES ('invite', 'x@client.example', ?, 1, ?, 'gone-host:1:ab', ?, '<m@x>', 'k1', ?, ?)"));
                for (const auto &v : {state, past, past, past, past})
                    q.addBindValue(v);
                written = q.exec();
                auto stalled = probe();
                // Under load the sender's first look (at start-up) can come after the
                // insert and pick the row up. Then it sleeps for ten minutes: put the
                // row back as it was left behind and look again (bounded).
                for (int i = 0; i < 3 && stalled.status == 200; ++i) {
                    QSqlQuery reset(db);
                    reset.prepare(QStringLiteral("UPDATE mail_outbox SET state = ?, attempts = 1, next_attempt_at = ?, "
                                                 "claimed_by = 'gone-host:1:ab', claimed_until = ? "
                                                 "WHERE message_id = '<m@x>'"));
                    for (const auto &v : {state, past, past})
                        reset.addBindValue(v);
                    QVERIFY(reset.exec());
                    stalled = probe();
                }
                q.exec(QStringLiteral("UPDATE mail_outbox SET state = 'dead' WHERE message_id = '<m@x>'"));
                QCOMPARE(stalled.status, 503);
                QCOMPARE(stalled.json().value(QStringLiteral("reason")).toString(), QStringLiteral("outbox_stalled"));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("ops-outbox"));
        QVERIFY(written);
        QCOMPARE(probe().status, 200); // dead letters are an admin's job, not a readiness problem
    }

    void metrics_exposition_isPrometheusText()
    {
        const auto r = httpRequest("GET", url(QStringLiteral("/metrics")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        static const QRegularExpression sampleLine(QStringLiteral(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*\\})? \\S+$"));
        for (const auto &line : r.body.split('\n')) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "))
                continue;
            QVERIFY2(sampleLine.match(QString::fromUtf8(line)).hasMatch(), line.constData());
        }
        const double started = metricValue(r.body, "process_start_time_seconds");
        const double now = double(QDateTime::currentSecsSinceEpoch());
        QVERIFY2(started > now - 3600 && started <= now + 1, QByteArray::number(started).constData());
        QCOMPARE(metricValue(r.body, "gatehouse_database_up"), 1.0);
        QVERIFY(metricValue(r.body, "gatehouse_http_workers") >= 1);
        QVERIFY(metricValue(r.body, "gatehouse_mail_outbox_depth") >= 0);
        QVERIFY(metricValue(r.body, "gatehouse_mail_dead_letters") >= 0);
    }

    void metrics_requests_labelledByRoutePattern()
    {
        const QByteArray series =
            "gatehouse_http_requests_total{method=\"GET\",route=\"/api/v1/clients/{id}\",status=\"4xx\"}";
        const double before = std::max(0.0, metricValue(metrics(), series));
        QCOMPARE(m_flow->api("GET", QStringLiteral("/api/v1/clients/987654")).status, 404);
        const QByteArray after = metrics();
        QCOMPARE(metricValue(after, series), before + 1);
        QVERIFY(!after.contains("987654"));
        const QByteArray histogram =
            "gatehouse_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/clients/{id}\"}";
        QVERIFY(metricValue(after, histogram) >= before + 1);
    }

    void metrics_consumeAndRejection_countedWithoutToken()
    {
        const double consumedBefore = metricValue(metrics(), "gatehouse_tokens_consumed_total");
        const double rejectedBefore = metricValue(metrics(), "gatehouse_tokens_rejected_total");
        const double sessionsBefore = metricValue(metrics(), "gatehouse_client_sessions_open");
        QVERIFY(consumedBefore >= 0 && rejectedBefore >= 0 && sessionsBefore >= 0);

        const qint64 client = m_flow->createClient(QStringLiteral("Metric Client"), QStringLiteral("m@client.example"));
        QVERIFY(client > 0);
        const QString link = m_flow->invite(client);
        QVERIFY(link.startsWith(u"/portal/"));
        QCOMPARE(m_flow->consume(link).status, 303);
        // The same single-use link again is refused (410), as is one that never existed.
        QCOMPARE(m_flow->consume(link).status, 410);
        const QString bogus = QStringLiteral("/portal/") + QString(43, u'Q');
        QCOMPARE(m_flow->consume(bogus).status, 404);

        const QByteArray after = metrics();
        QCOMPARE(metricValue(after, "gatehouse_tokens_consumed_total"), consumedBefore + 1);
        QCOMPARE(metricValue(after, "gatehouse_tokens_rejected_total"), rejectedBefore + 2);
        QCOMPARE(metricValue(after, "gatehouse_client_sessions_open"), sessionsBefore + 1);
        const QByteArray token = link.mid(QStringLiteral("/portal/").size()).toUtf8();
        QVERIFY(token.size() >= 40);
        QVERIFY(!after.contains(token));
        QVERIFY(!after.contains(QByteArray(43, 'Q')));
        QVERIFY(after.contains("route=\"/portal/{token}\""));
    }

    void metrics_throughProxyHeaders_notFound()
    {
        // A reverse proxy on this machine connects from 127.0.0.1 too; what it relays
        // carries a forwarding header and must not see the metrics.
        for (const QByteArray &header : {QByteArray("X-Forwarded-For"), QByteArray("Forwarded")}) {
            const auto r = httpRequest("GET", url(QStringLiteral("/metrics")), {}, {{header, "for=203.0.113.9"}});
            QCOMPARE(r.status, 404);
            QVERIFY(!r.body.contains("gatehouse_"));
        }
    }

    void metricsAllowed_rule_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QStringList>("allow");
        QTest::addColumn<bool>("allowed");
        const QStringList loopback{QStringLiteral("loopback")};
        QTest::newRow("loopback v4") << "127.0.0.1" << QByteArray() << loopback << true;
        QTest::newRow("loopback v6") << "::1" << QByteArray() << loopback << true;
        QTest::newRow("loopback v4-mapped") << "::ffff:127.0.0.1" << QByteArray() << loopback << true;
        QTest::newRow("loopback via proxy header") << "127.0.0.1" << QByteArray("198.51.100.7") << loopback << false;
        QTest::newRow("remote, loopback only") << "192.0.2.10" << QByteArray() << loopback << false;
        QTest::newRow("none") << "127.0.0.1" << QByteArray() << QStringList{QStringLiteral("none")} << false;
        QTest::newRow("in CIDR") << "10.20.30.40" << QByteArray() << QStringList{QStringLiteral("10.0.0.0/8")} << true;
        QTest::newRow("outside CIDR") << "11.0.0.1" << QByteArray() << QStringList{QStringLiteral("10.0.0.0/8")}
                                      << false;
        QTest::newRow("v6 CIDR") << "2001:db8::5" << QByteArray() << QStringList{QStringLiteral("2001:db8::/32")}
                                 << true;
        QTest::newRow("loopback and CIDR, remote in CIDR")
            << "192.0.2.10" << QByteArray() << QStringList{QStringLiteral("loopback"), QStringLiteral("192.0.2.0/24")}
            << true;
        QTest::newRow("garbage address") << "not-an-address" << QByteArray() << loopback << false;
    }

    void metricsAllowed_rule()
    {
        QFETCH(QString, address);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QStringList, allow);
        QFETCH(bool, allowed);
        Gatehouse::Server::HttpRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/metrics");
        request.remoteAddress = address;
        if (!forwardedFor.isEmpty())
            request.headers.append({"x-forwarded-for", forwardedFor});
        QCOMPARE(Gatehouse::Server::OpsRoutes::metricsAllowed(request, allow), allowed);
    }

    void cleanupTestCase() { m_portal.stop(); }
};

QTEST_GUILESS_MAIN(TestOpsEndpoints)
#include "tst_opsendpoints.moc"
