// SPDX-License-Identifier: Apache-2.0
#include "writetransaction.h"

#include "common/errorcode.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Gatehouse::Server {

namespace {

std::recursive_timed_mutex g_writers;
constexpr auto WriterWait = std::chrono::seconds(5); // as PRAGMA busy_timeout

} // namespace

WriteTransaction::WriteTransaction(const Database &database) : m_database(database) {}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::begin()
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    m_db = *db;
    m_turn = std::unique_lock(g_writers, std::defer_lock);
    if (!m_turn.try_lock_for(WriterWait))
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("cannot start a write transaction: the database stayed busy")};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_turn = {};
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("cannot start a write transaction: %1").arg(q.lastError().text())};
    }
    m_open = true;
    return {};
}

Result<void> WriteTransaction::commit()
{
    if (!m_open)
        return Error{QString(ErrorCode::Internal), QStringLiteral("commit without an open transaction")};
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        rollback();
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("cannot commit a write transaction: %1").arg(q.lastError().text())};
    }
    m_open = false;
    m_turn = {};
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    m_turn = {};
}

} // namespace Gatehouse::Server
