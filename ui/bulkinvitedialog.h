// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace Gatehouse {

class BulkInviter;
class Session;

// "Invite selected clients": sends the invitations one after another with a progress
// bar and a result per client (sent / rate-limited / failed with the reason). The links
// themselves are not shown: with many clients the mail is the delivery channel, and a
// screen full of live links is a risk.
class BulkInviteDialog : public QDialog
{
    Q_OBJECT

public:
    BulkInviteDialog(Session *session, const QList<QPair<qint64, QString>> &clients, QWidget *parent = nullptr);

    void start();
    bool isFinished() const { return m_finished; }
    BulkInviter *inviter() const { return m_inviter; }
    QTableWidget *resultTable() const { return m_table; }
    QString summaryText() const;

private:
    BulkInviter *m_inviter;
    QList<QPair<qint64, QString>> m_clients;
    QProgressBar *m_progress;
    QTableWidget *m_table;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    bool m_finished = false;
};

} // namespace Gatehouse
