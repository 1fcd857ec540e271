// SPDX-License-Identifier: Apache-2.0
// `gatehouse-portal backup` (SPEC I2): a consistent copy of the live database while the
// server is busy, restorable into a server that verifies the audit chain and still
// knows the sessions of before; a bad target is one clear line and touches nothing.
#include "portalflow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString StaffEmail = QStringLiteral("ops@firm.example");
const QString StaffPassword = QStringLiteral("backup staff password 1");
} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void backupUnderLoad_restoredServerVerifiesChainAndKeepsSession()
    {
        PortalProcess portal;
        QVERIFY2(portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")),
                 qPrintable(portal.errorString()));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        PortalFlow flow(portal);
        QVERIFY(flow.signInStaff(StaffEmail, StaffPassword));
        const qint64 id = flow.createClient(QStringLiteral("Before Backup"), QStringLiteral("before@client.example"));
        const auto consumed = flow.consume(flow.invite(id));
        QCOMPARE(consumed.status, 303);
        const QByteArray cookie = PortalFlow::sessionCookie(consumed);
        QCOMPARE(flow.hub(cookie).status, 200);

        // Staff keep working while the backup runs: new clients and invites, each audited.
        std::atomic<bool> stop{false};
        std::atomic<int> written{0};
        std::unique_ptr<QThread> load(QThread::create([&] {
            for (int i = 0; i < 2000 && !stop.load(); ++i) {
                const qint64 c =
                    flow.createClient(QStringLiteral("Load %1").arg(i), QStringLiteral("load%1@client.example").arg(i));
                if (c > 0 && !flow.invite(c).isEmpty())
                    written.fetch_add(1);
            }
        }));
        load->start();
        QTRY_VERIFY_WITH_TIMEOUT(written.load() >= 5, 30000);
        const QString target = QDir(portal.directory()).filePath(QStringLiteral("backup.db"));
        const auto backup =
            PortalProcess::runCli({QStringLiteral("backup"), QStringLiteral("--config"), portal.configPath(), target});
        stop = true; // the load ran from before the backup began until it ended
        load->wait();
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        QVERIFY2(backup.out.contains("written to"), backup.out.constData());
        QVERIFY(!QFile::exists(target + QStringLiteral(".partial")));
        QVERIFY(portal.stop());

        // Restore as docs/deployment.md says: the copy as the database, the key file beside it.
        PortalProcess restored;
        QVERIFY(QFile::copy(target, restored.databasePath()));
        QVERIFY(QFile::copy(QDir(portal.directory()).filePath(QStringLiteral("portal.secrets")),
                            QDir(restored.directory()).filePath(QStringLiteral("portal.secrets"))));
        restored.writeConfig();
        const auto verify =
            PortalProcess::runCli({QStringLiteral("verify-audit"), QStringLiteral("--config"), restored.configPath()});
        QVERIFY2(verify.exitCode == 0, QByteArray(verify.err + verify.out).constData());
        QVERIFY(verify.out.contains("audit log intact"));
        QVERIFY2(restored.start(), qPrintable(restored.errorString()));
        PortalFlow after(restored);
        QCOMPARE(after.hub(cookie).status, 200); // a session from before the backup
        QVERIFY(restored.stop());
    }

    void backup_badTarget_oneClearLineLiveDatabaseUntouched_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing folder") << QStringLiteral("/nonexistent-gatehouse-folder/backup.db")
                                        << QStringLiteral("the folder /nonexistent-gatehouse-folder does not exist");
        QTest::newRow("existing file") << QStringLiteral("EXISTING") << QStringLiteral("already exists");
    }

    void backup_badTarget_oneClearLineLiveDatabaseUntouched()
    {
        QFETCH(QString, target);
        QFETCH(QString, message);
        PortalProcess portal;
        QVERIFY2(portal.createStaff(StaffEmail, StaffPassword), qPrintable(portal.errorString()));
        if (target == u"EXISTING") {
            target = QDir(portal.directory()).filePath(QStringLiteral("taken.db"));
            QFile taken(target);
            QVERIFY(taken.open(QIODevice::WriteOnly));
            taken.write("someone else's file");
        }
        QFile live(portal.databasePath());
        QVERIFY(live.open(QIODevice::ReadOnly));
        const QByteArray before = live.readAll();
        live.close();

        const auto r =
            PortalProcess::runCli({QStringLiteral("backup"), QStringLiteral("--config"), portal.configPath(), target});
        QCOMPARE(r.exitCode, 1);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(QString::fromUtf8(lines.first()).contains(message), r.err.constData());
        QVERIFY(live.open(QIODevice::ReadOnly));
        QCOMPARE(live.readAll(), before);
        if (QFileInfo(target).dir().exists())
            QVERIFY(!QFile::exists(target + QStringLiteral(".partial")));
    }

    void backup_withoutTarget_usage()
    {
        PortalProcess portal;
        portal.writeConfig();
        const auto r =
            PortalProcess::runCli({QStringLiteral("backup"), QStringLiteral("--config"), portal.configPath()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("backup needs OUT"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
