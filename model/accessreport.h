// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

namespace Gatehouse {

class LocalCache;

// What a partner's access report covers (D12). Empty fields do not narrow.
struct AccessReportFilter
{
    QString partner;                    // responsible partner's name (case-insensitive)
    QString matter;                     // text the matter contains
    std::optional<ClientStatus> status; // one status
    QDateTime from, to;                 // UTC, [from, to): the period counts cover
};

// One client's row: the client's access state as last synced, and what the synced
// audit log says the client did.
struct AccessReportRow
{
    qint64 clientId = 0;
    QString name;
    QString matter;
    QString partner;
    ClientStatus status = ClientStatus::Draft;
    QDateTime lastAccessAt; // UTC; invalid: never
    QString lastAccessAddress;
    QString lastAccessDevice;
    QDateTime firstAccessAt;  // the first portal session in the synced log; invalid: none
    int signIns = 0;          // portal sessions started in the period
    int downloads = 0;        // documents downloaded in the period
    int browsersVerified = 0; // browsers verified in the period
    int openSessions = 0;
    bool requireSignIn = false;
    bool phoneConfirmation = false;
};

// Builds the report from the local cache alone (so it works offline): the clients
// table for each client's state and three grouped counts over the audit log, each an
// in-order read of the (type, client_id, time) index.
class AccessReport
{
    Q_DECLARE_TR_FUNCTIONS(AccessReport)

public:
    // The rows in the cache's order (by id: a sequential read, where name order would
    // cost a random read per row); AccessReportModel sorts them as the view asks.
    static Result<QList<AccessReportRow>> build(const LocalCache &cache, const AccessReportFilter &filter);
    // The responsible partners named in the cache, for the filter's list.
    static QStringList partners(const LocalCache &cache);
};

// The report as a table the view sorts by any column (in memory: the rows are built
// once per filter).
class AccessReportModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Client,
        Matter,
        Partner,
        Status,
        LastAccess,
        LastAddress,
        LastDevice,
        FirstAccess,
        SignIns,
        Downloads,
        OpenSessions,
        BrowsersVerified,
        RequireSignIn,
        PhoneConfirmation,
        ColumnCount
    };
    enum Role { ClientIdRole = Qt::UserRole + 1 };

    explicit AccessReportModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(QList<AccessReportRow> rows);
    const QList<AccessReportRow> &rows() const { return m_rows; }
    const AccessReportRow &rowAt(int row) const { return m_rows.at(row); }

    // The text a cell shows, also what the CSV and PDF exports write.
    static QString headerText(int column);
    static QString cellText(const AccessReportRow &row, int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QList<AccessReportRow> m_rows;
};

} // namespace Gatehouse
