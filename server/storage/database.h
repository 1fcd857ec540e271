// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <chrono>
#include <memory>
#include <optional>

namespace Gatehouse::Server {

struct WriterState;

// The portal's SQLite database. Qt Sql connections belong to the thread that opened
// them, and the HTTP edge runs handlers on several threads, so each thread lazily
// opens its own named connection per database file (held in a thread_local) with the
// same PRAGMAs for reading.
//
// Writes go through ONE connection per Database, shared by every thread and used only
// by the thread holding the process-wide writer turn (WriteTransaction). Writers take
// turns anyway (SQLite has one write lock), and with a connection per thread every
// commit by one thread threw away the page cache of all the others, so each write
// transaction began by re-reading its pages. While a thread holds the turn,
// connection() on that thread answers with the write connection, so a transaction
// sees its own uncommitted rows wherever the code reads them.
//
// Only this class and Storage know that the backend is SQLite; a PostgreSQL variant
// replaces the PRAGMAs and the migration files, not the callers.
class Database
{
public:
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }

    // This thread's open connection, opened on first use. Fails with StorageError when
    // the file cannot be opened or created, or is not a database.
    Result<QSqlDatabase> connection() const;

    // Applies every pending migration, each in one transaction, and returns how many
    // ran. Refuses a database written by a newer program.
    Result<int> migrate() const;
    Result<int> schemaVersion() const;
    static int latestSchemaVersion();
    // A consistent copy of the whole database at `target` while the server keeps
    // serving (SQLite's VACUUM INTO reads one snapshot). Written beside `target` under a
    // temporary name and renamed into place, so a failure leaves no half file; refuses
    // to overwrite an existing file. The live database is only read.
    Result<void> backupTo(const QString &target) const;

    // Closes this thread's connection; worker threads call it before they end so Qt
    // does not warn about connections still in use.
    static void closeThreadConnection();

    // Writer-side memo of the audit chain head (id, hash), so an append need not read
    // it back. Only valid under the writer turn; forgotten on rollback and whenever
    // another connection (another process) committed since this one last did.
    struct ChainHead
    {
        qint64 id = 0;
        QString hash;
    };
    // True when `db` is the write connection and this thread holds the turn.
    bool holdsWriter(const QSqlDatabase &db) const;
    std::optional<ChainHead> chainHead() const;
    void setChainHead(ChainHead head) const;

private:
    friend class WriteTransaction;
    // Waits (at most `wait`) for the writer turn and opens the write connection on
    // first use; on success this thread holds the turn (storage/writerstate.h).
    Result<WriterState *> takeWriterTurn(std::chrono::milliseconds wait) const;

    QString m_path;
    std::unique_ptr<WriterState> m_writer;
};

// A prepared statement kept per connection, so the hot paths (consume, session lookup,
// audit append) do not re-parse their SQL on every request. The query is reset
// (finish()) before it is handed out again; callers must not keep it across calls.
// Statements on the write connection are only handed out to the thread holding the
// writer turn; a thread that no longer holds it (it kept tx.connection() past
// commit()) gets the statement on its own connection instead.
QSqlQuery &cachedQuery(QSqlDatabase &db, const QString &sql);

} // namespace Gatehouse::Server
