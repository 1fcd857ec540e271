// SPDX-License-Identifier: Apache-2.0
// Cache crash-safety (D9): a child process syncs from the real server into a cache
// file and is killed with SIGKILL in the middle; the parent reopens the file and
// checks it is consistent (whole pages only, cursor matching the rows), then
// resumes the sync to completion.
#include "model/localcache.h"
#include "model/portalclient.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

constexpr int kClients = 400;
constexpr int kPage = 10;
const QString kAccount = QStringLiteral("ada@firm.example");

// The child: sync everything, slowly enough (small pages) to be killed mid-way.
int runChild()
{
    const QUrl server(qEnvironmentVariable("GATEHOUSE_SYNC_SERVER"));
    LocalCache cache;
    if (!cache.open(qEnvironmentVariable("GATEHOUSE_SYNC_CACHE")) || !cache.bindTo(server.toString(), kAccount))
        return 3;
    PortalClient client;
    client.setBaseUrl(server);
    client.setToken(qEnvironmentVariable("GATEHOUSE_SYNC_TOKEN"));
    SyncEngine sync(&client, &cache);
    sync.setPageSize(kPage);
    int exitCode = 0;
    QObject::connect(&sync, &SyncEngine::finished, &sync, [&exitCode](const Result<void> &r) {
        exitCode = r ? 0 : 4;
        QCoreApplication::quit();
    });
    sync.syncNow();
    QCoreApplication::exec();
    return exitCode;
}

qint64 rows(LocalCache &cache)
{
    return cache.clientCount();
}

} // namespace

class TestCacheCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kAccount, QStringLiteral("correct horse battery staple")));
        const auto login = httpRequest(
            "POST", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/session"))),
            QJsonDocument(QJsonObject{{QStringLiteral("email"), kAccount},
                                      {QStringLiteral("password"), QStringLiteral("correct horse battery staple")}})
                .toJson(),
            {{"Content-Type", "application/json"}});
        QCOMPARE(login.status, 201);
        m_token = login.json().value(QStringLiteral("token")).toString().toUtf8();
        for (int i = 1; i <= kClients; ++i) {
            const QJsonObject body{
                {QStringLiteral("name"), QStringLiteral("Client %1").arg(i, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("email"), QStringLiteral("c%1@client.example").arg(i)},
                {QStringLiteral("matter"), QStringLiteral("Matter %1").arg(i)}};
            const auto r = httpRequest("POST", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients"))),
                                       QJsonDocument(body).toJson(),
                                       {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_token}});
            QCOMPARE(r.status, 201);
        }
    }

    void killDuringSync_reopened_consistentAndResumesToCompletion()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
        QProcess child;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_SYNC_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("GATEHOUSE_SYNC_SERVER"), m_portal.baseUrl().toString());
        env.insert(QStringLiteral("GATEHOUSE_SYNC_CACHE"), path);
        env.insert(QStringLiteral("GATEHOUSE_SYNC_TOKEN"), QString::fromUtf8(m_token));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));

        // Watch the file through a second connection (WAL lets us read while it
        // writes) and kill the child once some, but not all, pages are in.
        LocalCache watcher;
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path) && watcher.open(path).ok(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(rows(watcher) >= 5 * kPage, 30000);
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        watcher.close();

        LocalCache cache;
        QVERIFY(cache.open(path).ok());
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        const qint64 afterCrash = rows(cache);
        QVERIFY2(afterCrash < kClients, "the child finished before it was killed; the test proved nothing");
        // Each page commits with its cursor, so only whole pages can be there.
        QCOMPARE(afterCrash % kPage, 0);
        QVERIFY(!cache.cursor().isEmpty());

        // Resume: continues from the stored cursor and ends with every client once.
        PortalClient client;
        client.setBaseUrl(m_portal.baseUrl());
        client.setToken(QString::fromUtf8(m_token));
        SyncEngine sync(&client, &cache);
        sync.setPageSize(kPage);
        int received = 0;
        connect(&sync, &SyncEngine::progress, this, [&received](int n) { received = n; });
        std::optional<bool> ok;
        connect(&sync, &SyncEngine::finished, this, [&ok](const Result<void> &r) { ok = r.ok(); });
        sync.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 30000);
        QVERIFY(*ok);
        QCOMPARE(rows(cache), kClients);
        QCOMPARE(received, kClients - afterCrash); // nothing fetched twice
    }

private:
    QTemporaryDir m_dir;
    PortalProcess m_portal;
    QByteArray m_token;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("GATEHOUSE_SYNC_CHILD"))
        return runChild();
    TestCacheCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cachecrash.moc"
