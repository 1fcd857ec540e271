// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/accessreport.h"

#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace Gatehouse {

class Session;

// The partners' access report (D12): one row per client with last and first access,
// sign-ins, downloads and verified browsers in a period, open sessions, and whether the
// lock and phone confirmation are on. Filters by partner, matter, status and period;
// sorts by any column; opens a client's full trail; exports CSV and PDF. Built from
// the local cache, so it works offline.
class AccessReportDialog : public QMainWindow
{
    Q_OBJECT

public:
    explicit AccessReportDialog(Session *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    AccessReportModel *model() const { return m_model; }
    QComboBox *partnerFilter() const { return m_partner; }
    QLineEdit *matterFilter() const { return m_matter; }
    QComboBox *statusFilter() const { return m_status; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QString summaryText() const;
    AccessReportFilter filter() const;

    // Builds the report for the filter fields now (the UI waits briefly after typing).
    void rebuild();
    void exportCsv();
    void exportPdf();
    // Asks for the trail of the current row's client.
    void openTrail();

signals:
    void trailRequested(qint64 clientId, const QString &name);

private:
    Session *m_session;
    AccessReportModel *m_model;
    QTableView *m_view;
    QComboBox *m_partner;
    QLineEdit *m_matter;
    QComboBox *m_status;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_summary;
    QTimer m_delay;
};

} // namespace Gatehouse
