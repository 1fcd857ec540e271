// SPDX-License-Identifier: Apache-2.0
// Live updates (D9): two staff apps signed in to one real gatehouse-portal. One's change
// reaches the other through the push channel while polling is set to a minute, so only
// the push can explain it arriving in seconds. When the server goes away the app falls
// back to polling and says so; when it is back, the app reconnects by itself.
#include "model/appsettings.h"
#include "model/clientactions.h"
#include "model/diagnostics.h"
#include "model/localcache.h"
#include "model/pushchannel.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"
#include "ui/mainwindow.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kPaola = QStringLiteral("paola@firm.example");
const QString kCarlo = QStringLiteral("carlo@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");
} // namespace

class TestLiveSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        // The same port after a restart, as a real server keeps its address.
        m_portal.setConfig(QStringLiteral("server/port"), QString::number(m_portal.port()));
        QVERIFY(m_portal.createStaff(kPaola, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paola")));
        QVERIFY(m_portal.createStaff(kCarlo, kPassword, QStringLiteral("paralegal"), QStringLiteral("Carlo")));
    }

    void colleagueChange_arrivesByPushNotPolling_thenFallsBackAndReconnects()
    {
        auto paola = desk(QStringLiteral("paola"), kPaola);
        auto carlo = desk(QStringLiteral("carlo"), kCarlo);
        QVERIFY(paola.session && carlo.session);
        auto *sync = paola.session->sync();
        QTRY_VERIFY_WITH_TIMEOUT(sync->isLive(), 15000);
        QCOMPARE(sync->interval(), 60000); // polling alone would take a minute
        MainWindow window(paola.session.get());
        window.show();
        QCOMPARE(window.syncModeLabel()->text(), QStringLiteral("Live"));
        // IT's diagnostics report says the same.
        QVERIFY2(Diagnostics::collect(*paola.session, nullptr).updates.startsWith(QStringLiteral("live (push")),
                 qPrintable(Diagnostics::collect(*paola.session, nullptr).updates));

        // Carlo creates a client; Paola's cache has it within seconds.
        QElapsedTimer timer;
        timer.start();
        std::optional<Result<ClientRecord>> created;
        ClientRecord client;
        client.name = QStringLiteral("Lucia Verdi");
        client.email = QStringLiteral("lucia@client.example");
        client.matter = QStringLiteral("Lease");
        carlo.session->actions()->create(client, [&](Result<ClientRecord> r) { created = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
        QVERIFY2(created->ok(), created->ok() ? "" : qPrintable(created->error().message));
        const qint64 id = (*created)->id;
        QTRY_VERIFY_WITH_TIMEOUT(paola.session->cache()->client(id).has_value(), 10000);
        qInfo("a colleague's change reached the other app in %lld ms", timer.elapsed());
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));

        // The server goes away: the app says it polls, and keeps trying to reconnect.
        QVERIFY2(m_portal.stop(), qPrintable(m_portal.shutdownProblem()));
        QTRY_VERIFY_WITH_TIMEOUT(!sync->isLive(), 10000);
        QCOMPARE(window.syncModeLabel()->text(), QStringLiteral("Polling every 60 s"));
        QCOMPARE(Diagnostics::collect(*paola.session, nullptr).updates,
                 QStringLiteral("polling every 60 s (push channel down)"));
        QCOMPARE(sync->isRunning(), true);

        // Back on the same address: live again without anyone signing in.
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(sync->isLive(), 20000);
        QCOMPARE(window.syncModeLabel()->text(), QStringLiteral("Live"));
    }

private:
    struct Desk
    {
        std::unique_ptr<AppSettings> settings;
        std::unique_ptr<Session> session;
    };

    Desk desk(const QString &name, const QString &email)
    {
        Desk d;
        d.settings = std::make_unique<AppSettings>(m_dir.filePath(name + QStringLiteral(".ini")));
        d.settings->setCacheFilePath(m_dir.filePath(name + QStringLiteral(".sqlite")));
        d.settings->setSyncIntervalMs(60000);
        d.session = std::make_unique<Session>(d.settings.get(), &m_secrets);
        d.session->push()->setBackoff(200, 1000); // reconnect quickly in the test
        std::optional<Result<void>> signedIn;
        d.session->signIn(m_portal.baseUrl(), email, kPassword, [&](Result<void> r) { signedIn = std::move(r); });
        if (!QTest::qWaitFor([&] { return signedIn.has_value(); }, 20000) || !signedIn->ok())
            d.session.reset();
        return d;
    }

    QTemporaryDir m_dir;
    PortalProcess m_portal;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
};

QTEST_MAIN(TestLiveSync)
#include "tst_livesync.moc"
