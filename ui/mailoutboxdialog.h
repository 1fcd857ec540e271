// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QDialog>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Gatehouse {

class MailOutboxModel;
class PortalClient;

// The portal's mail outbox for the firm's IT (F16, admins only): what mail is queued,
// being retried or dead, with the last error of each, a state filter, Refresh, and Retry
// for a dead message once the mail server problem is fixed. The message body is never
// shown: the server does not give it out.
class MailOutboxDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MailOutboxDialog(PortalClient *client, QWidget *parent = nullptr);

    // The menu action that opens the dialog; the window shows and enables it for admins.
    static QAction *createAction(PortalClient *client, QWidget *window);

    void refresh();
    // Shows only messages of one wire state ("dead"); empty: all.
    void setStateFilter(const QString &state);
    void retrySelected();
    void retry(qint64 id);

    MailOutboxModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *stateFilter() const { return m_filter; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *refreshButton() const { return m_refresh; }
    QString messageText() const;
    QString detailText() const;

    // What went wrong and what to do about it, for a failed load or retry.
    static QString explain(const Error &error, bool retrying);

private:
    qint64 selectedId() const;
    void selectId(qint64 id);
    void updateSelection();
    void say(const QString &text);

    MailOutboxModel *m_model;
    QComboBox *m_filter;
    QPushButton *m_refresh;
    QTableView *m_view;
    QLabel *m_detail;
    QLabel *m_message;
    QPushButton *m_retry;
    bool m_retrying = false;
};

} // namespace Gatehouse
