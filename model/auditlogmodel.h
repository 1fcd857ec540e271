// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auditstore.h"

#include <QAbstractTableModel>
#include <QCache>

namespace Gatehouse {

// The audit log, newest first, over the local cache, filtered in SQL. The model counts
// the matching events (one COUNT per filter, kept current by refresh(); a free-text
// filter counts in steps, see fetchMore()) so the view knows its length at once, and
// reads rows in blocks around what the view asks for: from a neighbouring cached
// block by id (keyset), or, for a jump far away, by stepping over ids from the nearer
// end. A small LRU of blocks bounds the memory, so
// Ctrl+End on a million events costs one block read, not a million rows.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Time, Type, Actor, Client, Address, Summary, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1 };

    AuditLogModel(LocalCache *cache, QObject *parent = nullptr);
    ~AuditLogModel() override;

    // Rows read at a time, and how many blocks are kept.
    void setBlockSize(int rows) { m_blockSize = qMax(1, rows); }
    static constexpr int CachedBlocks = 64;
    AuditFilter filter() const { return m_filter; }
    void setFilter(const AuditFilter &filter);
    // Counts again and resets the model (a new filter, a new cache).
    void reload();
    // After a sync: inserts the newer events that match the filter at the top, never a
    // reset, so the viewer keeps its selection and detail (D9). The log is append-only,
    // so every new event is newer than every row shown.
    void refresh();

    AuditStore *store() const { return m_store.get(); }
    // The full event behind a row (read from the cache by id).
    std::optional<AuditRow> rowAt(int row) const;
    QString lastError() const { return m_lastError; }

    // Human words for an event type ("client.invited" → "Client invited").
    static QString typeText(const QString &type);
    // A one-line summary of the details object.
    static QString summaryOf(const AuditEvent &event);
    static QString summaryOf(const QJsonObject &details);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Only a free-text filter counts in steps; the others know their count at once.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    static constexpr qint64 kFirstCountStep = 2000;

private:
    // A run of rows read together: rows [first, first + rows.size()).
    struct Block
    {
        qint64 first = 0;
        QList<AuditListRow> rows;
        quint64 used = 0; // for LRU eviction
    };
    // The row, read with its block when no cached block holds it; null when the read
    // failed (lastError says why).
    const AuditListRow *row(int row) const;
    const AuditListRow *cached(qint64 row) const;
    bool readBlock(qint64 first, qint64 end) const;

    std::unique_ptr<AuditStore> m_store;
    LocalCache *m_cache;
    qint64 m_count = 0;
    qint64 m_newestId = 0; // the newest matching event when counted
    qint64 m_countCap = 0; // a free-text count stopped here (0: the count is exact)
    mutable QList<Block> m_blocks;
    mutable quint64 m_tick = 0;
    mutable QCache<qint64, QString> m_summaries{4000};
    AuditFilter m_filter;
    mutable QString m_lastError;
    int m_blockSize = 256;
};

} // namespace Gatehouse
