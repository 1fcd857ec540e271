// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

// The portal's SQLite database. Qt Sql connections belong to the thread that opened
// them, and the HTTP edge runs handlers on several threads, so each thread lazily
// opens its own named connection (held in a thread_local) with the same PRAGMAs.
//
// Only this class and Storage know that the backend is SQLite; a PostgreSQL variant
// replaces the PRAGMAs and the migration files, not the callers.
class Database
{
public:
    explicit Database(QString path);

    const QString &path() const { return m_path; }

    // This thread's open connection, opened on first use. Fails with StorageError when
    // the file cannot be opened or created, or is not a database.
    Result<QSqlDatabase> connection() const;

    // Applies every pending migration, each in one transaction, and returns how many
    // ran. Refuses a database written by a newer program.
    Result<int> migrate() const;
    Result<int> schemaVersion() const;
    static int latestSchemaVersion();

    // Closes this thread's connection; worker threads call it before they end so Qt
    // does not warn about connections still in use.
    static void closeThreadConnection();

private:
    QString m_path;
};

} // namespace Gatehouse::Server
