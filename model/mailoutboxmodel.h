// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "portaltypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <functional>

namespace Gatehouse {

class PortalClient;

// The server's mail outbox as IT sees it (F16, admins only): recipient, kind of mail,
// state, attempts, next attempt, last error, created and sent. Loaded live from the
// server (the outbox is not part of the local cache: it changes by the second and only
// admins may read it). The body is never here; the API does not return it.
class MailOutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Recipient, Kind, State, Attempts, NextAttempt, LastError, Created, Sent, ColumnCount };
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        StateRole, // the wire state ("dead"), whatever the language of the display text
        RetryableRole,
    };
    // How many messages one load asks for: the API's upper limit.
    static constexpr int LoadLimit = 500;

    explicit MailOutboxModel(PortalClient *client, QObject *parent = nullptr);

    // The state to show ("queued", "sending", "retrying", "sent", "dead"; empty: all).
    QString stateFilter() const { return m_state; }
    void setStateFilter(const QString &state) { m_state = state; }
    // Loads the newest messages of the current filter; `done` (optional) gets the outcome.
    // A load answered after a newer one started is dropped, so the view never goes back.
    void reload(std::function<void(Result<void>)> done = {});
    bool isLoading() const { return m_loading > 0; }
    // Puts a dead message back in the queue; on success its row shows the server's answer.
    void retry(qint64 id, std::function<void(Result<OutboxMessage>)> done);

    void setMessages(const QList<OutboxMessage> &messages);
    std::optional<OutboxMessage> messageAt(int row) const;
    int rowOf(qint64 id) const;
    // "Now" for the relative times; tests pin it, the app leaves it to the clock.
    void setNow(const QDateTime &utc) { m_now = utc; }

    // Readable words for the wire names ("sign_in" → "Sign-in link", "dead" → "Dead").
    static QString kindText(const QString &templateName);
    static QString stateText(const QString &state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadingChanged(bool loading);

private:
    QVariant display(const OutboxMessage &m, int column) const;
    QVariant toolTip(const OutboxMessage &m, int column) const;
    QDateTime now() const;

    QPointer<PortalClient> m_client;
    QList<OutboxMessage> m_messages;
    QString m_state;
    QDateTime m_now;
    quint64 m_generation = 0; // the newest load; older answers are dropped
    int m_loading = 0;
};

} // namespace Gatehouse
