// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <optional>

namespace Gatehouse {

// Which columns the client list can be sorted by, in SQL (see clientIdsInOrder()).
enum class ClientSort { Name, Email, Matter, Partner, Status, RequireSignIn, LastAccess, OpenSessions };

// What the client list shows: a filter over name, email and matter, an optional
// status, and the sort order. Everything is evaluated in SQL.
struct ClientListQuery
{
    QString filter;
    std::optional<ClientStatus> status;
    ClientSort sort = ClientSort::Name;
    bool descending = false;
};

// The app's local SQLite copy of what it has synced, so the client list opens
// instantly and stays readable offline. One named Qt Sql connection per instance
// (use it from the thread that created it). Schema changes are numbered migration
// files shipped as resources; PRAGMA user_version records how far we got.
class LocalCache
{
    Q_DECLARE_TR_FUNCTIONS(LocalCache)

public:
    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    // Opens (creating if needed) and migrates the file. StorageError names the file.
    Result<void> open(const QString &filePath);
    void close();
    bool isOpen() const;
    QString filePath() const { return m_filePath; }
    QString connectionName() const { return m_connectionName; }

    int schemaVersion() const;
    QString journalMode() const;

    // Ties the cache to one server and account. When it held another one's data, that
    // data is removed first, so two firms' or colleagues' clients never mix.
    // Yields true when something was cleared.
    Result<bool> bindTo(const QString &serverUrl, const QString &account);
    QString boundServer() const { return stateValue(QStringLiteral("server_url")); }
    QString boundAccount() const { return stateValue(QStringLiteral("account")); }

    // The firm's name as the server last gave it (printed on reports made offline).
    QString firmName() const { return stateValue(QStringLiteral("firm_name")); }
    Result<void> setFirmName(const QString &name);

    // The cursor to continue the incremental sync from; empty before the first sync.
    QString cursor() const { return stateValue(QStringLiteral("cursor")); }

    // Upserts the page's rows, drops its tombstones and stores its cursor in one
    // transaction: an interrupted sync leaves either all of a page or none of it.
    Result<void> applyClientPage(const ClientPage &page);
    Result<void> clear();

    qint64 clientCount() const;
    std::optional<ClientRecord> client(qint64 id) const;

    // The ids of the clients with the query's status, in its order (its filter text
    // is not applied: see clientIdsMatching()). Every sort key has an index ending in
    // id, so this is an index-only walk.
    Result<QList<qint64>> clientIdsInOrder(const ClientListQuery &query) const;
    // The ids of the clients whose name, email or matter matches `filter` (see
    // ClientSearch for what matches), ascending and without repeats.
    Result<QList<qint64>> clientIdsMatching(const QString &filter) const;
    // How many clients match `filter`, counting no further than `cap`.
    Result<qint64> countClientsMatchingUpTo(const QString &filter, qint64 cap) const;
    // The first ids (up to `limit`) of the clients matching `query` in its order, found
    // by testing rows in display order with LIKE (see ClientSearch::scanClause()):
    // cheap for a common term, an approximation for case outside ASCII. Fewer than
    // `limit` when the first rows hold fewer matches.
    Result<QList<qint64>> firstClientIdsMatching(const ClientListQuery &query, int limit) const;
    // The rows with these ids, in no particular order; ids not in the cache are skipped.
    Result<QList<ClientRecord>> clientsWithIds(const QList<qint64> &ids) const;
    // The ids of the clients whose `column` starts with `prefix` (case-insensitive), for
    // type-ahead; only the text columns (name, email, matter, partner) answer.
    Result<QList<qint64>> clientIdsStartingWith(ClientSort column, const QString &prefix) const;
    // The sort key of a row for `sort`, as clientIdsInOrder() orders it.
    static QVariant sortKey(const ClientRecord &client, ClientSort sort);
    // Writes one row as the server now has it (after a write or a 412 refresh).
    Result<void> storeClient(const ClientRecord &client);

    // For tests and diagnostics that need raw SQL on this cache's connection.
    QSqlDatabase database() const;

private:
    QString stateValue(const QString &key) const;
    Result<void> migrate();
    Error storageError(const QString &what, const QString &detail) const;

    QString m_connectionName;
    QString m_filePath;
};

} // namespace Gatehouse
