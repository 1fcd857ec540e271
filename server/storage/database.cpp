// SPDX-License-Identifier: Apache-2.0
#include "database.h"

#include "common/errorcode.h"
#include "serverresources.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace Gatehouse::Server {

namespace {

std::atomic<int> g_connectionCounter{0};

// Owns this thread's connection name; the destructor is a safety net for threads
// that end without calling closeThreadConnection().
struct ThreadConnection
{
    QString name;

    ~ThreadConnection() { close(); }

    void close()
    {
        if (name.isEmpty())
            return;
        {
            auto db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        name.clear();
    }
};

thread_local ThreadConnection t_connection;

Error storageError(const QString &what, const QSqlError &error)
{
    return Error{QString(ErrorCode::StorageError), QStringLiteral("%1: %2").arg(what, error.text())};
}

// Migration files by number: ":/server/migrations/0001_initial.sql" → 1.
QMap<int, QString> migrationFiles()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QMap<int, QString> files;
    const QDir dir(migrationsResourceDir());
    for (const auto &name : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = pattern.match(name);
        if (m.hasMatch())
            files.insert(m.captured(1).toInt(), dir.filePath(name));
    }
    return files;
}

// Splits a migration file into statements: each ends with ';' at the end of a line.
// Comment lines are dropped first so a ';' inside a comment cannot split anything.
QStringList statementsOf(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const auto &line : sql.split(u'\n')) {
        const auto trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1StringView("--")))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Result<void> execute(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return storageError(QStringLiteral("cannot run '%1'").arg(sql.left(60)), q.lastError());
    return {};
}

} // namespace

Database::Database(QString path) : m_path(std::move(path)) {}

Result<QSqlDatabase> Database::connection() const
{
    if (!t_connection.name.isEmpty())
        return QSqlDatabase::database(t_connection.name, false);

    const auto name = QStringLiteral("gatehouse-%1").arg(++g_connectionCounter);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        bool ok = db.open();
        QSqlError error = db.lastError();
        // Each PRAGMA is per connection except journal_mode, which the file remembers.
        // Running a statement also proves the file really is an SQLite database.
        for (const auto *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                   "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"}) {
            if (!ok)
                break;
            QSqlQuery q(db);
            ok = q.exec(QString::fromLatin1(pragma));
            if (!ok)
                error = q.lastError();
        }
        if (!ok) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return storageError(QStringLiteral("cannot open database %1").arg(m_path), error);
        }
    }
    t_connection.name = name;
    return QSqlDatabase::database(name, false);
}

void Database::closeThreadConnection()
{
    t_connection.close();
}

int Database::latestSchemaVersion()
{
    const auto files = migrationFiles();
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<int> Database::schemaVersion() const
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return storageError(QStringLiteral("cannot read the schema version of %1").arg(m_path), q.lastError());
    return q.value(0).toInt();
}

Result<int> Database::migrate() const
{
    auto version = schemaVersion();
    if (!version)
        return version.error();
    const auto files = migrationFiles();
    const int latest = files.isEmpty() ? 0 : files.lastKey();
    if (*version > latest)
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("database %1 has schema version %2, newer than this program knows (%3); upgrade "
                                    "gatehouse-portal")
                         .arg(m_path)
                         .arg(*version)
                         .arg(latest)};
    auto db = connection();
    int applied = 0;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key() <= *version)
            continue;
        QFile file(it.value());
        if (!file.open(QIODevice::ReadOnly))
            return Error{QString(ErrorCode::Internal), QStringLiteral("migration %1 is missing").arg(it.value())};
        const auto statements = statementsOf(QString::fromUtf8(file.readAll()));
        // The schema change and the new user_version commit together or not at all, so a
        // crash mid-migration leaves the previous version intact.
        if (!db->transaction())
            return storageError(QStringLiteral("cannot start migration %1").arg(it.key()), db->lastError());
        Result<void> step;
        for (const auto &statement : statements) {
            step = execute(*db, statement);
            if (!step)
                break;
        }
        if (step)
            step = execute(*db, QStringLiteral("PRAGMA user_version = %1").arg(it.key()));
        if (!step) {
            db->rollback();
            return Error{step.error().code,
                         QStringLiteral("migration %1 failed: %2").arg(it.key()).arg(step.error().message)};
        }
        if (!db->commit())
            return storageError(QStringLiteral("cannot commit migration %1").arg(it.key()), db->lastError());
        ++applied;
    }
    return applied;
}

} // namespace Gatehouse::Server
