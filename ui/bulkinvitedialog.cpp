// SPDX-License-Identifier: Apache-2.0
#include "bulkinvitedialog.h"

#include "model/bulkinviter.h"
#include "model/session.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gatehouse {

BulkInviteDialog::BulkInviteDialog(Session *session, const QList<QPair<qint64, QString>> &clients, QWidget *parent)
    : QDialog(parent), m_inviter(new BulkInviter(session->actions(), this)), m_clients(clients),
      m_progress(new QProgressBar(this)), m_table(new QTableWidget(int(clients.size()), 2, this)),
      m_summary(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Invite %n client(s)", nullptr, int(clients.size())));
    m_progress->setRange(0, int(clients.size()));
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Invitation progress"));
    m_table->setHorizontalHeaderLabels({tr("Client"), tr("Result")});
    m_table->setAccessibleName(tr("Invitation results"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 200);
    for (int i = 0; i < clients.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(clients.at(i).second));
        m_table->setItem(i, 1, new QTableWidgetItem(tr("Waiting")));
    }
    m_summary->setWordWrap(true);

    connect(m_inviter, &BulkInviter::progress, m_progress, &QProgressBar::setValue);
    connect(m_inviter, &BulkInviter::rowFinished, this, [this](int index, const InviteResult &r) {
        QString text = BulkInviter::describe(r);
        if (r.state == InviteResult::State::Sent && r.expiresAt.isValid())
            text = tr("Sent; the link works until %1")
                       .arg(QLocale().toString(r.expiresAt.toLocalTime(), QLocale::ShortFormat));
        m_table->item(index, 1)->setText(text);
    });
    connect(m_inviter, &BulkInviter::finished, this, [this] {
        m_finished = true;
        m_summary->setText(summaryText());
        m_buttons->setStandardButtons(QDialogButtonBox::Close);
    });
    // Cancel stops between two invitations; the one in flight still gets its answer.
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_inviter->isRunning())
            m_inviter->cancel();
        else
            reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(560, 380);
}

void BulkInviteDialog::start()
{
    m_inviter->start(m_clients);
}

QString BulkInviteDialog::summaryText() const
{
    int sent = 0;
    int limited = 0;
    int failed = 0;
    for (const auto &r : m_inviter->results()) {
        if (r.state == InviteResult::State::Sent)
            ++sent;
        else if (r.state == InviteResult::State::RateLimited)
            ++limited;
        else
            ++failed;
    }
    QString text = tr("%n invitation(s) sent.", nullptr, sent);
    if (limited > 0) {
        text += u' ';
        text += tr("%n rate-limited: try those again later.", nullptr, limited);
    }
    if (failed > 0) {
        text += u' ';
        text += tr("%n not sent: see the reason next to each.", nullptr, failed);
    }
    return text;
}

} // namespace Gatehouse
