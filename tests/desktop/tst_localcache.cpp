// SPDX-License-Identifier: Apache-2.0
#include "common/errorcode.h"
#include "model/localcache.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

ClientRecord client(qint64 id, const QString &name, qint64 seq = 0)
{
    ClientRecord c;
    c.id = id;
    c.name = name;
    c.email = name.toLower().replace(u' ', u'.') + QStringLiteral("@example.com");
    c.matter = QStringLiteral("Matter %1").arg(id);
    c.status = ClientStatus::Invited;
    c.changeSeq = seq ? seq : id;
    c.updatedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
    return c;
}

ClientPage page(QList<ClientRecord> rows, const QString &cursor)
{
    ClientPage p;
    p.clients = std::move(rows);
    p.nextCursor = cursor;
    return p;
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void open_newFile_appliesMigrationsAndWal()
    {
        LocalCache cache;
        const auto r = cache.open(path());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(cache.schemaVersion(), 5);
        QCOMPARE(cache.journalMode(), QStringLiteral("wal"));
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' "
                                      "ORDER BY name")));
        QStringList indexes;
        while (q.next())
            indexes << q.value(0).toString();
        QVERIFY2(indexes.contains(QStringLiteral("clients_by_name")), qPrintable(indexes.join(u',')));
        QVERIFY(indexes.contains(QStringLiteral("clients_by_email")));
        QVERIFY(indexes.contains(QStringLiteral("clients_by_matter")));
        QCOMPARE(cache.clientCount(), 0);
        QVERIFY(cache.cursor().isEmpty());
    }

    void open_directoryInsteadOfFile_failsWithStorageErrorNamingIt()
    {
        LocalCache cache;
        const auto r = cache.open(m_dir->path());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::StorageError));
        QVERIFY2(r.error().message.contains(QDir::toNativeSeparators(m_dir->path())), qPrintable(r.error().message));
        QVERIFY(!cache.isOpen());
    }

    void open_fileThatIsNotADatabase_failsWithStorageError()
    {
        QFile f(path());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        LocalCache cache;
        const auto r = cache.open(path());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::StorageError));
        QVERIFY(r.error().message.contains(QStringLiteral("delete it")));
    }

    void applyClientPage_rowsAndCursor_storedTogether()
    {
        LocalCache cache;
        QVERIFY(cache.open(path()).ok());
        auto c = client(1, QStringLiteral("Maria Rossi"));
        c.partnerId = 7;
        c.partnerName = QStringLiteral("Anna Verdi");
        c.requireSignIn = true;
        c.lastAccessAt = QDateTime(QDate(2026, 11, 27), QTime(17, 5, 0, 250), Qt::UTC);
        c.lastAccessDevice = QStringLiteral("Firefox on Windows");
        c.openSessions = 2;
        const auto applied =
            cache.applyClientPage(page({c, client(2, QStringLiteral("Luca Bianchi"))}, QStringLiteral("c2")));
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QCOMPARE(cache.clientCount(), 2);
        QCOMPARE(cache.cursor(), QStringLiteral("c2"));
        const auto back = cache.client(1);
        QVERIFY(back);
        QCOMPARE(back->name, c.name);
        QCOMPARE(back->partnerId, 7);
        QCOMPARE(back->partnerName, c.partnerName);
        QCOMPARE(back->requireSignIn, true);
        QCOMPARE(back->lastAccessAt, c.lastAccessAt);
        QCOMPARE(back->lastAccessDevice, c.lastAccessDevice);
        QCOMPARE(back->openSessions, 2);
        QCOMPARE(back->status, ClientStatus::Invited);
        QVERIFY(!back->createdAt.isValid());
    }

    void applyClientPage_failureMidPage_leavesRowsAndCursorUntouched()
    {
        LocalCache cache;
        QVERIFY(cache.open(path()).ok());
        QVERIFY(cache.applyClientPage(page({client(1, QStringLiteral("Alpha"))}, QStringLiteral("c1"))).ok());
        // Make the second row of the next page fail, as a full disk or crash would.
        QSqlQuery q(cache.database());
        QVERIFY2(q.exec(QStringLiteral("CREATE TEMP TRIGGER boom BEFORE INSERT ON clients WHEN NEW.name = 'Boom' "
                                       "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")),
                 qPrintable(q.lastError().text()));
        auto changed = client(1, QStringLiteral("Alpha renamed"));
        const auto r = cache.applyClientPage(page(
            {changed, client(2, QStringLiteral("Beta")), client(3, QStringLiteral("Boom"))}, QStringLiteral("c3")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::StorageError));
        QCOMPARE(cache.cursor(), QStringLiteral("c1"));
        QCOMPARE(cache.clientCount(), 1);
        QCOMPARE(cache.client(1)->name, QStringLiteral("Alpha"));
    }

    void applyClientPage_tombstone_deletesRow()
    {
        LocalCache cache;
        QVERIFY(cache.open(path()).ok());
        QVERIFY(cache
                    .applyClientPage(
                        page({client(1, QStringLiteral("A")), client(2, QStringLiteral("B"))}, QStringLiteral("c2")))
                    .ok());
        auto gone = client(1, QStringLiteral("A"), 3);
        gone.deleted = true;
        QVERIFY(cache.applyClientPage(page({gone}, QStringLiteral("c3"))).ok());
        QCOMPARE(cache.clientCount(), 1);
        QVERIFY(!cache.client(1));
        QVERIFY(cache.client(2));
        QCOMPARE(cache.cursor(), QStringLiteral("c3"));
    }

    void reopen_existingFile_keepsDataAndVersion()
    {
        {
            LocalCache cache;
            QVERIFY(cache.open(path()).ok());
            QVERIFY(cache.bindTo(QStringLiteral("https://a.example"), QStringLiteral("me@firm.com")).ok());
            QVERIFY(cache.applyClientPage(page({client(1, QStringLiteral("Kept"))}, QStringLiteral("c1"))).ok());
        }
        LocalCache cache;
        QVERIFY(cache.open(path()).ok());
        QCOMPARE(cache.schemaVersion(), 5);
        QCOMPARE(cache.clientCount(), 1);
        QCOMPARE(cache.cursor(), QStringLiteral("c1"));
        const auto same = cache.bindTo(QStringLiteral("https://a.example"), QStringLiteral("ME@firm.com"));
        QVERIFY(same.ok());
        QCOMPARE(*same, false);
        QCOMPARE(cache.clientCount(), 1);
    }

    void bindTo_differentServerOrAccount_clearsData_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("account");
        QTest::newRow("other server") << QStringLiteral("https://b.example") << QStringLiteral("me@firm.com");
        QTest::newRow("other account") << QStringLiteral("https://a.example") << QStringLiteral("you@firm.com");
    }

    void bindTo_differentServerOrAccount_clearsData()
    {
        QFETCH(QString, server);
        QFETCH(QString, account);
        LocalCache cache;
        QVERIFY(cache.open(path()).ok());
        QVERIFY(cache.bindTo(QStringLiteral("https://a.example"), QStringLiteral("me@firm.com")).ok());
        QVERIFY(cache.applyClientPage(page({client(1, QStringLiteral("Theirs"))}, QStringLiteral("c1"))).ok());
        const auto cleared = cache.bindTo(server, account);
        QVERIFY(cleared.ok());
        QCOMPARE(*cleared, true);
        QCOMPARE(cache.clientCount(), 0);
        QVERIFY(cache.cursor().isEmpty());
        QCOMPARE(cache.boundServer(), server);
        QCOMPARE(cache.boundAccount(), account);
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("cache.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
