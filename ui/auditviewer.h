// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QComboBox;
class QDateEdit;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace Gatehouse {

class Session;
class AuditLogModel;

// The audit-log viewer (D6): every synced event newest first, loaded lazily from the
// cache; filters by client, event type, actor, date range and free text (all in
// SQL); a detail pane with every field; export of the filtered view to CSV, and to
// PDF for partners; and the chain status the app verified itself (R4).
class AuditViewer : public QMainWindow
{
    Q_OBJECT

public:
    explicit AuditViewer(Session *session, QWidget *parent = nullptr);
    ~AuditViewer() override;

    QTableView *view() const { return m_view; }
    QLineEdit *clientFilter() const { return m_client; }
    QComboBox *typeFilter() const { return m_type; }
    QLineEdit *actorFilter() const { return m_actor; }
    QLineEdit *textFilter() const { return m_text; }
    QCheckBox *dateFilterEnabled() const { return m_useDates; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QAction *pdfAction() const { return m_pdf; }
    QString chainText() const;
    QString detailText() const;

    // Applies the filter fields now (the UI waits briefly after typing).
    void applyFilters();
    // One client's full trail (from the access report): every filter cleared, the log
    // narrowed to this client's id; editing the client field lets go of it.
    void showClientTrail(qint64 clientId, const QString &name);
    void exportCsv();
    void exportPdf();
    void refreshChainStatus();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showDetail();

    Session *m_session;
    AuditLogModel *m_model;
    qint64 m_clientId = 0; // a trail opened from the report; 0: filter by the client field
    QTableView *m_view;
    QLineEdit *m_client;
    QComboBox *m_type;
    QLineEdit *m_actor;
    QLineEdit *m_text;
    QCheckBox *m_useDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_chain;
    QPlainTextEdit *m_detail;
    QAction *m_pdf = nullptr;
    QTimer m_delay;
};

} // namespace Gatehouse
