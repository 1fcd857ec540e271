// SPDX-License-Identifier: Apache-2.0
#include "common/errorcode.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/portalclient.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString kEmail = QStringLiteral("paula@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");

template<typename T, typename Call> Result<T> wait(Call call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
        return Error{QStringLiteral("test_timeout"), QStringLiteral("no answer within 20 s")};
    return std::move(*out);
}

QString message(const Result<void> &r)
{
    return r.ok() ? QString() : r.error().code + u": " + r.error().message;
}

QStringList namesIn(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, ClientListModel::Name).data().toString();
    return names;
}

} // namespace

// The desktop model layer against the real gatehouse-portal over real HTTP on
// loopback: sign-in, full and incremental sync, and going offline and back.
// The functions run in order and build on each other's server state.
class TestSyncIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.createStaff(kEmail, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paula")),
                 m_portal.serverLog().constData());
        m_client.setBaseUrl(m_portal.baseUrl());
        QVERIFY(m_cache.open(m_dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        QVERIFY(m_cache.bindTo(m_portal.baseUrl().toString(), kEmail).ok());
        m_sync.setPageSize(2); // small pages so a sync needs several round trips
    }

    void signIn_wrongPassword_yieldsInvalidCredentials()
    {
        PortalClient other;
        other.setBaseUrl(m_portal.baseUrl());
        const auto r = wait<SignInGrant>([&](auto done) { other.signIn(kEmail, QStringLiteral("not it"), done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::InvalidCredentials));
        QVERIFY(!r.error().message.isEmpty());
    }

    void signIn_rightPassword_yieldsTokenAndStaff()
    {
        const auto r = wait<SignInGrant>([&](auto done) { m_client.signIn(kEmail, kPassword, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->token.size(), 43);
        QCOMPARE(r->staff.email, kEmail);
        QVERIFY(r->expiresAt > QDateTime::currentDateTimeUtc());
        m_token = r->token;
        m_client.setToken(m_token);
        const auto me = wait<StaffMember>([&](auto done) { m_client.me(done); });
        QVERIFY(me.ok());
        QCOMPARE(me->email, kEmail);
    }

    void sync_seededClients_cacheAndModelShowExactlyThem()
    {
        const QStringList names{QStringLiteral("Carla Neri"), QStringLiteral("Bruno Gialli"),
                                QStringLiteral("Anna Bianchi")};
        for (const auto &name : names)
            QVERIFY(createClient(name));

        ClientListModel model(&m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        connect(&m_sync, &SyncEngine::clientsChanged, &model, &ClientListModel::reload);
        const auto r = syncOnce();
        QVERIFY2(r.ok(), qPrintable(message(r)));
        QCOMPARE(m_cache.clientCount(), 3);
        QCOMPARE(namesIn(model), (QStringList{names[2], names[1], names[0]}));
        QVERIFY(!m_cache.cursor().isEmpty());
        QVERIFY(m_sync.lastSyncedAt().isValid());
    }

    void sync_afterOneMoreClient_bringsOnlyIt()
    {
        QVERIFY(createClient(QStringLiteral("Dario Verdi")));
        QSignalSpy progress(&m_sync, &SyncEngine::progress);
        const auto r = syncOnce();
        QVERIFY2(r.ok(), qPrintable(message(r)));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toInt(), 1);
        QCOMPARE(m_cache.clientCount(), 4);

        // Nothing new: the pass receives nothing and does not report a change.
        QSignalSpy changed(&m_sync, &SyncEngine::clientsChanged);
        QSignalSpy quiet(&m_sync, &SyncEngine::progress);
        QVERIFY(syncOnce().ok());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(quiet.constLast().at(0).toInt(), 0);
    }

    void sync_serverStopped_reportsNetworkErrorAndGoesOffline()
    {
        m_port = m_portal.port();
        m_portal.stop();
        QSignalSpy online(&m_sync, &SyncEngine::onlineChanged);
        const auto r = syncOnce();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::NetworkError));
        QVERIFY(r.error().message.contains(m_portal.baseUrl().toString()));
        QCOMPARE(online.count(), 1);
        QCOMPARE(online.at(0).at(0).toBool(), false);
        QVERIFY(!m_sync.isOnline());
        // Cached data stays readable while offline.
        ClientListModel model(&m_cache);
        QCOMPARE(model.rowCount(), 4);
    }

    void sync_serverRestarted_recoversAndComesOnline()
    {
        m_portal.setConfig(QStringLiteral("server/port"), QString::number(m_port));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QCOMPARE(m_portal.port(), m_port);
        QSignalSpy online(&m_sync, &SyncEngine::onlineChanged);
        QVERIFY(createClient(QStringLiteral("Elena Rosa")));
        const auto r = syncOnce();
        QVERIFY2(r.ok(), qPrintable(message(r)));
        QCOMPARE(online.count(), 1);
        QCOMPARE(online.at(0).at(0).toBool(), true);
        QCOMPARE(m_cache.clientCount(), 5);
    }

    void start_timer_picksUpColleaguesChangesWithinSeconds()
    {
        m_sync.setInterval(300);
        QSignalSpy changed(&m_sync, &SyncEngine::clientsChanged);
        m_sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_sync.isSyncing(), 10000);
        changed.clear();
        QVERIFY(createClient(QStringLiteral("Fabio Blu")));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 10000);
        m_sync.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!m_sync.isSyncing(), 10000);
        QCOMPARE(m_cache.clientCount(), 6);
    }

    void cleanupTestCase() { m_portal.stop(); }

private:
    bool createClient(const QString &name)
    {
        const QJsonObject body{
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), QString(name.toLower().replace(u' ', u'.') + u"@client.example")},
            {QStringLiteral("matter"), QString(QStringLiteral("Matter of ") + name)}};
        const auto r = httpRequest(
            "POST", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients"))), QJsonDocument(body).toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_token.toUtf8()}});
        if (r.status != 201)
            qWarning("creating client %s: HTTP %d %s", qPrintable(name), r.status, r.body.constData());
        return r.status == 201;
    }

    Result<void> syncOnce()
    {
        QSignalSpy finished(&m_sync, &SyncEngine::finished);
        m_sync.syncNow();
        if (!finished.wait(20000))
            return Error{QStringLiteral("test_timeout"), QStringLiteral("sync did not finish within 20 s")};
        return finished.constFirst().at(0).value<Result<void>>();
    }

    QTemporaryDir m_dir;
    PortalProcess m_portal;
    PortalClient m_client;
    LocalCache m_cache;
    SyncEngine m_sync{&m_client, &m_cache};
    QString m_token;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "tst_syncintegration.moc"
