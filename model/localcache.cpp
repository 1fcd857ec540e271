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
    const auto n = countClients(QString());
    return n ? *n : -1;
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

void bindStatus(QSqlQuery &q, const ClientListQuery &query)
{
    if (query.status)
        q.bindValue(QStringLiteral(":status"), statusName(*query.status));
}

// Rows the first, scanning attempt of a filtered page may read before giving up and
// asking the index: 15 per wanted row (a term in one row of 15 fills the page here),
// bounded so a reload of many loaded rows stays a few ms.
int scanBudget(int limit)
{
    return qBound(64, limit * 15, 20000);
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

Result<QList<ClientRecord>> LocalCache::clientsPage(const ClientListQuery &query,
                                                    const std::optional<ClientListKey> &after, int limit) const
{
    const QString key = sortExpression(query.sort);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QStringList where = statusWhere(query);
    // Keyset paging: continue strictly after the last row shown (a row-value compare
    // SQLite answers from the index), so each page costs the same however deep.
    if (after)
        where << QStringLiteral("(%1, id) %2 (:k, :id)").arg(key, query.descending ? u"<" : u">");
    const QString order = QStringLiteral(" ORDER BY %1 %2, id %2").arg(key, direction);
    const ClientSearch search(query.filter);

    const auto run = [&](const QString &sql, bool scan) -> Result<QList<ClientRecord>> {
        QSqlQuery q(database());
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return storageError(tr("Cannot read clients"), q.lastError().text());
        bindStatus(q, query);
        if (!search.isEmpty())
            scan ? search.bindScan(q) : search.bindIndexed(q);
        if (after) {
            // A null QString would bind as NULL and compare as unknown: use '' (what
            // ifnull() and empty columns give) instead.
            const bool nullString = after->value.typeId() == QMetaType::QString && after->value.toString().isNull();
            q.bindValue(QStringLiteral(":k"), nullString ? QVariant(QStringLiteral("")) : after->value);
            q.bindValue(QStringLiteral(":id"), after->id);
        }
        q.bindValue(QStringLiteral(":limit"), limit);
        if (scan)
            q.bindValue(QStringLiteral(":scan"), scanBudget(limit));
        if (!q.exec())
            return storageError(tr("Cannot read clients"), q.lastError().text());
        QList<ClientRecord> rows;
        rows.reserve(limit);
        while (q.next())
            rows.append(clientFromQuery(q));
        return rows;
    };
    const QString whereSql =
        where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    if (search.isEmpty())
        return run(QStringLiteral("SELECT %1 FROM clients").arg(kClientColumns) + whereSql + order +
                       QStringLiteral(" LIMIT :limit"),
                   false);

    // A filtered page in two tries. First read the next rows in display order (a
    // bounded window) and test each: a common term fills the page here in a few ms,
    // where an index would first collect tens of thousands of ids just to sort them.
    // If the window does not hold a full page, the term is rare enough that the
    // index's id set is small: ask it. Both tries select the same rows, so the answer
    // does not depend on which one found them.
    const QString scanSql =
        QStringLiteral("SELECT %1 FROM (SELECT * FROM clients%2%3 LIMIT :scan) WHERE %4%3 LIMIT :limit")
            .arg(kClientColumns, whereSql, order, search.scanClause());
    auto scanned = run(scanSql, true);
    if (!scanned || scanned->size() >= limit)
        return scanned;
    where << search.indexedClause();
    return run(QStringLiteral("SELECT %1 FROM clients WHERE ").arg(kClientColumns) +
                   where.join(QStringLiteral(" AND ")) + order + QStringLiteral(" LIMIT :limit"),
               false);
}

Result<qint64> LocalCache::countClients(const ClientListQuery &query) const
{
    return countClientsUpTo(query, std::numeric_limits<qint64>::max());
}

Result<qint64> LocalCache::countClientsUpTo(const ClientListQuery &query, qint64 cap) const
{
    QSqlQuery q(database());
    const ClientSearch search(query.filter);
    QString sql;
    if (search.isEmpty()) {
        sql = QStringLiteral("SELECT COUNT(*) FROM clients");
        if (query.status)
            sql += QStringLiteral(" WHERE status = :status");
    } else {
        sql = search.cappedCountSql(query.status ? QStringLiteral("c.status = :status") : QString());
    }
    if (!q.prepare(sql))
        return storageError(tr("Cannot count clients"), q.lastError().text());
    bindStatus(q, query);
    if (!search.isEmpty()) {
        search.bindIndexed(q);
        q.bindValue(QStringLiteral(":cap"), cap);
    }
    if (!q.exec() || !q.next())
        return storageError(tr("Cannot count clients"), q.lastError().text());
    return q.value(0).toLongLong();
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
