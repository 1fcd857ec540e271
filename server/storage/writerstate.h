// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to storage/: the shared write connection of one Database and the state of
// its open transaction, shared by database.cpp (connections, checkpoints) and
// writetransaction.cpp (turns and group commit).

#include "database.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace Gatehouse::Server {

// Everything not marked otherwise is touched only by the thread holding the writer
// turn (writerTurn()).
struct WriterState
{
    const Database *database = nullptr;
    QString path;
    QString name; // empty until first opened
    QSqlDatabase db;
    QHash<QString, QSqlQuery> statements;
    std::optional<Database::ChainHead> committedHead;
    std::optional<Database::ChainHead> pendingHead;
    qint64 dataVersion = -1;

    // Group commit (writetransaction.h). Threads waiting for the turn; read without it.
    std::atomic<int> waiting{0};
    bool transactionOpen = false;  // BEGIN IMMEDIATE ran, COMMIT not yet
    int members = 0;               // write transactions released into the open one
    quint64 transactionNumber = 0; // of the open (or last opened) SQLite transaction
    std::optional<Database::ChainHead> headAtMemberStart;
    // Guarded by doneMutex: how far SQLite transactions have ended, and which failed.
    std::mutex doneMutex;
    std::condition_variable doneWake;
    quint64 doneNumber = 0;
    QHash<quint64, QString> failures;

    // The checkpointer thread (database.cpp); started with the write connection.
    std::thread checkpointer;
    std::mutex checkpointMutex;
    std::condition_variable checkpointWake;
    bool stopping = false;
};

// The process-wide writer turn: writers take turns on it before they touch any write
// connection (see writetransaction.h for why a mutex and not SQLite's busy handler).
std::recursive_timed_mutex &writerTurn();

// Marks this thread as holding (or no longer holding) the turn for `writer`: while it
// does, Database::connection() and cachedQuery() on this thread use the write connection.
void enterWriter(WriterState *writer);
void leaveWriter(WriterState *writer);
bool holdsWriterState(const WriterState *writer);

} // namespace Gatehouse::Server
