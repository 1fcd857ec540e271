// SPDX-License-Identifier: Apache-2.0
#include "common/crypto.h"
#include "model/auditlogmodel.h"
#include "model/auditstore.h"
#include "model/localcache.h"
#include "ui/auditexport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

const QDateTime kStart(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);

// A hash-chained run of events, as the server would write them: one per hour,
// alternating types, actors and clients so each filter has a known answer.
QList<AuditEvent> makeChain(int count, const QString &startHash = AuditEvent::genesisHash(), qint64 firstId = 1)
{
    QList<AuditEvent> events;
    QString prev = startHash;
    for (int i = 0; i < count; ++i) {
        AuditEvent e;
        e.id = firstId + i;
        e.time = kStart.addSecs(3600 * (e.id - 1));
        e.type = e.id % 3 == 0 ? QStringLiteral("client.invited") : QStringLiteral("token.consumed");
        e.actorKind = e.id % 3 == 0 ? QStringLiteral("staff") : QStringLiteral("client");
        e.actorLabel = e.id % 2 == 0 ? QStringLiteral("paula@firm.example") : QStringLiteral("Maria Rossi");
        e.clientId = e.id % 5 + 1;
        e.address = QStringLiteral("192.0.2.%1").arg(e.id % 250);
        e.userAgent = QStringLiteral("Firefox on Windows");
        e.details =
            QJsonObject{{QStringLiteral("note"), e.id == 42 ? QStringLiteral("needle") : QStringLiteral("hay")}};
        e.prevHash = prev;
        e.hash = e.computeHash();
        prev = e.hash;
        events << e;
    }
    return events;
}

QList<qint64> idsOf(const QList<AuditRow> &rows)
{
    QList<qint64> ids;
    for (const auto &r : rows)
        ids << r.event.id;
    return ids;
}

} // namespace

class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        QVERIFY(m_cache.open(m_dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        ClientPage clients;
        for (int i = 1; i <= 6; ++i) {
            ClientRecord c;
            c.id = i;
            c.name = i == 3 ? QStringLiteral("Maria Rossi") : QStringLiteral("Client %1").arg(i);
            clients.clients << c;
        }
        clients.nextCursor = QStringLiteral("c");
        QVERIFY(m_cache.applyClientPage(clients).ok());
        m_events = makeChain(300);
        AuditStore store(&m_cache);
        // Applied in three pages, as the sync does.
        QVERIFY(store.applyPage(m_events.mid(0, 100)).ok());
        QVERIFY(store.applyPage(m_events.mid(100, 100)).ok());
        QVERIFY(store.applyPage(m_events.mid(200)).ok());
    }

    void applyPage_intactChain_verifiedUpToLastEvent()
    {
        AuditStore store(&m_cache);
        const auto s = store.chainStatus();
        QCOMPARE(s.verifiedUpTo, 300);
        QCOMPARE(s.failedAt, 0);
        QCOMPARE(s.eventCount, 300);
        QCOMPARE(store.cursor(), 300);
    }

    void applyPage_tampered_namesFirstFailedEntry_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("details changed") << QStringLiteral("details");
        QTest::newRow("entry removed") << QStringLiteral("removed");
    }

    void applyPage_tampered_namesFirstFailedEntry()
    {
        QFETCH(QString, what);
        QTemporaryDir dir;
        LocalCache cache;
        QVERIFY(cache.open(dir.filePath(QStringLiteral("t.sqlite"))).ok());
        AuditStore store(&cache);
        auto events = makeChain(20);
        if (what == u"details")
            events[9].details.insert(QStringLiteral("note"), QStringLiteral("rewritten"));
        else
            events.removeAt(9);
        QVERIFY(store.applyPage(events).ok());
        const auto s = store.chainStatus();
        QCOMPARE(s.verifiedUpTo, 9);
        QCOMPARE(s.failedAt, what == u"details" ? 10 : 11);
        QVERIFY(s.failure.contains(QString::number(s.failedAt)));
        // Later pages stay unverified: a broken chain cannot vouch for what follows.
        QVERIFY(store.applyPage(makeChain(5, events.constLast().hash, 21)).ok());
        QCOMPARE(store.chainStatus().verifiedUpTo, 9);
    }

    void page_filters_returnExactlyTheMatchingRows_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("client id") << 0 << QStringLiteral("3");
        QTest::newRow("client name") << 1 << QStringLiteral("rossi");
        QTest::newRow("type") << 2 << QStringLiteral("client.invited");
        QTest::newRow("actor") << 3 << QStringLiteral("PAULA@firm.example");
        QTest::newRow("free text") << 4 << QStringLiteral("needle");
        QTest::newRow("free text, other case (search index)") << 4 << QStringLiteral("NEEDLE");
        QTest::newRow("date range") << 5 << QStringLiteral("50-60");
    }

    void page_filters_returnExactlyTheMatchingRows()
    {
        QFETCH(int, field);
        QFETCH(QString, value);
        AuditFilter f;
        std::function<bool(const AuditEvent &)> expected;
        switch (field) {
        case 0:
            f.clientId = value.toLongLong();
            expected = [&](const AuditEvent &e) { return e.clientId == f.clientId; };
            break;
        case 1:
            f.clientText = value;
            expected = [](const AuditEvent &e) { return e.clientId == 3; };
            break;
        case 2:
            f.type = value;
            expected = [&](const AuditEvent &e) { return e.type == f.type; };
            break;
        case 3:
            f.actor = value;
            expected = [](const AuditEvent &e) { return e.actorLabel == u"paula@firm.example"; };
            break;
        case 4:
            f.text = value;
            expected = [](const AuditEvent &e) { return e.id == 42; };
            break;
        case 5:
            // [event 50's time, event 60's time): ids 50..59
            f.from = kStart.addSecs(3600 * 49);
            f.to = kStart.addSecs(3600 * 59);
            expected = [](const AuditEvent &e) { return e.id >= 50 && e.id < 60; };
            break;
        }
        QList<qint64> want;
        for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
            if (expected(*it))
                want << it->id;
        }
        QVERIFY(!want.isEmpty());

        // Read in small keyset pages so paging is covered too.
        AuditStore store(&m_cache);
        QCOMPARE(pagedIds(store, f, 7), want);
    }

    void model_overStore_passesTesterAndLoadsNewestFirst()
    {
        AuditLogModel model(&m_cache);
        model.setBlockSize(64);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reload();
        QCOMPARE(model.rowCount(), 300); // counted at once, before any row is read
        QCOMPARE(model.index(0, AuditLogModel::Id).data().toLongLong(), 300);
        QCOMPARE(model.index(299, AuditLogModel::Id).data().toLongLong(), 1);
        AuditFilter f;
        f.type = QStringLiteral("client.invited");
        model.setFilter(f);
        QCOMPARE(model.index(0, AuditLogModel::Type).data().toString(), QStringLiteral("Client invited"));
        QCOMPARE(model.index(0, AuditLogModel::Client).data().toString(), QStringLiteral("Client 1")); // event 300
    }

    void exportCsv_filteredView_writesHeaderAndEveryMatchingRow()
    {
        AuditStore store(&m_cache);
        AuditFilter f;
        f.clientId = 3;
        const auto path = m_dir.filePath(QStringLiteral("export.csv"));
        const auto n = AuditExport::toCsv(&store, f, path);
        QVERIFY(n.ok());
        QCOMPARE(*n, 60);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("id,time_utc,type"));
        QCOMPARE(lines.size(), 62);              // header + 60 rows + trailing empty
        QVERIFY(lines.at(1).startsWith("297,")); // newest first
    }

    void exportPdf_filteredView_writesAPdf()
    {
        AuditStore store(&m_cache);
        const auto path = m_dir.filePath(QStringLiteral("export.pdf"));
        AuditFilter f;
        f.type = QStringLiteral("client.invited");
        const auto n = AuditExport::toPdf(&store, f, path, QStringLiteral("Report"));
        QVERIFY(n.ok());
        QCOMPARE(*n, 100);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
    }

    void model_jumpsAndScrolls_everyRowMatchesAnOrderedRead_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("text");
        QTest::newRow("everything") << QString() << QString();
        QTest::newRow("one type") << QStringLiteral("client.invited") << QString();
        QTest::newRow("free text") << QString() << QStringLiteral("192.0.2.1");
    }

    void model_jumpsAndScrolls_everyRowMatchesAnOrderedRead()
    {
        // The oracle: the filtered log read page by page, newest first.
        QFETCH(QString, type);
        QFETCH(QString, text);
        AuditFilter f;
        f.type = type;
        f.text = text;
        AuditStore store(&m_cache);
        const QList<qint64> want = pagedIds(store, f, 50);
        QVERIFY(want.size() > 20);

        // Jumps the way Ctrl+End, Ctrl+Home and a scroll-bar drag land (blocks read
        // from the far end, the near end and next to cached ones), then every row.
        AuditLogModel model(&m_cache);
        model.setBlockSize(16);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFilter(f);
        const int n = int(want.size());
        QCOMPARE(model.rowCount(), n);
        for (const int row : {n - 1, n / 2, 0, n / 2 + 16, n / 2 - 1, n - 17, 15, 16, n / 3})
            QCOMPARE(model.index(row, AuditLogModel::Id).data().toLongLong(), want.at(row));
        for (int row = n - 1; row >= 0; --row)
            QCOMPARE(model.index(row, AuditLogModel::Id).data().toLongLong(), want.at(row));
        QCOMPARE(model.rowAt(n - 1)->event.id, want.constLast());
    }

    // Runs last: it adds events to the shared cache.
    void model_refreshAfterSync_insertsNewerOnTopWithoutReset()
    {
        AuditLogModel model(&m_cache);
        model.setBlockSize(64);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        AuditFilter invited;
        invited.type = QStringLiteral("client.invited");
        model.setFilter(invited);
        const int loaded = model.rowCount();
        QCOMPARE(model.index(70, AuditLogModel::Id).data().toLongLong(), 90); // cached rows move down
        QCOMPARE(model.index(99, AuditLogModel::Id).data().toLongLong(), 3);
        const QPersistentModelIndex selected = model.index(70, AuditLogModel::Id);
        const qint64 selectedId = selected.data().toLongLong();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // A sync brings 40 newer events, 13 of them invitations (ids 303, 306, ... 339).
        AuditStore store(&m_cache);
        QVERIFY(store.applyPage(makeChain(40, m_events.constLast().hash, 301)).ok());
        model.refresh();

        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 12);
        QCOMPARE(model.rowCount(), loaded + 13);
        QCOMPARE(model.index(0, AuditLogModel::Id).data().toLongLong(), 339);
        QCOMPARE(model.index(12, AuditLogModel::Id).data().toLongLong(), 303);
        QCOMPARE(model.index(13, AuditLogModel::Id).data().toLongLong(), 300);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 83);
        QCOMPARE(selected.data().toLongLong(), selectedId);
        QCOMPARE(model.index(112, AuditLogModel::Id).data().toLongLong(), 3);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, AuditLogModel::Id).data().toLongLong(),
                     row < 13 ? 339 - 3 * row : 300 - 3 * (row - 13));
        model.refresh(); // nothing newer: nothing happens
        QCOMPARE(inserted.count(), 1);
    }

private:
    // Every event matching `f`, newest first, read in keyset pages of `pageSize`.
    static QList<qint64> pagedIds(const AuditStore &store, const AuditFilter &f, int pageSize)
    {
        QList<qint64> ids;
        for (qint64 before = 0;;) {
            const auto page = store.page(f, before, pageSize);
            if (!page.ok())
                return {};
            ids << idsOf(*page);
            if (page->size() < pageSize)
                return ids;
            before = page->constLast().event.id;
        }
    }

    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    LocalCache m_cache;
    QList<AuditEvent> m_events;
};

QTEST_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
