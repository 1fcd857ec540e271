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

// Which columns the client list can be sorted by, in SQL (see clientsPage()).
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

// Where a keyset page of the client list continues: after the row whose sort key is
// `value` and whose id is `id` (id breaks ties, so the order is total).
struct ClientListKey
{
    QVariant value;
    qint64 id = 0;
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

    // The cursor to continue the incremental sync from; empty before the first sync.
    QString cursor() const { return stateValue(QStringLiteral("cursor")); }

    // Upserts the page's rows, drops its tombstones and stores its cursor in one
    // transaction: an interrupted sync leaves either all of a page or none of it.
    Result<void> applyClientPage(const ClientPage &page);
    Result<void> clear();

    qint64 clientCount() const;
    std::optional<ClientRecord> client(qint64 id) const;

    // Up to `limit` clients matching `query` in its order, starting after `after`
    // (none: from the top). Every sort key has an index ending in id, so a page costs
    // the same at any depth.
    Result<QList<ClientRecord>> clientsPage(const ClientListQuery &query, const std::optional<ClientListKey> &after,
                                            int limit) const;
    Result<qint64> countClients(const ClientListQuery &query) const;
    // The same count, stopping at `cap`: what the status bar needs on each keystroke
    // without counting 100,000 matches of a common term.
    Result<qint64> countClientsUpTo(const ClientListQuery &query, qint64 cap) const;
    Result<qint64> countClients(const QString &filter) const
    {
        ClientListQuery query;
        query.filter = filter;
        return countClients(query);
    }
    // The sort key of a row for `sort`, as clientsPage() compares it.
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
