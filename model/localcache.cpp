// SPDX-License-Identifier: Apache-2.0
#include "localcache.h"

#include "clientsearch.h"
#include "common/errorcode.h"
#include "resources/app/appresources.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <limits>

namespace Gatehouse {

namespace {
// The audit search index has no delete trigger (the log is append-only); emptying the
// log empties the index in one step instead.
const QString kClearAuditSearch = QStringLiteral("INSERT INTO audit_fts (audit_fts) VALUES ('delete-all')");

QAtomicInteger<int> s_connectionCounter;

const QString kClientColumns = QStringLiteral(
    "id, name, email, matter, partner_id, partner_name, status, require_sign_in, phone_confirmation, version, "
    "change_seq, created_at, updated_at, last_access_at, last_access_address, last_access_device, open_sessions");

// A null QString binds as SQL NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(toWireTime(t)) : QVariant(QMetaType::fromType<QString>());
}

ClientRecord clientFromQuery(const QSqlQuery &q)
{
    ClientRecord c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.email = q.value(2).toString();
    c.matter = q.value(3).toString();
    c.partnerId = q.value(4).toLongLong();
    c.partnerName = q.value(5).toString();
    c.status = statusFromName(q.value(6).toString()).value_or(ClientStatus::Draft);
    c.requireSignIn = q.value(7).toBool();
    c.phoneConfirmation = q.value(8).toBool();
    c.version = q.value(9).toLongLong();
    c.changeSeq = q.value(10).toLongLong();
    c.createdAt = fromWireTime(q.value(11).toString());
    c.updatedAt = fromWireTime(q.value(12).toString());
    c.lastAccessAt = fromWireTime(q.value(13).toString());
    c.lastAccessAddress = q.value(14).toString();
    c.lastAccessDevice = q.value(15).toString();
    c.openSessions = q.value(16).toInt();
    return c;
}

// Splits a migration file into statements at semicolons that end a line. Migration
// files are ours, so this simple rule is enough and keeps the runner obvious.
QStringList statementsOf(const QString &sql)
{
    QStringList out;
    QString current;
    for (const auto &line : sql.split(u'\n')) {
        const auto trimmed = line.trimmed();
        if (trimmed.startsWith(QStringLiteral("--")))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            out << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

LocalCache::LocalCache()
    : m_connectionName(QStringLiteral("gatehouse-cache-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{}

LocalCache::~LocalCache()
{
    close();
}

QSqlDatabase LocalCache::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalCache::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

void LocalCache::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        auto db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_filePath.clear();
}

Error LocalCache::storageError(const QString &what, const QString &detail) const
{
    return Error{QString(ErrorCode::StorageError),
                 tr("%1 in the local cache %2 (%3). Check that the folder exists, is writable and has free space; "
                    "if the file is damaged, delete it and Gatehouse will download everything again.")
                     .arg(what, QDir::toNativeSeparators(m_filePath), detail)};
}

Result<void> LocalCache::open(const QString &filePath)
{
    close();
    m_filePath = filePath;
    QDir().mkpath(QFileInfo(filePath).absolutePath());

    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(filePath);
    if (!db.open()) {
        const auto err = storageError(tr("Cannot open the file"), db.lastError().text());
        db = QSqlDatabase();
        close();
        return err;
    }
    // SQLite opens lazily; the first statements are where a directory, a foreign file
    // or a read-only location shows up.
    QSqlQuery q(db);
    for (const auto *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            const auto err = storageError(tr("Cannot prepare the file"), q.lastError().text());
            q = QSqlQuery();
            db = QSqlDatabase();
            close();
            return err;
        }
    }
    q = QSqlQuery();
    db = QSqlDatabase();
    if (auto r = migrate(); !r) {
        close();
        return r;
    }
    return {};
}

int LocalCache::schemaVersion() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QString LocalCache::journalMode() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return {};
    return q.value(0).toString().toLower();
}

Result<void> LocalCache::migrate()
{
    const QDir dir(AppResources::migrationsPath());
    static const QRegularExpression numbered(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    const auto current = schemaVersion();
    if (current < 0)
        return storageError(tr("Cannot read the schema version"), database().lastError().text());

    auto db = database();
    const auto files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const auto &name : files) {
        const auto match = numbered.match(name);
        if (!match.hasMatch())
            continue;
        const int version = match.captured(1).toInt();
        if (version <= current)
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return storageError(tr("Cannot read migration %1").arg(name), f.errorString());
        const auto sql = QString::fromUtf8(f.readAll());

        // One transaction per migration: a crash mid-upgrade leaves the previous version.
        if (!db.transaction())
            return storageError(tr("Cannot start upgrading"), db.lastError().text());
        QSqlQuery q(db);
        auto statements = statementsOf(sql);
        statements << QStringLiteral("PRAGMA user_version = %1").arg(version);
        for (const auto &statement : std::as_const(statements)) {
            if (!q.exec(statement)) {
                const auto err = storageError(tr("Cannot apply migration %1").arg(name), q.lastError().text());
                db.rollback();
                return err;
            }
        }
        if (!db.commit())
            return storageError(tr("Cannot finish migration %1").arg(name), db.lastError().text());
    }
    return {};
}

QString LocalCache::stateValue(const QString &key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

Result<bool> LocalCache::bindTo(const QString &serverUrl, const QString &account)
{
    const auto server = boundServer();
    const auto who = boundAccount();
    if (server == serverUrl && who.compare(account, Qt::CaseInsensitive) == 0)
        return false;

    auto db = database();
    if (!db.transaction())
        return storageError(tr("Cannot start a transaction"), db.lastError().text());
    QSqlQuery q(db);
    const bool cleared = !server.isEmpty() || !who.isEmpty();
    bool ok = q.exec(QStringLiteral("DELETE FROM clients")) && q.exec(QStringLiteral("DELETE FROM audit_events")) &&
              q.exec(kClearAuditSearch) && q.exec(QStringLiteral("DELETE FROM sync_state"));
    if (ok) {
        q.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('server_url', ?), ('account', ?)"));
        q.addBindValue(serverUrl);
        q.addBindValue(account);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        const auto err = storageError(tr("Cannot reset the cache for a new server"), q.lastError().text());
        db.rollback();
        return err;
    }
    return cleared;
}

Result<void> LocalCache::applyClientPage(const ClientPage &page)
{
    auto db = database();
    if (!db.transaction())
        return storageError(tr("Cannot start a transaction"), db.lastError().text());

    QSqlQuery upsert(db);
    QSqlQuery remove(db);
    QSqlQuery cursor(db);
    // An upsert, not INSERT OR REPLACE: REPLACE deletes without firing the delete
    // trigger that keeps the search index (clients_fts) in step.
    QStringList assignments;
    for (const auto &column : kClientColumns.split(QStringLiteral(", ")).mid(1))
        assignments << column + QStringLiteral(" = excluded.") + column;
    bool ok = upsert.prepare(QStringLiteral("INSERT INTO clients (%1) VALUES "
                                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                            "ON CONFLICT (id) DO UPDATE SET %2")
                                 .arg(kClientColumns, assignments.join(QStringLiteral(", ")))) &&
              remove.prepare(QStringLiteral("DELETE FROM clients WHERE id = ?")) &&
              cursor.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('cursor', ?)"));
    QSqlQuery *failed = ok ? nullptr : &upsert;

    for (const auto &c : page.clients) {
        if (failed)
            break;
        if (c.deleted) {
            remove.addBindValue(c.id);
            if (!remove.exec())
                failed = &remove;
            continue;
        }
        upsert.addBindValue(c.id);
        upsert.addBindValue(text(c.name));
        upsert.addBindValue(text(c.email));
        upsert.addBindValue(text(c.matter));
        upsert.addBindValue(c.partnerId > 0 ? QVariant(c.partnerId) : QVariant(QMetaType::fromType<qint64>()));
        upsert.addBindValue(text(c.partnerName));
        upsert.addBindValue(statusName(c.status));
        upsert.addBindValue(c.requireSignIn ? 1 : 0);
        upsert.addBindValue(c.phoneConfirmation ? 1 : 0);
        upsert.addBindValue(c.version);
        upsert.addBindValue(c.changeSeq);
        upsert.addBindValue(timeOrNull(c.createdAt));
        upsert.addBindValue(timeOrNull(c.updatedAt));
        upsert.addBindValue(timeOrNull(c.lastAccessAt));
        upsert.addBindValue(text(c.lastAccessAddress));
        upsert.addBindValue(text(c.lastAccessDevice));
        upsert.addBindValue(c.openSessions);
        if (!upsert.exec())
            failed = &upsert;
    }
    if (!failed) {
        cursor.addBindValue(page.nextCursor);
        if (!cursor.exec())
            failed = &cursor;
    }
    if (failed) {
        const auto err = storageError(tr("Cannot save synced clients"), failed->lastError().text());
        db.rollback();
        return err;
    }
    if (!db.commit()) {
        const auto err = storageError(tr("Cannot save synced clients"), db.lastError().text());
        db.rollback();
        return err;
    }
    return {};
}

Result<void> LocalCache::clear()
{
    auto db = database();
    if (!db.transaction())
        return storageError(tr("Cannot start a transaction"), db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM clients")) || !q.exec(QStringLiteral("DELETE FROM audit_events")) ||
        !q.exec(kClearAuditSearch) ||
        !q.exec(QStringLiteral("DELETE FROM sync_state WHERE key <> 'server_url' AND key <> 'account'")) ||
        !db.commit()) {
        const auto err = storageError(tr("Cannot clear"), q.lastError().text());
        db.rollback();
        return err;
    }
    return {};
}

qint64 LocalCache::clientCount() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM clients")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

std::optional<ClientRecord> LocalCache::client(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM clients WHERE id = ?").arg(kClientColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return clientFromQuery(q);
}

namespace {

// The SQL expression each sort orders by; the indexes in 0002 use exactly these.
QString sortExpression(ClientSort sort)
{
    switch (sort) {
    case ClientSort::Name:
        return QStringLiteral("name COLLATE NOCASE");
    case ClientSort::Email:
        return QStringLiteral("email COLLATE NOCASE");
    case ClientSort::Matter:
        return QStringLiteral("matter COLLATE NOCASE");
    case ClientSort::Partner:
        return QStringLiteral("partner_name COLLATE NOCASE");
    case ClientSort::Status:
        return QStringLiteral("status");
    case ClientSort::RequireSignIn:
        return QStringLiteral("require_sign_in");
    case ClientSort::LastAccess:
        return QStringLiteral("ifnull(last_access_at, '')");
    case ClientSort::OpenSessions:
        return QStringLiteral("open_sessions");
    }
    return QStringLiteral("name COLLATE NOCASE");
}

QStringList statusWhere(const ClientListQuery &query)
{
    return query.status ? QStringList{QStringLiteral("status = :status")} : QStringList{};
}

// The first column of every row of an executed query, as ids.
QList<qint64> readIds(QSqlQuery &q)
{
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void bindStatus(QSqlQuery &q, const ClientListQuery &query)
{
    if (query.status)
        q.bindValue(QStringLiteral(":status"), statusName(*query.status));
}

} // namespace

QVariant LocalCache::sortKey(const ClientRecord &c, ClientSort sort)
{
    switch (sort) {
    case ClientSort::Name:
        return c.name;
    case ClientSort::Email:
        return c.email;
    case ClientSort::Matter:
        return c.matter;
    case ClientSort::Partner:
        return c.partnerName;
    case ClientSort::Status:
        return statusName(c.status);
    case ClientSort::RequireSignIn:
        return c.requireSignIn ? 1 : 0;
    case ClientSort::LastAccess:
        return c.lastAccessAt.isValid() ? toWireTime(c.lastAccessAt) : QString();
    case ClientSort::OpenSessions:
        return c.openSessions;
    }
    return c.name;
}

Result<QList<qint64>> LocalCache::clientIdsInOrder(const ClientListQuery &query) const
{
    // An index-only walk of the sort index (every one ends in id): about 16 ms for
    // 100,000 rows, so the list knows its length and every row's place at once.
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT id FROM clients");
    const QStringList where = statusWhere(query);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 %2, id %2").arg(sortExpression(query.sort), direction);
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(tr("Cannot read clients"), q.lastError().text());
    bindStatus(q, query);
    if (!q.exec())
        return storageError(tr("Cannot read clients"), q.lastError().text());
    return readIds(q);
}

Result<QList<qint64>> LocalCache::clientIdsMatching(const QString &filter) const
{
    const ClientSearch search(filter.trimmed());
    if (search.isEmpty())
        return QList<qint64>();
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(search.matchingIdsSql()))
        return storageError(tr("Cannot search clients"), q.lastError().text());
    search.bindIndexed(q);
    if (!q.exec())
        return storageError(tr("Cannot search clients"), q.lastError().text());
    auto ids = readIds(q);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

Result<qint64> LocalCache::countClientsMatchingUpTo(const QString &filter, qint64 cap) const
{
    const ClientSearch search(filter.trimmed());
    if (search.isEmpty())
        return qint64(0);
    // The index yields ids one by one, so the LIMIT stops its work at `cap`.
    QSqlQuery q(database());
    if (!q.prepare(QStringLiteral("SELECT COUNT(*) FROM (%1 LIMIT :cap)").arg(search.matchingIdsSql())))
        return storageError(tr("Cannot search clients"), q.lastError().text());
    search.bindIndexed(q);
    q.bindValue(QStringLiteral(":cap"), cap);
    if (!q.exec() || !q.next())
        return storageError(tr("Cannot search clients"), q.lastError().text());
    return q.value(0).toLongLong();
}

Result<QList<qint64>> LocalCache::firstClientIdsMatching(const ClientListQuery &query, int limit) const
{
    // Rows in display order through the sort index, each tested as it comes: for a
    // common term the first `limit` matches are among the first few hundred rows.
    const ClientSearch search(query.filter);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QStringList where = statusWhere(query);
    const QString sql =
        QStringLiteral("SELECT id FROM (SELECT id, name, email, matter FROM clients%1 ORDER BY %2 %3, id %3 "
                       "LIMIT :scan) WHERE %4 LIMIT :limit")
            .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")),
                 sortExpression(query.sort), direction, search.scanClause());
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(tr("Cannot search clients"), q.lastError().text());
    bindStatus(q, query);
    search.bindScan(q);
    q.bindValue(QStringLiteral(":scan"), qint64(limit) * 40);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec())
        return storageError(tr("Cannot search clients"), q.lastError().text());
    return readIds(q);
}

Result<QList<ClientRecord>> LocalCache::clientsWithIds(const QList<qint64> &ids) const
{
    QList<ClientRecord> rows;
    rows.reserve(ids.size());
    // Integers from our own list, written into the statement in chunks well under
    // SQLite's limit on terms.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        QStringList list;
        for (qsizetype i = from; i < qMin(ids.size(), from + kChunk); ++i)
            list << QString::number(ids.at(i));
        QSqlQuery q(database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM clients WHERE id IN (%2)").arg(kClientColumns, list.join(u','))))
            return storageError(tr("Cannot read clients"), q.lastError().text());
        while (q.next())
            rows.append(clientFromQuery(q));
    }
    return rows;
}

Result<QList<qint64>> LocalCache::clientIdsStartingWith(ClientSort column, const QString &prefix) const
{
    QString field;
    switch (column) {
    case ClientSort::Name:
        field = QStringLiteral("name");
        break;
    case ClientSort::Email:
        field = QStringLiteral("email");
        break;
    case ClientSort::Matter:
        field = QStringLiteral("matter");
        break;
    case ClientSort::Partner:
        field = QStringLiteral("partner_name");
        break;
    default:
        return QList<qint64>();
    }
    if (prefix.isEmpty())
        return QList<qint64>();
    // A NOCASE range seek on the column's sort index: [prefix, prefix with its last
    // character incremented).
    const QString lo = prefix.toLower();
    QString hi = lo;
    hi[hi.size() - 1] = QChar(char16_t(hi.at(hi.size() - 1).unicode() + 1));
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT id FROM clients WHERE %1 >= :lo COLLATE NOCASE AND %1 < :hi COLLATE NOCASE")
                       .arg(field)))
        return storageError(tr("Cannot search clients"), q.lastError().text());
    q.bindValue(QStringLiteral(":lo"), lo);
    q.bindValue(QStringLiteral(":hi"), hi);
    if (!q.exec())
        return storageError(tr("Cannot search clients"), q.lastError().text());
    return readIds(q);
}

Result<void> LocalCache::setFirmName(const QString &name)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('firm_name', ?)"));
    q.addBindValue(name);
    if (!q.exec())
        return storageError(tr("Cannot save the firm's name"), q.lastError().text());
    return {};
}

Result<void> LocalCache::storeClient(const ClientRecord &client)
{
    // Same path as a synced page, minus the cursor: the next sync still fetches the
    // change, which is harmless (same version) and keeps the cursor honest.
    ClientPage page;
    page.clients << client;
    // The cursor column is NOT NULL; before the first sync it is the empty string.
    page.nextCursor = cursor().isNull() ? QStringLiteral("") : cursor();
    return applyClientPage(page);
}

} // namespace Gatehouse
