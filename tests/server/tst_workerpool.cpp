// SPDX-License-Identifier: Apache-2.0
// Route handlers run on a bounded worker pool, off the io threads (SPEC I2, R7): a burst
// of slow staff sign-ins (Argon2id) must not stop /healthz from answering, a full queue
// answers 503 with Retry-After rather than buffering without limit, and SIGTERM under
// load still answers every request in flight and exits 0. Real binary, real sockets.
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace Gatehouse::Test;

namespace {

const QString StaffEmail = QStringLiteral("pool@firm.example");
const QString StaffPassword = QStringLiteral("correct-horse-battery");

// A wrong password for a real account: the server runs the full Argon2id verification.
QByteArray wrongSignIn()
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("email"), StaffEmail},
                                                      {QStringLiteral("password"), QStringLiteral("wrong-password")}})
                                .toJson(QJsonDocument::Compact);
    return "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray statusLine(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n"));
}

QByteArray rawHeader(const QByteArray &raw, const QByteArray &name)
{
    const QByteArray head = raw.left(raw.indexOf("\r\n\r\n"));
    for (const auto &line : head.split('\n')) {
        const auto colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// The value of an unlabelled sample in Prometheus text, or -1.
double metricValue(const QByteArray &text, const QByteArray &name)
{
    for (const auto &line : text.split('\n')) {
        const QByteArray prefix = name + " ";
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toDouble();
    }
    return -1;
}

QJsonObject rawJson(const QByteArray &raw)
{
    return QJsonDocument::fromJson(raw.mid(raw.indexOf("\r\n\r\n") + 4)).object();
}

// Sends `request` on `count` connections from threads of their own and collects the raw
// answers; `done` counts the answers received so far (read while the burst runs).
class Burst
{
public:
    Burst(quint16 port, const QByteArray &request, int count) : m_answers(count)
    {
        for (int i = 0; i < count; ++i) {
            m_threads.emplace_back([this, port, request, i] {
                m_answers[i] = rawExchange(port, request, 60000);
                ++m_done;
            });
        }
    }
    ~Burst() { join(); }

    void join()
    {
        for (auto &t : m_threads) {
            if (t.joinable())
                t.join();
        }
    }
    int done() const { return m_done.load(); }
    const QList<QByteArray> &answers() const { return m_answers; }

private:
    QList<QByteArray> m_answers;
    std::atomic<int> m_done{0};
    std::vector<std::thread> m_threads;
};

// `serve` under the test's own QProcess, so the test sees its exit code after SIGTERM.
struct ServeProcess
{
    QProcess process;
    QByteArray log;
    quint16 port = 0;

    bool start(const QString &configPath)
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(PortalProcess::binaryPath(), {QStringLiteral("serve"), QStringLiteral("--config"), configPath});
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() && process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(200);
            log += process.readAll();
            for (const auto &line : log.split('\n')) {
                const auto obj = QJsonDocument::fromJson(line).object();
                if (obj.value(QStringLiteral("event")).toString() == u"listening") {
                    port = quint16(obj.value(QStringLiteral("port")).toInt());
                    return true;
                }
            }
        }
        return false;
    }
};

} // namespace

class TestWorkerPool : public QObject
{
    Q_OBJECT

private:
    // Sign-in lockout (R7) would answer 429 without hashing after a few failures; these
    // tests need every attempt to do the slow work.
    static void configure(PortalProcess &portal, int workers, int queue)
    {
        portal.setConfig(QStringLiteral("server/workers"), QString::number(workers));
        portal.setConfig(QStringLiteral("server/worker_queue"), QString::number(queue));
        portal.setConfig(QStringLiteral("security/sign_in_max_failures"), QStringLiteral("1000"));
    }

private slots:
    void signInBurst_healthzOnOtherConnection_answersWhileSignInsInFlight()
    {
        PortalProcess portal;
        configure(portal, 2, 256);
        QVERIFY(portal.createStaff(StaffEmail, StaffPassword));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));

        constexpr int SignIns = 24; // two workers: the burst takes many Argon2id runs back to back
        QElapsedTimer burstTimer;
        burstTimer.start();
        Burst burst(portal.port(), wrongSignIn(), SignIns);
        QTest::qWait(100); // the sign-ins are read and queued
        QElapsedTimer timer;
        timer.start();
        const auto health =
            httpRequest("GET", portal.baseUrl().resolved(QUrl(QStringLiteral("/healthz"))), {}, {}, 20000);
        const qint64 healthMs = timer.elapsed();
        const int doneAtHealth = burst.done();
        burst.join();
        const qint64 burstMs = burstTimer.elapsed();
        qInfo("healthz: %lld ms with %d of %d sign-ins answered; the burst took %lld ms", healthMs, doneAtHealth,
              SignIns, burstMs);

        QCOMPARE(health.status, 200);
        // The point: liveness did not wait for the burst. With handlers on the io threads
        // healthz came back after ~23 of 24 sign-ins and took as long as the burst; on the
        // pool it answers within milliseconds. Bounds are an order of magnitude apart, so
        // a slow (sanitizer, shared) machine does not make this flaky.
        QVERIFY2(doneAtHealth <= SignIns / 2,
                 qPrintable(QStringLiteral("healthz waited for %1 of %2 sign-ins").arg(doneAtHealth).arg(SignIns)));
        QVERIFY2(healthMs * 10 < burstMs,
                 qPrintable(QStringLiteral("healthz took %1 ms of a %2 ms burst").arg(healthMs).arg(burstMs)));
        for (const auto &answer : burst.answers())
            QCOMPARE(statusLine(answer), QByteArray("HTTP/1.1 401 Unauthorized"));
    }

    void fullQueue_burst_answers503WithRetryAfter()
    {
        PortalProcess portal;
        configure(portal, 1, 1); // one running, one waiting, the rest refused
        QVERIFY(portal.createStaff(StaffEmail, StaffPassword));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));

        Burst api(portal.port(), wrongSignIn(), 8);
        QTest::qWait(20);
        Burst page(portal.port(), "GET /portal/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 4);
        api.join();
        page.join();

        int refused = 0;
        for (const auto &answer : api.answers()) {
            const auto status = statusLine(answer);
            if (status == "HTTP/1.1 401 Unauthorized")
                continue;
            QCOMPARE(status, QByteArray("HTTP/1.1 503 Service Unavailable"));
            QCOMPARE(rawHeader(answer, "Retry-After"), QByteArray("1"));
            QCOMPARE(rawHeader(answer, "Content-Type"), QByteArray("application/problem+json"));
            QCOMPARE(rawJson(answer).value(QStringLiteral("code")).toString(), QStringLiteral("service_unavailable"));
            ++refused;
        }
        QVERIFY2(refused >= 1, "a burst of 8 over 1 worker + 1 queue slot refused nothing");
        QVERIFY(refused <= 6); // at least the running and the queued one were answered
        // People get plain text, not JSON, when the pool is full.
        for (const auto &answer : page.answers()) {
            if (statusLine(answer) == "HTTP/1.1 503 Service Unavailable") {
                QVERIFY(rawHeader(answer, "Content-Type").startsWith("text/plain"));
                QCOMPARE(rawHeader(answer, "Retry-After"), QByteArray("1"));
                ++refused;
            } else {
                QCOMPARE(statusLine(answer), QByteArray("HTTP/1.1 200 OK"));
            }
        }

        // Refusals are counted, and the pool serves again once the burst is over.
        const auto metrics = httpRequest("GET", portal.baseUrl().resolved(QUrl(QStringLiteral("/metrics"))));
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metricValue(metrics.body, "gatehouse_http_busy_rejections_total"), double(refused));
        const auto again = rawExchange(portal.port(), wrongSignIn(), 20000);
        QCOMPARE(statusLine(again), QByteArray("HTTP/1.1 401 Unauthorized"));
    }

    void sigtermDuringLoad_inFlightRequestsAnswered_exitsZero()
    {
        PortalProcess portal;
        configure(portal, 1, 256);
        QVERIFY(portal.createStaff(StaffEmail, StaffPassword));
        portal.writeConfig();
        ServeProcess server;
        QVERIFY2(server.start(portal.configPath()), server.log.constData());

        constexpr int SignIns = 16; // one worker: well over half a second of Argon2id
        Burst burst(server.port, wrongSignIn(), SignIns);
        QTest::qWait(150); // every request is read and waiting for the worker
        const int doneAtSignal = burst.done();
        server.process.terminate(); // SIGTERM
        QVERIFY(server.process.waitForFinished(30000));
        burst.join();
        server.log += server.process.readAll();

        QVERIFY2(doneAtSignal < SignIns, "the burst was over before SIGTERM; nothing was in flight");
        QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process.exitCode(), 0);
        for (const auto &answer : burst.answers())
            QCOMPARE(statusLine(answer), QByteArray("HTTP/1.1 401 Unauthorized"));
        QVERIFY(server.log.contains("\"event\":\"stopped\""));
        QVERIFY(!server.log.contains("drain_timeout"));
        QVERIFY2(PortalProcess::sanitizerReport(server.log).isEmpty(), server.log.constData());
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
