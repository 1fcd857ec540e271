// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h"

#include <QSqlDatabase>

namespace Gatehouse::Server {

// One write transaction on this thread's connection, taken with BEGIN IMMEDIATE so
// SQLite grants the write lock up front: a deferred transaction that reads and then
// writes can fail with SQLITE_BUSY under concurrency instead of waiting its turn.
// Everything a request changes (the row, the token, its audit entry, the queued mail)
// commits together. Rolls back on destruction unless commit() succeeded.
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
};

} // namespace Gatehouse::Server
