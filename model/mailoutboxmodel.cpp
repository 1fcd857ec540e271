// SPDX-License-Identifier: Apache-2.0
#include "mailoutboxmodel.h"

#include "common/errorcode.h"
#include "portalclient.h"
#include "relativetime.h"

#include <QFont>
#include <QLocale>

namespace Gatehouse {

namespace {

QString localTime(const QDateTime &utc, QLocale::FormatType format)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), format) : QString();
}

} // namespace

MailOutboxModel::MailOutboxModel(PortalClient *client, QObject *parent) : QAbstractTableModel(parent), m_client(client)
{}

QString MailOutboxModel::kindText(const QString &templateName)
{
    // The template names of resources/server/mail; an unknown one (a newer server) is
    // shown as it came rather than hidden.
    if (templateName == u"invite")
        return tr("Invitation");
    if (templateName == u"sign_in")
        return tr("Sign-in link");
    if (templateName == u"new_sign_in")
        return tr("New sign-in notice");
    if (templateName == u"verify_browser")
        return tr("Browser confirmation");
    if (templateName == u"phone_code")
        return tr("Phone code");
    if (templateName == u"test")
        return tr("Test mail");
    return templateName;
}

QString MailOutboxModel::stateText(const QString &state)
{
    if (state == u"queued")
        return tr("Queued");
    if (state == u"sending")
        return tr("Sending");
    if (state == u"retrying")
        return tr("Retrying");
    if (state == u"sent")
        return tr("Sent");
    if (state == u"dead")
        return tr("Dead");
    return state;
}

void MailOutboxModel::reload(std::function<void(Result<void>)> done)
{
    if (!m_client) {
        if (done)
            done(Error{QString(ErrorCode::Internal), tr("Not connected to a server.")});
        return;
    }
    const quint64 generation = ++m_generation;
    if (m_loading++ == 0)
        emit loadingChanged(true);
    QPointer<MailOutboxModel> guard(this);
    m_client->mailOutbox(m_state, LoadLimit,
                         [guard, generation, done = std::move(done)](Result<QList<OutboxMessage>> r) {
                             if (!guard)
                                 return;
                             if (--guard->m_loading == 0)
                                 emit guard->loadingChanged(false);
                             // A newer load (another filter, a second Refresh) decides what is shown.
                             if (generation != guard->m_generation)
                                 return;
                             if (r)
                                 guard->setMessages(*r);
                             if (done)
                                 done(r ? Result<void>() : Result<void>(r.error()));
                         });
}

void MailOutboxModel::retry(qint64 id, std::function<void(Result<OutboxMessage>)> done)
{
    if (!m_client)
        return done(Error{QString(ErrorCode::Internal), tr("Not connected to a server.")});
    QPointer<MailOutboxModel> guard(this);
    m_client->retryMail(id, [guard, done = std::move(done)](Result<OutboxMessage> r) {
        if (guard && r) {
            if (const int row = guard->rowOf(r->id); row >= 0) {
                guard->m_messages[row] = *r;
                emit guard->dataChanged(guard->index(row, 0), guard->index(row, ColumnCount - 1));
            }
        }
        done(std::move(r));
    });
}

void MailOutboxModel::setMessages(const QList<OutboxMessage> &messages)
{
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

std::optional<OutboxMessage> MailOutboxModel::messageAt(int row) const
{
    if (row < 0 || row >= m_messages.size())
        return std::nullopt;
    return m_messages.at(row);
}

int MailOutboxModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_messages.size(); ++row) {
        if (m_messages.at(row).id == id)
            return row;
    }
    return -1;
}

QDateTime MailOutboxModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

int MailOutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MailOutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant MailOutboxModel::display(const OutboxMessage &m, int column) const
{
    switch (column) {
    case Recipient:
        return m.to;
    case Kind:
        return kindText(m.templateName);
    case State:
        return stateText(m.state);
    case Attempts:
        return m.attempts;
    case NextAttempt:
        if (!m.nextAttemptAt.isValid())
            return QString();
        // A past due time means the sender will pick it up at its next poll; today's
        // attempts need only the time of day.
        if (m.nextAttemptAt <= now())
            return tr("due now");
        if (m.nextAttemptAt.toLocalTime().date() == now().toLocalTime().date())
            return QLocale().toString(m.nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat);
        return localTime(m.nextAttemptAt, QLocale::ShortFormat);
    case LastError:
        // One line in the table; the whole text is in the tooltip and the detail label.
        return m.lastError.section(u'\n', 0, 0);
    case Created:
        return relativeTime(m.createdAt, now());
    case Sent:
        return m.sentAt.isValid() ? relativeTime(m.sentAt, now()) : QString();
    }
    return {};
}

QVariant MailOutboxModel::toolTip(const OutboxMessage &m, int column) const
{
    switch (column) {
    case NextAttempt:
        return localTime(m.nextAttemptAt, QLocale::LongFormat);
    case LastError:
        return m.lastError;
    case Created:
        return localTime(m.createdAt, QLocale::LongFormat);
    case Sent:
        return localTime(m.sentAt, QLocale::LongFormat);
    case State:
        return m.state == u"dead" ? tr("Gatehouse gave up on this message; IT can retry it once the mail server "
                                       "problem is fixed.")
                                  : QString();
    default:
        return {};
    }
}

QVariant MailOutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(m, index.column());
    case Qt::ToolTipRole: {
        const QVariant tip = toolTip(m, index.column());
        return tip.toString().isEmpty() ? QVariant() : tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == Attempts)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == State && m.state == u"dead") {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case MessageIdRole:
        return m.id;
    case StateRole:
        return m.state;
    case RetryableRole:
        return m.state == u"dead";
    default:
        return {};
    }
}

QVariant MailOutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Recipient:
        return tr("Recipient");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case Attempts:
        return tr("Attempts");
    case NextAttempt:
        return tr("Next attempt");
    case LastError:
        return tr("Last error");
    case Created:
        return tr("Created");
    case Sent:
        return tr("Sent");
    }
    return {};
}

} // namespace Gatehouse
