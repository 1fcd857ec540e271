// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Gatehouse {

class ClientActions;

// How inviting one client of a multi-row selection ended.
struct InviteResult
{
    enum class State { Pending, Sent, RateLimited, Failed, Skipped };
    qint64 clientId = 0;
    QString name;
    State state = State::Pending;
    QString reason;      // why it was not sent, in words the user can act on
    QDateTime expiresAt; // when the sent link stops working (UTC)
};

// Invites a selection of clients one after another through ClientActions, so each
// result is known before the next request and a cancel stops cleanly between two.
// A rate-limited answer does not stop the run: the rest may still go through, and
// the per-row result tells the user which ones to send again later.
class BulkInviter : public QObject
{
    Q_OBJECT

public:
    explicit BulkInviter(ClientActions *actions, QObject *parent = nullptr);

    bool start(const QList<QPair<qint64, QString>> &clients); // (id, name)
    void cancel() { m_cancelled = true; }
    bool isRunning() const { return m_running; }
    const QList<InviteResult> &results() const { return m_results; }

    static QString describe(const InviteResult &result);

signals:
    void progress(int done, int total);
    void rowFinished(int index, const Gatehouse::InviteResult &result);
    void finished();

private:
    void next();

    QPointer<ClientActions> m_actions;
    QList<InviteResult> m_results;
    int m_index = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Gatehouse

Q_DECLARE_METATYPE(Gatehouse::InviteResult)
