// SPDX-License-Identifier: Apache-2.0
// Two staff at once (D9): a colleague's change reaches this app through the real sync
// from the real gatehouse-portal while the user has a client selected far down a long
// list. The change shows, and the user's selection, current row, scroll position and
// detail pane stay where they were.
#include "model/appsettings.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"
#include "ui/clientdetailpane.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kPara = QStringLiteral("paola@firm.example");
const QString kColleague = QStringLiteral("carlo@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");
constexpr int kClients = 10000;
} // namespace

class TestSyncSelection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // The long list comes from the server's own seeding command, before it serves.
        m_portal.writeConfig();
        const auto seeded =
            PortalProcess::runCli({QStringLiteral("seed-demo"), QStringLiteral("--config"), m_portal.configPath(),
                                   QStringLiteral("--clients"), QString::number(kClients)},
                                  {}, 240000);
        QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kPara, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paola")));
        QVERIFY(m_portal.createStaff(kColleague, kPassword, QStringLiteral("paralegal"), QStringLiteral("Carlo")));
        const auto login = httpRequest(
            "POST", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/session"))),
            QJsonDocument(QJsonObject{{QStringLiteral("email"), kColleague}, {QStringLiteral("password"), kPassword}})
                .toJson(),
            {{"Content-Type", "application/json"}});
        QCOMPARE(login.status, 201);
        m_colleagueToken = login.json().value(QStringLiteral("token")).toString().toUtf8();
    }

    void colleagueEditsOtherClient_whileLongListScrolled_selectionScrollAndDetailStay()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        settings.setCacheFilePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
        settings.setSyncIntervalMs(500);
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(&settings, &secrets);
        QAbstractItemModelTester tester(session.clients(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        MainWindow window(&session);
        std::optional<Result<void>> signedIn;
        session.signIn(m_portal.baseUrl(), kPara, kPassword, [&](Result<void> r) { signedIn = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.has_value(), 20000);
        QVERIFY2(signedIn->ok(), signedIn->ok() ? "" : qPrintable(signedIn->error().message));
        QTRY_VERIFY_WITH_TIMEOUT(session.sync()->lastSyncedAt().isValid(), 120000);
        QCOMPARE(session.cache()->clientCount(), kClients);
        window.resize(1200, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Client B far down the list: select it and scroll to it.
        auto *view = window.clientView();
        auto *model = session.clients();
        const int rowB = 9000;
        QVERIFY(model->rowCount() > rowB);
        const QModelIndex b = model->index(rowB, ClientListModel::Name);
        view->setCurrentIndex(b);
        view->selectionModel()->select(b, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->scrollTo(b, QAbstractItemView::PositionAtCenter);
        const qint64 idB = b.data(ClientListModel::ClientIdRole).toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(window.detailPane()->client()->id, idB, 5000);
        const int scroll = view->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        const int loaded = model->rowCount();

        // Client A near the top, changed by the colleague through the API.
        const int rowA = 10;
        const qint64 idA = model->index(rowA, 0).data(ClientListModel::ClientIdRole).toLongLong();
        const qint64 versionA = model->index(rowA, 0).data(ClientListModel::ClientVersionRole).toLongLong();
        const QString newMatter = QStringLiteral("Changed by Carlo while Paola works");
        const auto patched =
            httpRequest("PATCH", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients/%1").arg(idA))),
                        QJsonDocument(QJsonObject{{QStringLiteral("matter"), newMatter}}).toJson(),
                        {{"Content-Type", "application/json"},
                         {"Authorization", "Bearer " + m_colleagueToken},
                         {"If-Match", "\"v" + QByteArray::number(versionA) + '"'}});
        QCOMPARE(patched.status, 200);

        // The next sync brings A's new matter into its row...
        QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOf(idA), ClientListModel::Matter).data().toString(), newMatter,
                                  20000);
        QCOMPARE(model->rowOf(idA), rowA);
        // ...and everything the user had stays where it was.
        QCOMPARE(view->currentIndex().row(), rowB);
        QCOMPARE(view->currentIndex().data(ClientListModel::ClientIdRole).toLongLong(), idB);
        const auto selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), rowB);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
        QVERIFY(model->rowCount() >= loaded);
        QVERIFY(window.detailPane()->client().has_value());
        QCOMPARE(window.detailPane()->client()->id, idB);

        // A client added above B: a row arrives above the user's place, and B stays
        // where it was on screen.
        const int bY = view->visualRect(view->currentIndex()).top();
        const auto created =
            httpRequest("POST", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients"))),
                        QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Aaron Aardvark")},
                                                  {QStringLiteral("email"), QStringLiteral("aaron@client.example")},
                                                  {QStringLiteral("matter"), QStringLiteral("New instruction")}})
                            .toJson(),
                        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_colleagueToken}});
        QCOMPARE(created.status, 201);
        const qint64 added = created.json().value(QStringLiteral("id")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(added), 0, 20000);
        QCOMPARE(view->currentIndex().data(ClientListModel::ClientIdRole).toLongLong(), idB);
        QCOMPARE(view->currentIndex().row(), rowB + 1);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->selectionModel()->selectedRows().first().row(), rowB + 1);
        QCOMPARE(view->verticalScrollBar()->value(), scroll + 1);
        QCOMPARE(view->visualRect(view->currentIndex()).top(), bY);
        QCOMPARE(window.detailPane()->client()->id, idB);

        // A change to B itself refreshes the pane in place: same client, new data.
        const qint64 versionB = b.data(ClientListModel::ClientVersionRole).toLongLong();
        const QString matterB = QStringLiteral("B's matter, renamed by Carlo");
        const auto patchedB =
            httpRequest("PATCH", m_portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients/%1").arg(idB))),
                        QJsonDocument(QJsonObject{{QStringLiteral("matter"), matterB}}).toJson(),
                        {{"Content-Type", "application/json"},
                         {"Authorization", "Bearer " + m_colleagueToken},
                         {"If-Match", "\"v" + QByteArray::number(versionB) + '"'}});
        QCOMPARE(patchedB.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.detailPane()->client()->matter, matterB, 20000);
        QCOMPARE(window.detailPane()->client()->id, idB);
        QCOMPARE(view->currentIndex().row(), rowB + 1);
        QCOMPARE(view->verticalScrollBar()->value(), scroll + 1);
        QCOMPARE(view->visualRect(view->currentIndex()).top(), bY);
        session.sync()->stop();
    }

    void cleanupTestCase() { m_portal.stop(); }

private:
    QTemporaryDir m_dir;
    PortalProcess m_portal;
    QByteArray m_colleagueToken;
};

QTEST_MAIN(TestSyncSelection)
#include "tst_syncselection.moc"
