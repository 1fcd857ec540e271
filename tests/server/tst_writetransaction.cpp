// SPDX-License-Identifier: Apache-2.0
// The shared write connection (storage/database.h) and what the audit log remembers on
// it: writers on many threads take turns on one connection, a transaction sees its own
// rows wherever it reads them, and the remembered chain head never links an entry to
// the wrong predecessor (R4), whether a transaction rolled back or another connection
// (another process, another Database object) appended in between.
#include "audit/auditlog.h"
#include "common/crypto.h"
#include "storage/database.h"
#include "storage/writetransaction.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace Gatehouse;
using namespace Gatehouse::Server;

namespace {

AuditRecord systemEvent(int n)
{
    AuditRecord r;
    r.type = QString(AuditType::ClientUpdated);
    r.actorKind = QStringLiteral("system");
    r.details = QJsonObject{{QStringLiteral("n"), n}};
    return r;
}

// Appends one entry in a transaction of its own; rolls it back when `keep` is false.
// A kept entry must be visible to this thread's own (reading) connection as soon as
// commit() returns: a writer whose commit waits for its group must not return early.
bool appendOne(const Database &database, int n, bool keep)
{
    WriteTransaction tx(database);
    if (!tx.begin())
        return false;
    auto db = tx.connection();
    auto id = AuditLog(database).append(db, systemEvent(n));
    if (!id)
        return false;
    if (!keep) {
        tx.rollback();
        return true;
    }
    if (!tx.commit())
        return false;
    auto reader = database.connection();
    if (!reader)
        return false;
    QSqlQuery q(*reader);
    q.prepare(QStringLiteral("SELECT count(*) FROM audit_events WHERE id = ? AND details = ?"));
    q.addBindValue(*id);
    q.addBindValue(QStringLiteral("{\"n\":%1}").arg(n));
    return q.exec() && q.next() && q.value(0).toInt() == 1;
}

qint64 countRows(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestWriteTransaction : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CryptoRuntime> m_crypto;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("w%1.db").arg(++m_files)); }

    static void verifyChain(const Database &database, qint64 expected)
    {
        auto v = AuditLog(database).verify();
        QVERIFY(v.ok());
        QVERIFY2(!v->firstBadId, qPrintable(v->reason));
        QCOMPARE(v->checked, expected);
    }

private slots:
    void initTestCase()
    {
        m_crypto = std::make_unique<CryptoRuntime>();
        QVERIFY(m_crypto->check().ok());
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { Database::closeThreadConnection(); }

    void appends_manyThreads_oneIntactChain()
    {
        const Database database(freshPath());
        QVERIFY(database.migrate().ok());
        constexpr int Threads = 6;
        constexpr int PerThread = 40;
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    // Every fifth transaction rolls back: its entry must leave no gap.
                    if (!appendOne(database, t * PerThread + i, i % 5 != 4))
                        ++failures;
                }
                Database::closeThreadConnection();
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        verifyChain(database, Threads * PerThread * 4 / 5);
    }

    void append_afterOtherConnectionAppended_linksToItsEntry()
    {
        const QString path = freshPath();
        const Database first(path);
        QVERIFY(first.migrate().ok());
        QVERIFY(appendOne(first, 1, true));
        {
            // A second Database on the same file has its own write connection, as the
            // CLI in another process has: the first one's remembered head is now stale.
            const Database second(path);
            QVERIFY(appendOne(second, 2, true));
            QVERIFY(appendOne(second, 3, true));
        }
        QVERIFY(appendOne(first, 4, true));
        verifyChain(first, 4);
    }

    void append_afterRollback_reusesTheId()
    {
        const Database database(freshPath());
        QVERIFY(database.migrate().ok());
        QVERIFY(appendOne(database, 1, true));
        QVERIFY(appendOne(database, 2, false));
        QVERIFY(appendOne(database, 3, true));
        verifyChain(database, 2);
    }

    void connection_insideTransaction_seesOwnUncommittedRows()
    {
        const Database database(freshPath());
        QVERIFY(database.migrate().ok());
        {
            WriteTransaction tx(database);
            QVERIFY(tx.begin().ok());
            auto db = tx.connection();
            QVERIFY(AuditLog(database).append(db, systemEvent(1)).ok());
            // Code inside the transaction that asks the Database for "its" connection
            // (Storage, the audit head) gets the write connection, not a stale reader.
            auto same = database.connection();
            QVERIFY(same.ok());
            QCOMPARE(same->connectionName(), db.connectionName());
            QCOMPARE(countRows(*same, QStringLiteral("audit_events")), 1);
            tx.rollback();
        }
        auto reader = database.connection();
        QVERIFY(reader.ok());
        QCOMPARE(countRows(*reader, QStringLiteral("audit_events")), 0);
    }

    void cachedQuery_onWriteConnectionAfterCommit_readsCommittedRows()
    {
        const Database database(freshPath());
        QVERIFY(database.migrate().ok());
        QSqlDatabase kept;
        {
            WriteTransaction tx(database);
            QVERIFY(tx.begin().ok());
            kept = tx.connection();
            QVERIFY(AuditLog(database).append(kept, systemEvent(1)).ok());
            QVERIFY(tx.commit().ok());
        }
        // Past commit() the turn is gone; a cached statement on the kept handle runs on
        // this thread's own connection and still sees the committed row.
        auto &q = cachedQuery(kept, QStringLiteral("SELECT count(*) FROM audit_events"));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
        q.finish();
        auto reader = database.connection();
        QVERIFY(reader.ok());
        QVERIFY(reader->connectionName() != kept.connectionName());
    }

    void commits_manyTransactions_reachTheDatabaseFileWithoutAnotherWriter()
    {
        // The write connection leaves checkpoints to a thread of the Database; without
        // it the rows would stay in the WAL, which would grow without bound.
        const QString path = freshPath();
        const Database database(path);
        QVERIFY(database.migrate().ok());
        for (int i = 0; i < 300; ++i)
            QVERIFY(appendOne(database, i, true));
        // A copy of the main file alone (no -wal next to it) holds only what was
        // checkpointed. Bounded wait for the checkpointer's round (every 100 ms).
        qint64 inFile = -1;
        for (int attempt = 0; attempt < 50 && inFile != 300; ++attempt) {
            QTest::qWait(100);
            const QString copy = m_dir.filePath(QStringLiteral("copy%1.db").arg(attempt));
            QVERIFY(QFile::copy(path, copy));
            {
                auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
                db.setDatabaseName(copy);
                QVERIFY(db.open());
                inFile = countRows(db, QStringLiteral("audit_events"));
                db.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("copy"));
        }
        QCOMPARE(inFile, 300);
        verifyChain(database, 300);
    }
};

QTEST_GUILESS_MAIN(TestWriteTransaction)
#include "tst_writetransaction.moc"
