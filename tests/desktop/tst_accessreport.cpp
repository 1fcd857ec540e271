// SPDX-License-Identifier: Apache-2.0
// The partners' access report (D12) over a cache seeded with a known history, as sync
// stores it: clients through LocalCache::applyClientPage, a hash-chained audit log
// through AuditStore::applyPage. Exact numbers per client and period, filters, sorting,
// the CSV byte for byte, the PDF's text (pdftotext), and the trail a row opens.
#include "common/crypto.h"
#include "model/accessreport.h"
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/auditstore.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/accessreportdialog.h"
#include "ui/accessreportexport.h"
#include "ui/dialogs.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

const QUrl kServer(QStringLiteral("https://portal.firm.example"));
const QString kAccount = QStringLiteral("piers@firm.example");
const QDateTime kDay1(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);

ClientRecord client(qint64 id, const QString &name, const QString &partner, const QString &matter, ClientStatus status)
{
    ClientRecord c;
    c.id = id;
    c.name = name;
    c.email = name.section(u' ', 0, 0).toLower() + QStringLiteral("@client.example");
    c.partnerName = partner;
    c.matter = matter;
    c.status = status;
    c.changeSeq = id;
    return c;
}

} // namespace

class TestAccessReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setCacheFilePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_session = std::make_unique<Session>(m_settings.get(), &m_secrets);
        QVERIFY(m_session->openCache(kServer, kAccount).ok());
        auto *cache = m_session->cache();

        ClientPage page;
        page.clients << client(1, QStringLiteral("Anna Bianchi"), QStringLiteral("Rossi"),
                               QStringLiteral("Estate of Bianchi"), ClientStatus::Active)
                     << client(2, QStringLiteral("Bruno Gialli"), QStringLiteral("Rossi"),
                               QStringLiteral("Lease, Via Roma"), ClientStatus::Invited)
                     << client(3, QStringLiteral("Carla Neri"), QStringLiteral("Verdi"),
                               QStringLiteral("Estate of Neri"), ClientStatus::Revoked)
                     << client(4, QStringLiteral("Dario Blu"), QStringLiteral("Verdi"), QStringLiteral("Divorce"),
                               ClientStatus::Draft);
        page.clients[0].lastAccessAt = kDay1.addDays(20);
        page.clients[0].lastAccessAddress = QStringLiteral("198.51.100.7");
        page.clients[0].lastAccessDevice = QStringLiteral("Firefox on Windows");
        page.clients[0].openSessions = 2;
        page.clients[0].requireSignIn = true;
        page.clients[2].phoneConfirmation = true;
        page.nextCursor = QStringLiteral("4");
        QVERIFY(cache->applyClientPage(page).ok());

        // Anna: sessions on days 1, 5, 15 and 20; downloads on 5 and 15; a browser
        // verified on day 5. Bruno: one session on day 15 and a download the same day.
        // Carla: a session on day 1 only. Dario: nothing. Other types never count.
        const QList<std::tuple<int, QString, qint64>> history{
            {0, QStringLiteral("client.invited"), 1},      {0, QStringLiteral("session.started"), 1},
            {0, QStringLiteral("session.started"), 3},     {4, QStringLiteral("session.started"), 1},
            {4, QStringLiteral("document.downloaded"), 1}, {4, QStringLiteral("browser.verified"), 1},
            {14, QStringLiteral("session.started"), 1},    {14, QStringLiteral("document.downloaded"), 1},
            {14, QStringLiteral("session.started"), 2},    {14, QStringLiteral("document.downloaded"), 2},
            {14, QStringLiteral("token.consumed"), 2},     {19, QStringLiteral("session.started"), 1},
            {19, QStringLiteral("document.added"), 1},
        };
        QList<AuditEvent> events;
        QString prev = AuditEvent::genesisHash();
        for (const auto &[day, type, clientId] : history) {
            AuditEvent e;
            e.id = events.size() + 1;
            e.time = kDay1.addDays(day).addSecs(60 * e.id);
            e.type = type;
            e.actorKind = QStringLiteral("client");
            e.clientId = clientId;
            e.address = QStringLiteral("198.51.100.7");
            e.prevHash = prev;
            e.hash = e.computeHash();
            prev = e.hash;
            events << e;
        }
        m_lastHash = prev;
        AuditStore store(cache);
        QVERIFY(store.applyPage(events).ok());
        QCOMPARE(store.chainStatus().verifiedUpTo, qint64(events.size()));
        QVERIFY(cache->setFirmName(QStringLiteral("Rossi & Verdi Avvocati")).ok());
    }

    void build_period_countsEachClientsSignInsDownloadsAndBrowsers_data()
    {
        QTest::addColumn<int>("fromDay");
        QTest::addColumn<int>("toDay");       // exclusive
        QTest::addColumn<QList<int>>("anna"); // sign-ins, downloads, browsers
        QTest::addColumn<QList<int>>("bruno");
        QTest::newRow("all of it") << 0 << 30 << QList<int>{4, 2, 1} << QList<int>{1, 1, 0};
        QTest::newRow("days 5 to 15") << 4 << 15 << QList<int>{2, 2, 1} << QList<int>{1, 1, 0};
        QTest::newRow("day 5 only") << 4 << 5 << QList<int>{1, 1, 1} << QList<int>{0, 0, 0};
        QTest::newRow("nothing happened") << 25 << 30 << QList<int>{0, 0, 0} << QList<int>{0, 0, 0};
    }

    void build_period_countsEachClientsSignInsDownloadsAndBrowsers()
    {
        QFETCH(int, fromDay);
        QFETCH(int, toDay);
        QFETCH(QList<int>, anna);
        QFETCH(QList<int>, bruno);
        AccessReportFilter f;
        f.from = QDateTime(kDay1.date().addDays(fromDay), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(kDay1.date().addDays(toDay), QTime(0, 0), Qt::UTC);
        const auto rows = AccessReport::build(*m_session->cache(), f);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 4); // every client, even without events, in id order
        const auto &a = rows->at(0);
        QCOMPARE(a.name, QStringLiteral("Anna Bianchi"));
        QCOMPARE((QList<int>{a.signIns, a.downloads, a.browsersVerified}), anna);
        // First access is the first session ever synced, whatever the period.
        QCOMPARE(a.firstAccessAt, kDay1.addSecs(60 * 2));
        QCOMPARE(a.lastAccessAt, kDay1.addDays(20));
        QCOMPARE(a.lastAccessAddress, QStringLiteral("198.51.100.7"));
        QCOMPARE(a.lastAccessDevice, QStringLiteral("Firefox on Windows"));
        QCOMPARE(a.openSessions, 2);
        QVERIFY(a.requireSignIn);
        QVERIFY(!a.phoneConfirmation);
        const auto &b = rows->at(1);
        QCOMPARE(b.name, QStringLiteral("Bruno Gialli"));
        QCOMPARE((QList<int>{b.signIns, b.downloads, b.browsersVerified}), bruno);
        QCOMPARE(b.firstAccessAt, kDay1.addDays(14).addSecs(60 * 9));
        const auto &c = rows->at(2);
        QCOMPARE(c.firstAccessAt, kDay1.addSecs(60 * 3));
        QVERIFY(c.phoneConfirmation);
        const auto &d = rows->at(3);
        QCOMPARE(d.name, QStringLiteral("Dario Blu"));
        QVERIFY(!d.firstAccessAt.isValid());
        QCOMPARE(d.signIns + d.downloads + d.browsersVerified, 0);
    }

    void build_filters_partnerMatterAndStatusNarrow()
    {
        const auto names = [this](const AccessReportFilter &f) {
            QStringList out;
            const auto rows = AccessReport::build(*m_session->cache(), f);
            for (const auto &r : *rows)
                out << r.name;
            return out;
        };
        AccessReportFilter f;
        f.partner = QStringLiteral("verdi"); // case-insensitive
        QCOMPARE(names(f), (QStringList{QStringLiteral("Carla Neri"), QStringLiteral("Dario Blu")}));
        f = {};
        f.matter = QStringLiteral("estate of");
        QCOMPARE(names(f), (QStringList{QStringLiteral("Anna Bianchi"), QStringLiteral("Carla Neri")}));
        f.status = ClientStatus::Revoked;
        QCOMPARE(names(f), QStringList{QStringLiteral("Carla Neri")});
        f = {};
        f.matter = QStringLiteral("100%"); // LIKE characters are literal
        QCOMPARE(names(f), QStringList());
        QCOMPARE(AccessReport::partners(*m_session->cache()),
                 (QStringList{QStringLiteral("Rossi"), QStringLiteral("Verdi")}));
    }

    void model_sortByEachColumn_passesTesterAndOrders()
    {
        AccessReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRows(*AccessReport::build(*m_session->cache(), {}));
        model.sort(AccessReportModel::Client, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), 4);
        const QPersistentModelIndex bruno = model.index(1, AccessReportModel::Client);
        model.sort(AccessReportModel::SignIns, Qt::DescendingOrder);
        QCOMPARE(model.index(0, AccessReportModel::Client).data().toString(), QStringLiteral("Anna Bianchi"));
        QCOMPARE(model.index(0, AccessReportModel::SignIns).data().toString(), QStringLiteral("4"));
        // Ties (Bruno and Carla: one each) fall back to the name.
        QCOMPARE(model.index(1, AccessReportModel::Client).data().toString(), QStringLiteral("Bruno Gialli"));
        QCOMPARE(model.index(3, AccessReportModel::Client).data().toString(), QStringLiteral("Dario Blu"));
        QCOMPARE(bruno.data().toString(), QStringLiteral("Bruno Gialli")); // the index followed its row
        model.sort(AccessReportModel::FirstAccess, Qt::AscendingOrder);
        QCOMPARE(model.index(0, AccessReportModel::Client).data().toString(), QStringLiteral("Dario Blu")); // never
        QCOMPARE(model.index(1, AccessReportModel::Client).data().toString(), QStringLiteral("Anna Bianchi"));
        for (int column = 0; column < AccessReportModel::ColumnCount; ++column) {
            model.sort(column, Qt::DescendingOrder);
            QCOMPARE(model.rowCount(), 4);
        }
    }

    void exportCsv_rows_writesHeaderAndEveryCellAsShown()
    {
        AccessReportFilter f;
        f.partner = QStringLiteral("Rossi");
        f.from = kDay1;
        f.to = kDay1.addDays(30);
        const auto rows = *AccessReport::build(*m_session->cache(), f);
        const QString path = m_dir.filePath(QStringLiteral("report.csv"));
        QCOMPARE(*AccessReportExport::toCsv(rows, path), 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 4); // header, two rows, and the empty rest after the last CRLF
        QCOMPARE(lines.at(0), QStringLiteral("client_id,Client,Matter,Partner,Status,Last access,From address,"
                                             "On device,First access,Sign-ins,Downloads,Open sessions,"
                                             "Browsers verified,Lock,Phone confirmation"));
        const auto local = [](const QDateTime &utc) {
            return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        QCOMPARE(lines.at(1), QStringLiteral("1,Anna Bianchi,Estate of Bianchi,Rossi,Active,%1,198.51.100.7,"
                                             "Firefox on Windows,%2,4,2,2,1,on,off")
                                  .arg(local(kDay1.addDays(20)), local(kDay1.addSecs(120))));
        // A comma in a field is quoted.
        QCOMPARE(lines.at(2),
                 QStringLiteral("2,Bruno Gialli,\"Lease, Via Roma\",Rossi,Invited,never,,,%1,1,1,0,0,off,off")
                     .arg(local(kDay1.addDays(14).addSecs(540))));
        QCOMPARE(lines.at(3), QString());
    }

    void exportPdf_fromDialog_namesFirmPeriodAuthorAndChainHead()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: scripts/bootstrap.sh installs poppler-utils");
        AccessReportDialog dialog(m_session.get());
        dialog.fromEdit()->setDate(QDate(2026, 11, 6));
        dialog.toEdit()->setDate(QDate(2026, 11, 16));
        QCOMPARE(dialog.model()->rowCount(), 4);
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        Dialogs::setNextFileName(path);
        dialog.exportPdf();
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        QCOMPARE(pdftotext.exitCode(), 0);
        // NFKC: the PDF's "fi" and "ff" ligatures read as letters again.
        const QString text =
            QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC).simplified();
        QVERIFY2(text.contains(QStringLiteral("Rossi & Verdi Avvocati — client access report")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Period: %1 to %2")
                                   .arg(QLocale().toString(QDate(2026, 11, 6), QLocale::ShortFormat),
                                        QLocale().toString(QDate(2026, 11, 16), QLocale::ShortFormat))),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Generated by (not signed in) on")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Audit log verified up to event 13, hash %1").arg(m_lastHash)),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Carla Neri")));
    }

    void exportPdf_manyClients_numbersEveryPage()
    {
        QList<AccessReportRow> rows;
        for (int i = 1; i <= 300; ++i) {
            AccessReportRow r;
            r.clientId = i;
            r.name = QStringLiteral("Client %1").arg(i, 3, 10, QLatin1Char('0'));
            rows << r;
        }
        AccessReportExport::Heading heading;
        heading.firm = QStringLiteral("Rossi & Verdi Avvocati");
        heading.generatedBy = QStringLiteral("Piers");
        heading.generatedAt = kDay1;
        const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
        QCOMPARE(*AccessReportExport::toPdf(rows, heading, path), 300);
        const auto pageText = [&path](int page) {
            QProcess p;
            p.start(QStringLiteral("pdftotext"),
                    {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                     QString::number(page), path, QStringLiteral("-")});
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        };
        // Every page ends with its number; the rows run on from page to page.
        const auto lastLine = [](const QString &text) { return text.split(u'\n').constLast().trimmed(); };
        QCOMPARE(lastLine(pageText(1)), QStringLiteral("1"));
        QCOMPARE(lastLine(pageText(2)), QStringLiteral("2"));
        QVERIFY(pageText(1).contains(QStringLiteral("Client 001")));
        QVERIFY(!pageText(1).contains(QStringLiteral("Client 300")));
    }

    void dialog_filtersAndOpenTrail_rebuildAndAskForTheRowsClient()
    {
        AccessReportDialog dialog(m_session.get());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.summaryText().startsWith(QStringLiteral("4 client")), qPrintable(dialog.summaryText()));
        dialog.partnerFilter()->setCurrentIndex(dialog.partnerFilter()->findData(QStringLiteral("Verdi")));
        QCOMPARE(dialog.model()->rowCount(), 2);
        dialog.matterFilter()->setText(QStringLiteral("divorce"));
        dialog.rebuild(); // what the typing pause then does
        QCOMPARE(dialog.model()->rowCount(), 1);
        QSignalSpy trail(&dialog, &AccessReportDialog::trailRequested);
        dialog.view()->setCurrentIndex(dialog.model()->index(0, AccessReportModel::Client));
        QTest::keyClick(dialog.view(), Qt::Key_Return);
        QCOMPARE(trail.count(), 1);
        QCOMPARE(trail.first().at(0).toLongLong(), 4);
        QCOMPARE(trail.first().at(1).toString(), QStringLiteral("Dario Blu"));
    }

private:
    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
    QString m_lastHash;
};

QTEST_MAIN(TestAccessReport)
#include "tst_accessreport.moc"
