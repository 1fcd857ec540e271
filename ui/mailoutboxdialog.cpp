// SPDX-License-Identifier: Apache-2.0
#include "mailoutboxdialog.h"

#include "common/errorcode.h"
#include "model/mailoutboxmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

MailOutboxDialog::MailOutboxDialog(PortalClient *client, QWidget *parent)
    : QDialog(parent), m_model(new MailOutboxModel(client, this)), m_filter(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Re&fresh"), this)), m_view(new QTableView(this)), m_detail(new QLabel(this)),
      m_message(new QLabel(this)), m_retry(new QPushButton(tr("&Retry"), this))
{
    setWindowTitle(tr("Mail outbox"));
    setAccessibleName(tr("Mail outbox"));

    m_filter->setAccessibleName(tr("Show messages in state"));
    m_filter->addItem(tr("All messages"), QString());
    for (const auto *state : {"queued", "sending", "retrying", "sent", "dead"})
        m_filter->addItem(MailOutboxModel::stateText(QString::fromLatin1(state)), QString::fromLatin1(state));
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    m_refresh->setAccessibleName(tr("Refresh the mail outbox"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setAutoDefault(false);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Messages in the mail outbox"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    const std::initializer_list<std::pair<int, int>> widths{
        {MailOutboxModel::Recipient, 220}, {MailOutboxModel::Kind, 140},        {MailOutboxModel::State, 80},
        {MailOutboxModel::Attempts, 70},   {MailOutboxModel::NextAttempt, 120}, {MailOutboxModel::LastError, 260},
        {MailOutboxModel::Created, 100}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);

    // The whole last error of the selected message: SMTP answers are often longer than
    // the column, and IT needs the exact words to fix the mail server.
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setAccessibleName(tr("Selected message"));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Mail outbox message"));
    m_retry->setAccessibleName(tr("Retry the selected dead message"));
    m_retry->setToolTip(tr("Only dead messages can be retried: Gatehouse gave up on them."));
    m_retry->setEnabled(false);
    m_retry->setAutoDefault(false);

    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addStretch(1);
    top->addWidget(m_refresh);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1100, 520);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { setStateFilter(m_filter->currentData().toString()); });
    connect(m_refresh, &QPushButton::clicked, this, &MailOutboxDialog::refresh);
    connect(m_retry, &QPushButton::clicked, this, &MailOutboxDialog::retrySelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MailOutboxDialog::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MailOutboxDialog::updateSelection);
    connect(m_model, &MailOutboxModel::loadingChanged, this, [this](bool loading) {
        m_refresh->setEnabled(!loading);
        setCursor(loading ? Qt::BusyCursor : Qt::ArrowCursor);
    });
    refresh();
}

QAction *MailOutboxDialog::createAction(PortalClient *client, QWidget *window)
{
    auto *action = new QAction(tr("&Mail outbox…"), window);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    action->setStatusTip(tr("See the mail the portal has queued, is retrying or gave up on, and retry it."));
    connect(action, &QAction::triggered, window, [client, window] {
        auto *dialog = new MailOutboxDialog(client, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return action;
}

QString MailOutboxDialog::messageText() const
{
    return m_message->text();
}

QString MailOutboxDialog::detailText() const
{
    return m_detail->text();
}

void MailOutboxDialog::say(const QString &text)
{
    m_message->setText(text);
}

QString MailOutboxDialog::explain(const Error &error, bool retrying)
{
    const QString &code = error.code;
    if (code == ErrorCode::Forbidden)
        return tr("Only administrators can see and retry the portal's mail. Ask an administrator of your firm.");
    if (code == ErrorCode::Unauthenticated)
        return tr("Your sign-in has ended. Sign in again, then reopen the mail outbox.");
    if (retrying && code == ErrorCode::NotFound)
        return tr("This message is no longer in the outbox. Refresh the list.");
    if (retrying && code == ErrorCode::Conflict)
        return tr("The message was not queued again: %1 Someone may have retried it already; refresh the list to "
                  "see where it stands.")
            .arg(error.message);
    // Network, TLS and server errors already say what to do (PortalClient).
    return retrying ? tr("The message was not queued again: %1").arg(error.message)
                    : tr("The mail outbox could not be loaded: %1").arg(error.message);
}

void MailOutboxDialog::refresh()
{
    const qint64 keep = selectedId();
    QPointer<MailOutboxDialog> guard(this);
    m_model->reload([guard, keep](Result<void> r) {
        if (!guard)
            return;
        if (!r)
            return guard->say(explain(r.error(), false));
        const int count = guard->m_model->rowCount();
        if (count == 0)
            guard->say(guard->m_model->stateFilter().isEmpty() ? tr("The outbox is empty: no mail has been queued.")
                                                               : tr("No messages in this state."));
        else if (count >= MailOutboxModel::LoadLimit)
            guard->say(tr("Showing the newest %n messages.", nullptr, count));
        else
            guard->say(tr("%n message(s).", nullptr, count));
        guard->selectId(keep);
        guard->updateSelection();
    });
}

void MailOutboxDialog::setStateFilter(const QString &state)
{
    // Keep the combo box in step when a caller (or a test) sets the filter directly.
    if (const int i = m_filter->findData(state); i >= 0 && i != m_filter->currentIndex()) {
        m_filter->setCurrentIndex(i); // its signal comes back here
        return;
    }
    m_model->setStateFilter(state);
    refresh();
}

qint64 MailOutboxDialog::selectedId() const
{
    const auto current = m_view->currentIndex();
    return current.isValid() ? current.data(MailOutboxModel::MessageIdRole).toLongLong() : 0;
}

void MailOutboxDialog::selectId(qint64 id)
{
    const int row = id > 0 ? m_model->rowOf(id) : -1;
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void MailOutboxDialog::updateSelection()
{
    const auto m = m_model->messageAt(m_view->currentIndex().row());
    m_retry->setEnabled(m && m->state == u"dead" && !m_retrying);
    if (!m) {
        m_detail->clear();
        return;
    }
    const QString what =
        tr("%1 to %2 — %3, %n attempt(s).", nullptr, m->attempts)
            .arg(MailOutboxModel::kindText(m->templateName), m->to, MailOutboxModel::stateText(m->state));
    m_detail->setText(m->lastError.isEmpty() ? what : what + u'\n' + tr("Last error: %1").arg(m->lastError));
}

void MailOutboxDialog::retrySelected()
{
    if (const qint64 id = selectedId(); id > 0)
        retry(id);
    else
        say(tr("Select a dead message first."));
}

void MailOutboxDialog::retry(qint64 id)
{
    m_retrying = true;
    updateSelection();
    say(tr("Queueing the message again…"));
    QPointer<MailOutboxDialog> guard(this);
    m_model->retry(id, [guard](Result<OutboxMessage> r) {
        if (!guard)
            return;
        guard->m_retrying = false;
        guard->updateSelection();
        if (!r)
            return guard->say(explain(r.error(), true));
        guard->say(tr("The message to %1 (%2) is queued again with a fresh set of attempts and will be sent "
                      "within moments. If the mail server still refuses it, it comes back here as Retrying, then "
                      "Dead.")
                       .arg(r->to, MailOutboxModel::kindText(r->templateName)));
    });
}

} // namespace Gatehouse
