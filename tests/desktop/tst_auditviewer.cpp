// SPDX-License-Identifier: Apache-2.0
// The audit-log viewer widget (D6) over a log synced from the real gatehouse-portal:
// each filter field narrows the rows to exactly what the server's log holds for that
// filter, and the PDF report is for partners only.
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/auditstore.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "server/portalflow.h"
#include "ui/auditviewer.h"
#include "ui/dialogs.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kParalegal = QStringLiteral("paolo@firm.example");
const QString kPartner = QStringLiteral("piera@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");
const QString kReason = QStringLiteral("Zebra-lost-phone");
} // namespace

class TestAuditViewer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kParalegal, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paolo")));
        QVERIFY(m_portal.createStaff(kPartner, kPassword, QStringLiteral("partner"), QStringLiteral("Piera")));
        m_paralegalApi = std::make_unique<PortalFlow>(m_portal);
        m_partnerApi = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_paralegalApi->signInStaff(kParalegal, kPassword));
        QVERIFY(m_partnerApi->signInStaff(kPartner, kPassword));

        // A small log with two actors, several types and clients, and one unusual reason.
        m_alba = m_paralegalApi->createClient(QStringLiteral("Alba Actor"), QStringLiteral("alba@client.example"));
        const qint64 bruno =
            m_partnerApi->createClient(QStringLiteral("Bruno Boss"), QStringLiteral("bruno@client.example"));
        QVERIFY(m_alba > 0 && bruno > 0);
        QVERIFY(!m_partnerApi->invite(bruno).isEmpty());
        QVERIFY(!m_paralegalApi->invite(m_alba).isEmpty());
        QCOMPARE(m_paralegalApi
                     ->api("POST", QStringLiteral("/api/v1/clients/%1/end-sessions").arg(m_alba),
                           {{QStringLiteral("reason"), kReason}})
                     .status,
                 200);

        m_partner = signIn(QStringLiteral("partner"), kPartner);
        QVERIFY(m_partner);
        // Synced and verified up to the server's head.
        const qint64 head =
            m_partnerApi->api("GET", QStringLiteral("/api/v1/audit/head")).json().value(u"id").toInteger();
        QVERIFY(head > 0);
        AuditStore store(m_partner->cache());
        QTRY_VERIFY_WITH_TIMEOUT(store.chainStatus().verifiedUpTo >= head, 20000);
        m_partner->sync()->stop(); // the log holds still while filters are compared
        m_all = serverEvents(QString());
        QVERIFY(m_all.size() >= 6);
    }

    void cleanupTestCase()
    {
        m_partner.reset();
        m_paralegal.reset();
        m_portal.stop();
    }

    void filters_eachField_showExactlyTheMatchingEvents()
    {
        AuditViewer viewer(m_partner.get());
        viewer.show();
        QCOMPARE(shownIds(viewer), idsOf(m_all));

        // Client (by name).
        QTest::keyClicks(viewer.clientFilter(), QStringLiteral("Alba"));
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(viewer), idsOf(serverEvents(QStringLiteral("client_id=%1").arg(m_alba))),
                                  5000);
        viewer.clientFilter()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(viewer), idsOf(m_all), 5000);

        // Event type.
        const int invited = viewer.typeFilter()->findData(QStringLiteral("client.invited"));
        QVERIFY(invited > 0);
        viewer.typeFilter()->setCurrentIndex(invited);
        const auto invites = serverEvents(QStringLiteral("type=client.invited"));
        QCOMPARE(invites.size(), 2);
        QCOMPARE(shownIds(viewer), idsOf(invites));
        viewer.typeFilter()->setCurrentIndex(0);

        // Actor.
        QTest::keyClicks(viewer.actorFilter(), kParalegal);
        QList<QJsonObject> byParalegal;
        for (const auto &e : std::as_const(m_all)) {
            if (e.value(u"actor_label").toString() == kParalegal)
                byParalegal << e;
        }
        QVERIFY(byParalegal.size() >= 3); // at least: created, invited, ended sessions
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(viewer), idsOf(byParalegal), 5000);
        viewer.actorFilter()->clear();

        // Free text (here, the reason in an event's details).
        QTest::keyClicks(viewer.textFilter(), kReason);
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(viewer).size(), 1, 5000);
        const auto row = qobject_cast<AuditLogModel *>(viewer.view()->model())->rowAt(0);
        QVERIFY(row);
        QCOMPARE(row->event.type, QStringLiteral("client.sessions_ended"));
        QCOMPARE(row->event.clientId, m_alba);
        viewer.textFilter()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(shownIds(viewer), idsOf(m_all), 5000);

        // Date range: today holds everything, tomorrow nothing.
        const QDate today = QDate::currentDate();
        viewer.fromEdit()->setDate(today.addDays(-1));
        viewer.toEdit()->setDate(today);
        viewer.dateFilterEnabled()->setChecked(true);
        QCOMPARE(shownIds(viewer), idsOf(m_all));
        viewer.toEdit()->setDate(today.addDays(1));
        viewer.fromEdit()->setDate(today.addDays(1));
        QCOMPARE(shownIds(viewer), QList<qint64>());
        viewer.dateFilterEnabled()->setChecked(false);
        QCOMPARE(shownIds(viewer), idsOf(m_all));
    }

    void exportPdf_partner_writesPdfOfFilteredView()
    {
        AuditViewer viewer(m_partner.get());
        viewer.show();
        QVERIFY(viewer.pdfAction()->isEnabled());
        const int invited = viewer.typeFilter()->findData(QStringLiteral("client.invited"));
        viewer.typeFilter()->setCurrentIndex(invited);
        const QString path = m_dir.filePath(QStringLiteral("partner-report.pdf"));
        Dialogs::setNextFileName(path);
        viewer.pdfAction()->trigger();
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-1."));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QCOMPARE(viewer.statusBar()->currentMessage(), QStringLiteral("2 events exported to %1").arg(path));
    }

    void exportPdf_paralegal_actionDisabledAndNothingWritten()
    {
        m_paralegal = signIn(QStringLiteral("paralegal"), kParalegal);
        QVERIFY(m_paralegal);
        AuditViewer viewer(m_paralegal.get());
        viewer.show();
        QVERIFY(!viewer.pdfAction()->isEnabled());
        QCOMPARE(viewer.pdfAction()->toolTip(), QStringLiteral("Only partners and admins can export a PDF report."));
        // Even called directly, no file is asked for and none is written.
        const QString path = m_dir.filePath(QStringLiteral("paralegal-report.pdf"));
        Dialogs::setNextFileName(path);
        viewer.exportPdf();
        QVERIFY(!QFile::exists(path));
        QCOMPARE(Dialogs::saveFileName(nullptr, QString(), QString(), QString()), path); // still unanswered
    }

private:
    std::unique_ptr<Session> signIn(const QString &name, const QString &email)
    {
        auto &settings = name == u"partner" ? m_partnerSettings : m_paralegalSettings;
        settings = std::make_unique<AppSettings>(m_dir.filePath(name + QStringLiteral(".ini")));
        settings->setCacheFilePath(m_dir.filePath(name + QStringLiteral("-cache.sqlite")));
        settings->setSyncIntervalMs(500);
        auto session = std::make_unique<Session>(settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        session->signIn(m_portal.baseUrl(), email, kPassword, [&](Result<void> r) { done = std::move(r); });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !done->ok())
            return nullptr;
        if (!QTest::qWaitFor([&] { return session->sync()->lastSyncedAt().isValid(); }, 20000))
            return nullptr;
        return session;
    }

    // The server's log, newest first, for a query string ("" for all).
    QList<QJsonObject> serverEvents(const QString &query)
    {
        QList<QJsonObject> events;
        const auto list = m_partnerApi->api("GET", QStringLiteral("/api/v1/audit?limit=500&") + query)
                              .json()
                              .value(QStringLiteral("events"))
                              .toArray();
        for (const auto &v : list)
            events << v.toObject();
        return events;
    }

    static QList<qint64> idsOf(const QList<QJsonObject> &events)
    {
        QList<qint64> ids;
        for (const auto &e : events)
            ids << e.value(QStringLiteral("id")).toInteger();
        return ids;
    }

    static QList<qint64> shownIds(AuditViewer &viewer)
    {
        auto *model = viewer.view()->model();
        QList<qint64> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(AuditLogModel::EventIdRole).toLongLong();
        return ids;
    }

    QTemporaryDir m_dir;
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_paralegalApi, m_partnerApi;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    std::unique_ptr<AppSettings> m_partnerSettings, m_paralegalSettings;
    std::unique_ptr<Session> m_partner, m_paralegal;
    QList<QJsonObject> m_all;
    qint64 m_alba = 0;
};

QTEST_MAIN(TestAuditViewer)
#include "tst_auditviewer.moc"
