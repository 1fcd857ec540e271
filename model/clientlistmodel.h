// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "localcache.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QList>
#include <QTimer>

namespace Gatehouse {

// The client list over the local cache. The model holds the ordered ids of every
// matching client (800 KB at 100,000 clients, read from a sort index in about 16 ms),
// so it knows its length and each client's row at once: the scroll bar is true from
// the start, and Ctrl+End, a drag of the scroll bar or a jump to a client by name cost
// one block read wherever they land. The rows themselves are read in blocks around
// what the view asks for and kept in a small LRU cache.
class ClientListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Email, Matter, Partner, Status, RequireSignIn, LastAccess, OpenSessions, ColumnCount };
    // StatusRole: the ClientStatus (as int) of the Status column, for the badge painter.
    enum Role { ClientIdRole = Qt::UserRole + 1, ClientVersionRole, StatusRole };

    explicit ClientListModel(LocalCache *cache, QObject *parent = nullptr);

    // Rows read from the cache at a time around a row the view asks for.
    void setBlockSize(int rows) { m_blockSize = qMax(1, rows); }
    int blockSize() const { return m_blockSize; }
    // How many rows the block cache keeps at most.
    static constexpr int CachedRows = 4096;

    QString filterText() const { return m_query.filter; }
    // Filters by name, email or matter (see ClientSearch). A term most clients contain
    // shows its first screen at once and completes right after (completed()).
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

    // Reads the cache again and resets the model (a new cache, a cleared cache).
    void reload();
    // Reads the cache again after a sync and tells the views only what changed:
    // dataChanged for changed rows, row moves for rows whose sort key changed, and
    // targeted inserts and removals for rows that came or went. Never a reset, so a
    // colleague's change keeps this user's selection, current row and scroll
    // position (D9).
    void refresh();

    // A status in words, as the list shows it.
    static QString statusText(ClientStatus status);

    // How many clients match the filter (the row count: every match has its row, once
    // the list is complete).
    qint64 matchingCount() const { return m_ids.size(); }
    // False between a first screen of a common term and its completion (see
    // setFilterText()); completed() then follows.
    bool isComplete() const { return m_complete; }
    // A filter matching at least this many clients shows its first screen first.
    static constexpr int CommonTerm = 5000;
    static constexpr int FirstScreen = 256;
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
    // Type-ahead in the name, email, matter or partner column (what a view's keyboard
    // search asks: starts-with, wrapping): answered with an index seek, not by reading
    // every row.
    QModelIndexList match(const QModelIndex &start, int role, const QVariant &value, int hits = 1,
                          Qt::MatchFlags flags = Qt::MatchFlags(Qt::MatchStartsWith | Qt::MatchWrap)) const override;

signals:
    void requireSignInToggled(qint64 clientId, bool enabled);
    // The rest of a common term's matches arrived (rows inserted after the first screen).
    void completed();

private:
    // The row's client, read with its block when it is not cached; null when the cache
    // no longer has it (deleted since the last refresh).
    ClientRecord *record(int row) const;
    bool loadIds(QList<qint64> *ids);
    bool showFirstScreen();
    void completeFilter();
    void resetIds();
    void applyIds(const QList<qint64> &fresh);
    void refreshCachedRecords();

    LocalCache *m_cache;
    QList<qint64> m_ids; // the rows, in order
    mutable QCache<qint64, ClientRecord> m_records{CachedRows};
    // The unfiltered order for the current status and sort, kept while only the filter
    // text changes, so a keystroke costs the text's matches and one pass.
    QList<qint64> m_ordered;
    bool m_orderedValid = false;
    ClientListQuery m_query;
    mutable QString m_lastError;
    int m_blockSize = 256;
    QTimer m_completion; // completes a first screen after it is painted
    bool m_complete = true;
    bool m_editable = true;
};

} // namespace Gatehouse
