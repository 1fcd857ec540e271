// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h"

#include <QSqlDatabase>

namespace Gatehouse::Server {

struct WriterState;

// One write transaction: everything a request changes (the row, the token, its audit
// entry, the queued mail) commits together. Rolls back on destruction unless commit()
// succeeded; commit() returns once the change is committed in SQLite (durable as WAL
// with synchronous = NORMAL makes it), never earlier.
//
// Threads of one process take turns on a mutex: SQLite's own busy handler waits by
// sleeping (1, 2, 5, 10 ms ...), which under load caps writes far below what the
// database can do; a mutex wakes the next writer at once. Other processes (the CLI)
// still meet busy_timeout, and the mutex waits as long (5 s) before giving up. A second
// begin() on a thread that already has one open fails, as SQLite's nested BEGIN did.
//
// The transaction runs on the Database's one shared write connection (database.h),
// inside an SQLite transaction taken with BEGIN IMMEDIATE, as a SAVEPOINT of its own.
// Group commit: when another writer is already waiting for the turn, commit() releases
// the savepoint, hands the turn on and waits, and the SQLite transaction stays open for
// the next writer; the last writer of such a run (nobody waiting, or MaxGroup reached)
// COMMITs for all of them and wakes them. The pages every consume touches (the audit
// log's last leaf and its indexes, the counters, the client row) are then written once
// per group instead of once per request. A rollback undoes only its own savepoint. If
// the group's COMMIT fails, or SQLite dropped the transaction (I/O error, disk full),
// every commit() of the group reports the failure.
//
// The turn ends with commit() or rollback(): do not run statements on connection()
// after that other than through cachedQuery(), which then uses the thread's own
// connection.
class WriteTransaction
{
public:
    explicit WriteTransaction(const Database &database);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

    // The connection the transaction runs on; valid after a successful begin().
    QSqlDatabase connection() const { return m_db; }

    // At most this many writers share one SQLite transaction.
    static constexpr int MaxGroup = 16;

private:
    const Database &m_database;
    WriterState *m_writer = nullptr; // set while this transaction holds the turn
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace Gatehouse::Server
