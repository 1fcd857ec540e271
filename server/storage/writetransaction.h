// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h"

#include <QSqlDatabase>
#include <mutex>

namespace Gatehouse::Server {

// One write transaction on this thread's connection, taken with BEGIN IMMEDIATE so
// SQLite grants the write lock up front: a deferred transaction that reads and then
// writes can fail with SQLITE_BUSY under concurrency instead of waiting its turn.
// Everything a request changes (the row, the token, its audit entry, the queued mail)
// commits together. Rolls back on destruction unless commit() succeeded.
//
// Threads of one process take turns on a mutex before BEGIN IMMEDIATE: SQLite's own
// busy handler waits by sleeping (1, 2, 5, 10 ms ...), which under load caps writes far
// below what the database can do; a mutex wakes the next writer at once. Other
// processes (the CLI) still meet busy_timeout, and the mutex waits as long (5 s) before
// giving up. Recursive, so a mistaken nested begin() on one thread fails in SQLite as
// before instead of deadlocking.
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

private:
    const Database &m_database;
    QSqlDatabase m_db;
    bool m_open = false;
    std::unique_lock<std::recursive_timed_mutex> m_turn;
};

} // namespace Gatehouse::Server
