// SPDX-License-Identifier: Apache-2.0
#include "writetransaction.h"

#include "common/errorcode.h"
#include "storageerror.h"
#include "writerstate.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Gatehouse::Server {

namespace {

constexpr auto WriterWait = std::chrono::seconds(5); // as PRAGMA busy_timeout
// How long a writer waiting for its group's COMMIT trusts the next writer to come; then
// it takes the turn and commits the group itself (the next one gave up or is slow).
constexpr auto GroupPatience = std::chrono::milliseconds(20);

const QString SavepointName = QStringLiteral("gatehouse_write");

// All of these run with the turn held and the writer entered (enterWriter()).
Result<void> run(WriterState &w, const QString &sql)
{
    auto &q = cachedQuery(w.db, sql);
    if (!q.exec())
        return storageError(QStringLiteral("'%1' failed").arg(sql), q.lastError().text());
    q.finish();
    return {};
}

// Ends the open SQLite transaction, COMMIT or ROLLBACK, and tells every writer waiting
// on it how it ended. `failure` set: the group has failed already (SQLite dropped it).
void endTransaction(WriterState &w, bool commit, QString failure = {})
{
    if (failure.isEmpty() && commit) {
        if (auto r = run(w, QStringLiteral("COMMIT")); !r) {
            failure = r.error().message;
            (void)run(w, QStringLiteral("ROLLBACK"));
        }
    } else {
        (void)run(w, QStringLiteral("ROLLBACK")); // fails harmlessly when SQLite dropped it
    }
    // The remembered chain head is only as good as the transaction that wrote it.
    if (commit && failure.isEmpty() && w.pendingHead)
        w.committedHead = w.pendingHead;
    else if (!failure.isEmpty())
        w.committedHead.reset();
    w.pendingHead.reset();
    w.transactionOpen = false;
    w.members = 0;
    {
        const std::lock_guard lock(w.doneMutex);
        if (!failure.isEmpty())
            w.failures.insert(w.transactionNumber, failure);
        w.doneNumber = w.transactionNumber;
        // Old outcomes nobody can still be waiting for.
        w.failures.removeIf([&](auto it) { return it.key() + 1000 < w.doneNumber; });
    }
    w.doneWake.notify_all();
}

void releaseTurn(WriterState &w)
{
    leaveWriter(&w);
    writerTurn().unlock();
}

// Waits until SQLite transaction `number` ended; its failure, if it failed.
Result<void> waitForCommit(WriterState &w, quint64 number)
{
    std::unique_lock lock(w.doneMutex);
    while (w.doneNumber < number) {
        if (w.doneWake.wait_for(lock, GroupPatience) == std::cv_status::no_timeout)
            continue;
        lock.unlock();
        if (writerTurn().try_lock()) {
            enterWriter(&w);
            if (w.transactionOpen && w.transactionNumber == number)
                endTransaction(w, w.members > 0);
            releaseTurn(w);
        }
        lock.lock();
    }
    const QString failure = w.failures.value(number);
    if (!failure.isEmpty())
        return storageError(QStringLiteral("cannot commit a write transaction"), failure);
    return {};
}

// After a writer's savepoint is released or rolled back: leave the SQLite transaction
// open for a writer already waiting, or end it now; then hand the turn on. A writer whose
// work is in the transaction (`member`) waits for its COMMIT.
Result<void> finishTurn(WriterState &w, bool member)
{
    const quint64 number = w.transactionNumber;
    const bool someoneNext = w.waiting.load() > 0 && w.members < WriteTransaction::MaxGroup;
    if (w.transactionOpen && !(w.members > 0 && someoneNext))
        endTransaction(w, w.members > 0);
    releaseTurn(w);
    return member ? waitForCommit(w, number) : Result<void>();
}

} // namespace

WriteTransaction::WriteTransaction(const Database &database) : m_database(database) {}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::begin()
{
    if (m_open)
        return Error{QString(ErrorCode::Internal), QStringLiteral("begin() twice on one write transaction")};
    if (holdsWriterState(m_database.m_writer.get()))
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("cannot start a write transaction: this thread already has one open")};
    auto taken = m_database.takeWriterTurn(WriterWait);
    if (!taken)
        return taken.error();
    WriterState &w = **taken;
    if (!w.transactionOpen) {
        // IMMEDIATE: SQLite grants the write lock up front, so a transaction that reads
        // and then writes never fails with SQLITE_BUSY halfway.
        if (auto r = run(w, QStringLiteral("BEGIN IMMEDIATE")); !r) {
            releaseTurn(w);
            return storageError(QStringLiteral("cannot start a write transaction"), r.error().message);
        }
        w.transactionOpen = true;
        w.members = 0;
        ++w.transactionNumber;
        // data_version changes when another connection (the CLI, a second Database on
        // the file) committed since this one last looked: the remembered head is stale.
        auto &q = cachedQuery(w.db, QStringLiteral("PRAGMA data_version"));
        if (!q.exec() || !q.next()) {
            const QString error = q.lastError().text();
            endTransaction(w, false);
            releaseTurn(w);
            return storageError(QStringLiteral("cannot read the data version"), error);
        }
        const qint64 version = q.value(0).toLongLong();
        q.finish();
        if (version != w.dataVersion)
            w.committedHead.reset();
        w.dataVersion = version;
        w.pendingHead.reset();
    }
    if (auto r = run(w, QStringLiteral("SAVEPOINT ") + SavepointName); !r) {
        (void)finishTurn(w, false);
        return storageError(QStringLiteral("cannot start a write transaction"), r.error().message);
    }
    w.headAtMemberStart = w.pendingHead;
    m_writer = &w;
    m_db = w.db;
    m_open = true;
    return {};
}

Result<void> WriteTransaction::commit()
{
    if (!m_open)
        return Error{QString(ErrorCode::Internal), QStringLiteral("commit without an open transaction")};
    m_open = false;
    WriterState &w = *m_writer;
    m_writer = nullptr;
    if (auto r = run(w, QStringLiteral("RELEASE SAVEPOINT ") + SavepointName); !r) {
        // The savepoint is gone only with the whole SQLite transaction (dropped after an
        // I/O error or a full disk): every writer of the group has failed with this one.
        const quint64 number = w.transactionNumber;
        endTransaction(w, false, r.error().message);
        releaseTurn(w);
        return waitForCommit(w, number);
    }
    ++w.members;
    return finishTurn(w, true);
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    WriterState &w = *m_writer;
    m_writer = nullptr;
    if (auto r = run(w, QStringLiteral("ROLLBACK TO SAVEPOINT ") + SavepointName); !r) {
        endTransaction(w, false, r.error().message); // SQLite dropped the group, see commit()
        releaseTurn(w);
        return;
    }
    (void)run(w, QStringLiteral("RELEASE SAVEPOINT ") + SavepointName);
    // What this writer appended to the audit log is gone; the head before it is not.
    w.pendingHead = w.headAtMemberStart;
    (void)finishTurn(w, false);
}

} // namespace Gatehouse::Server
