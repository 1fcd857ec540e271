// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "localcache.h"

#include <QAbstractTableModel>
#include <QList>

namespace Gatehouse {

// The client list over the local cache. Rows arrive in keyset pages through
// canFetchMore/fetchMore, so a list of 100,000 clients costs one page of memory and
// SQL per scroll step; filtering runs in SQL too.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Email, Matter, Partner, Status, RequireSignIn, LastAccess, OpenSessions, ColumnCount };
    // StatusRole: the ClientStatus (as int) of the Status column, for the badge painter.
    enum Role { ClientIdRole = Qt::UserRole + 1, ClientVersionRole, StatusRole };

    explicit ClientListModel(LocalCache *cache, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    QString filterText() const { return m_query.filter; }
    void setFilterText(const QString &text);
    std::optional<ClientStatus> statusFilter() const { return m_query.status; }
    void setStatusFilter(std::optional<ClientStatus> status);
    ClientListQuery query() const { return m_query; }

    // Sorting happens in SQL (every column has an index), so it is as cheap at
    // 100,000 rows as at ten.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    std::optional<ClientRecord> clientAt(int row) const;
    int rowOf(qint64 clientId) const;
    // Replaces a loaded row in place (after a server answer or an optimistic change).
    void updateRow(const ClientRecord &client);

    // Reads the cache again from the top and resets the model (a new cache, a cleared
    // cache); keeps at least as many rows loaded as before.
    void reload();
    // Reads the cache again after a sync and tells the views only what changed:
    // dataChanged for changed rows, row moves for rows whose sort key changed, and
    // targeted inserts and removals for rows entering or leaving the loaded window.
    // Never a reset, so a colleague's change keeps this user's selection, current row
    // and scroll position (D9).
    void refresh();

    // How many clients match the filter in the cache, loaded or not.
    qint64 matchingCount() const;
    // Stops counting at `cap` (the status bar shows "1,000+"), so a keystroke never
    // counts every match of a common term.
    qint64 matchingCountUpTo(qint64 cap) const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The require-sign-in checkbox: the row changes at once (optimistic) and
    // requireSignInToggled asks the owner to make it so on the server.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void setEditable(bool editable) { m_editable = editable; }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void requireSignInToggled(qint64 clientId, bool enabled);

private:
    QList<ClientRecord> loadAfter(int limit);
    void resetTo(int rows);
    void applyWindow(const QList<ClientRecord> &fresh);
    static QString statusText(ClientStatus status);

    LocalCache *m_cache;
    QList<ClientRecord> m_rows;
    ClientListQuery m_query;
    QString m_lastError;
    int m_pageSize = 200;
    bool m_exhausted = false;
    bool m_fetching = false;
    bool m_editable = true;
};

} // namespace Gatehouse
