// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auditstore.h"

#include <QAbstractTableModel>
#include <QCache>

namespace Gatehouse {

// The audit log, newest first, over the local cache: keyset pages by id through
// canFetchMore/fetchMore, filters in SQL, so a million events cost one page of
// memory per scroll step.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Time, Type, Actor, Client, Address, Summary, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1 };

    AuditLogModel(LocalCache *cache, QObject *parent = nullptr);
    ~AuditLogModel() override;

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    AuditFilter filter() const { return m_filter; }
    void setFilter(const AuditFilter &filter);
    // Reads again from the top and resets the model (a new filter, a new cache).
    void reload();
    // After a sync: inserts the newer events that match the filter above the loaded
    // rows, never a reset, so the viewer keeps its selection and detail (D9). The log is
    // append-only, so nothing below the newest loaded row can have changed.
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
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<AuditListRow> load(int limit);

    std::unique_ptr<AuditStore> m_store;
    LocalCache *m_cache;
    QList<AuditListRow> m_rows;
    mutable QCache<qint64, QString> m_summaries{4000};
    AuditFilter m_filter;
    QString m_lastError;
    int m_pageSize = 300;
    bool m_exhausted = false;
    bool m_fetching = false;
};

} // namespace Gatehouse
