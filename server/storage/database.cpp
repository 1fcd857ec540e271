// SPDX-License-Identifier: Apache-2.0
#include "database.h"

#include "common/errorcode.h"
#include "serverresources.h"
#include "storageerror.h"
#include "writerstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace Gatehouse::Server {

namespace {

std::atomic<int> g_connectionCounter{0};

using Statements = QHash<QString, QSqlQuery>;

// How often the checkpointer copies the WAL back into the database file.
constexpr auto CheckpointInterval = std::chrono::milliseconds(100);

constexpr QLatin1StringView WriterPrefix{"gatehouse-writer-"};

// Which Database a write connection belongs to, for the rare statement that reaches it
// without the turn (cachedQuery()).
std::mutex g_writersMutex;
QHash<QString, const Database *> g_writersByName;

// Owns this thread's connection name and its prepared statements; the destructor is a
// safety net for threads that end without calling closeThreadConnection().
struct ThreadConnection
{
    // This thread's reading connection per database file (usually just one), with
    // its prepared statements.
    struct Reader
    {
        QString path;
        QString name;
        Statements statements;
    };
    std::vector<Reader> readers;
    // Statements on a connection that is neither this thread's nor a held writer's
    // (rare: tests that bring their own); kept for one connection at a time.
    QString otherName;
    Statements otherStatements;
    // The write connections this thread holds the turn for, innermost last.
    QVarLengthArray<WriterState *, 2> holding;

    ~ThreadConnection() { close(); }

    void close()
    {
        otherStatements.clear();
        otherName.clear();
        for (auto &reader : readers) {
            // Statements first: removing a connection with live queries makes Qt warn.
            reader.statements.clear();
            {
                auto db = QSqlDatabase::database(reader.name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(reader.name);
        }
        readers.clear();
    }

    Reader *readerFor(const QString &path)
    {
        for (auto &reader : readers) {
            if (reader.path == path)
                return &reader;
        }
        return nullptr;
    }

    Reader *readerNamed(const QString &name)
    {
        for (auto &reader : readers) {
            if (reader.name == name)
                return &reader;
        }
        return nullptr;
    }

    WriterState *heldWriter() const { return holding.isEmpty() ? nullptr : holding.last(); }
};

thread_local ThreadConnection t_connection;

// Opens `name` on `path` with the PRAGMAs every connection needs. Each PRAGMA is per
// connection except journal_mode, which the file remembers. Running a statement also
// proves the file really is an SQLite database.
Result<void> openConnection(const QString &name, const QString &path, std::initializer_list<const char *> extra = {})
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    bool ok = db.open();
    QSqlError error = db.lastError();
    QList<const char *> pragmas{"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON",
                                "PRAGMA busy_timeout = 5000"};
    pragmas.append(QList<const char *>(extra));
    for (const auto *pragma : std::as_const(pragmas)) {
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
        return storageError(QStringLiteral("cannot open database %1").arg(path), error);
    }
    return {};
}

// The write connection does not checkpoint when it commits (wal_autocheckpoint = 0):
// a checkpoint syncs the WAL and the database file, and run by the committing writer it
// held the writer turn for milliseconds every thousand pages, i.e. every ~80 consumes.
// This thread, with a connection of its own, runs a PASSIVE checkpoint every
// CheckpointInterval instead; PASSIVE never waits for or blocks writers and readers.
// Durability is unchanged (WAL, synchronous = NORMAL: commits are not synced either way).
void checkpointLoop(WriterState *writer, QString path)
{
    const QString name = QStringLiteral("gatehouse-checkpoint-%1").arg(++g_connectionCounter);
    if (auto opened = openConnection(name, path); !opened)
        return; // the writer's own file is open, so this is not expected; nothing to clean up
    {
        auto db = QSqlDatabase::database(name, false);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        std::unique_lock lock(writer->checkpointMutex);
        while (!writer->stopping) {
            writer->checkpointWake.wait_for(lock, CheckpointInterval);
            lock.unlock();
            q.exec();
            q.finish();
            lock.lock();
        }
        lock.unlock();
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
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

std::recursive_timed_mutex &writerTurn()
{
    static std::recursive_timed_mutex turn;
    return turn;
}

void enterWriter(WriterState *writer)
{
    t_connection.holding.append(writer);
}

void leaveWriter(WriterState *writer)
{
    // Innermost first; a mismatch would be a bug in WriteTransaction's pairing.
    auto &holding = t_connection.holding;
    if (!holding.isEmpty() && holding.last() == writer)
        holding.removeLast();
}

bool holdsWriterState(const WriterState *writer)
{
    return t_connection.holding.contains(const_cast<WriterState *>(writer));
}

Database::Database(QString path) : m_path(std::move(path)), m_writer(std::make_unique<WriterState>())
{
    m_writer->database = this;
    m_writer->path = m_path;
}

Database::~Database()
{
    if (m_writer->checkpointer.joinable()) {
        {
            const std::lock_guard lock(m_writer->checkpointMutex);
            m_writer->stopping = true;
        }
        m_writer->checkpointWake.notify_all();
        m_writer->checkpointer.join();
    }
    // Every thread that wrote has finished by now (the server joins them first), and
    // every write transaction has ended with its WriteTransaction.
    const std::lock_guard turn(writerTurn());
    if (m_writer->transactionOpen) {
        // Not expected (every member waits for its commit); keep what was released.
        QSqlQuery commit(m_writer->db);
        commit.exec(QStringLiteral("COMMIT"));
    }
    m_writer->statements.clear();
    if (m_writer->name.isEmpty())
        return;
    {
        const std::lock_guard lock(g_writersMutex);
        g_writersByName.remove(m_writer->name);
    }
    m_writer->db.close();
    m_writer->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_writer->name);
}

Result<QSqlDatabase> Database::connection() const
{
    // Inside a write transaction everything this thread reads or writes goes to the
    // write connection, as it did when each thread wrote on its own connection.
    if (t_connection.heldWriter() == m_writer.get())
        return m_writer->db;
    if (const auto *reader = t_connection.readerFor(m_path))
        return QSqlDatabase::database(reader->name, false);

    const auto name = QStringLiteral("gatehouse-%1").arg(++g_connectionCounter);
    if (auto opened = openConnection(name, m_path); !opened)
        return opened.error();
    t_connection.readers.push_back({m_path, name, {}});
    return QSqlDatabase::database(name, false);
}

void Database::closeThreadConnection()
{
    t_connection.close();
}

Result<WriterState *> Database::takeWriterTurn(std::chrono::milliseconds wait) const
{
    // Counted while waiting, so the writer before can tell someone follows (group commit).
    m_writer->waiting.fetch_add(1);
    const bool taken = writerTurn().try_lock_for(wait);
    m_writer->waiting.fetch_sub(1);
    if (!taken)
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("cannot start a write transaction: the database stayed busy")};
    if (m_writer->name.isEmpty()) {
        const QString name = WriterPrefix + QString::number(++g_connectionCounter);
        if (auto opened = openConnection(name, m_path, {"PRAGMA wal_autocheckpoint = 0"}); !opened) {
            writerTurn().unlock();
            return opened.error();
        }
        m_writer->name = name;
        {
            const std::lock_guard lock(g_writersMutex);
            g_writersByName.insert(name, this);
        }
        // A handle kept here: looking a connection up by name from another thread than
        // the one that opened it is refused by Qt; using it under the turn is not.
        m_writer->db = QSqlDatabase::database(name, false);
        m_writer->checkpointer = std::thread(checkpointLoop, m_writer.get(), m_path);
    }
    enterWriter(m_writer.get());
    return m_writer.get();
}

bool Database::holdsWriter(const QSqlDatabase &db) const
{
    return t_connection.heldWriter() == m_writer.get() && db.connectionName() == m_writer->name;
}

std::optional<Database::ChainHead> Database::chainHead() const
{
    return m_writer->pendingHead ? m_writer->pendingHead : m_writer->committedHead;
}

void Database::setChainHead(ChainHead head) const
{
    m_writer->pendingHead = std::move(head);
}

QSqlQuery &cachedQuery(QSqlDatabase &db, const QString &sql)
{
    Statements *cache = nullptr;
    QSqlDatabase target = db;
    const QString name = db.connectionName();
    if (WriterState *held = t_connection.heldWriter(); held && held->name == name) {
        cache = &held->statements;
    } else if (name.startsWith(WriterPrefix)) {
        // The write connection without the turn: another thread may be using it right
        // now, so this statement runs on the thread's own connection (it sees every
        // committed row, which is all a caller past commit() can expect).
        const Database *owner = nullptr;
        {
            const std::lock_guard lock(g_writersMutex);
            owner = g_writersByName.value(name);
        }
        auto own = owner ? owner->connection() : Result<QSqlDatabase>(Error{});
        auto *reader = own ? t_connection.readerNamed(own->connectionName()) : nullptr;
        if (reader) {
            target = *own;
            cache = &reader->statements;
        } else {
            // The Database is gone; the statement fails on the closed handle.
            if (t_connection.otherName != name) {
                t_connection.otherStatements.clear();
                t_connection.otherName = name;
            }
            cache = &t_connection.otherStatements;
        }
    } else if (auto *reader = t_connection.readerNamed(name)) {
        cache = &reader->statements;
    } else {
        if (t_connection.otherName != name) {
            t_connection.otherStatements.clear();
            t_connection.otherName = name;
        }
        cache = &t_connection.otherStatements;
    }
    auto it = cache->find(sql);
    if (it == cache->end()) {
        QSqlQuery q(target);
        q.setForwardOnly(true);
        // A failed prepare is kept anyway: exec() then reports the same error, and the
        // statement text is fixed, so it would fail again on every call.
        q.prepare(sql);
        it = cache->insert(sql, std::move(q));
    } else {
        it->finish();
    }
    return *it;
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

Result<void> Database::backupTo(const QString &target) const
{
    const QFileInfo info(target);
    if (info.exists())
        return Error{QString(ErrorCode::StorageError),
                     QStringLiteral("%1 already exists; choose a new file for the backup").arg(target)};
    if (!info.absoluteDir().exists())
        return Error{
            QString(ErrorCode::StorageError),
            QStringLiteral("cannot write the backup: the folder %1 does not exist").arg(info.absoluteDir().path())};
    const QString partial = info.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial); // left by an earlier failed run
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        QFile::remove(partial);
        return storageError(QStringLiteral("cannot write the backup to %1").arg(target), q.lastError());
    }
    if (!QFile::rename(partial, info.absoluteFilePath())) {
        QFile::remove(partial);
        return Error{QString(ErrorCode::StorageError), QStringLiteral("cannot move the backup into %1").arg(target)};
    }
    return {};
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
