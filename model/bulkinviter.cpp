// SPDX-License-Identifier: Apache-2.0
#include "bulkinviter.h"

#include "clientactions.h"
#include "common/errorcode.h"

namespace Gatehouse {

BulkInviter::BulkInviter(ClientActions *actions, QObject *parent) : QObject(parent), m_actions(actions) {}

bool BulkInviter::start(const QList<QPair<qint64, QString>> &clients)
{
    if (m_running || clients.isEmpty())
        return false;
    m_results.clear();
    for (const auto &[id, name] : clients) {
        InviteResult r;
        r.clientId = id;
        r.name = name;
        m_results.append(r);
    }
    m_index = 0;
    m_running = true;
    m_cancelled = false;
    emit progress(0, int(m_results.size()));
    next();
    return true;
}

QString BulkInviter::describe(const InviteResult &result)
{
    switch (result.state) {
    case InviteResult::State::Pending:
        return tr("Waiting");
    case InviteResult::State::Sent:
        return tr("Sent");
    case InviteResult::State::RateLimited:
        return tr("Rate-limited: %1").arg(result.reason);
    case InviteResult::State::Failed:
        return tr("Failed: %1").arg(result.reason);
    case InviteResult::State::Skipped:
        return tr("Not sent: %1").arg(result.reason);
    }
    return {};
}

void BulkInviter::next()
{
    if (m_index >= m_results.size() || m_cancelled || !m_actions) {
        // Whatever was not reached is named as such, never left "pending".
        for (qsizetype i = m_index; i < m_results.size(); ++i) {
            m_results[i].state = InviteResult::State::Skipped;
            m_results[i].reason = m_actions ? tr("cancelled before it was sent") : tr("signed out");
            emit rowFinished(int(i), m_results.at(i));
        }
        m_running = false;
        emit finished();
        return;
    }
    QPointer<BulkInviter> guard(this);
    m_actions->invite(m_results.at(m_index).clientId, [guard](Result<IssuedLink> r) {
        if (!guard)
            return;
        auto &self = *guard;
        InviteResult &row = self.m_results[self.m_index];
        if (r) {
            row.state = InviteResult::State::Sent;
            row.expiresAt = r->expiresAt;
        } else {
            row.state = r.error().code == ErrorCode::RateLimited ? InviteResult::State::RateLimited
                                                                 : InviteResult::State::Failed;
            row.reason = r.error().message;
        }
        emit self.rowFinished(self.m_index, row);
        ++self.m_index;
        emit self.progress(self.m_index, int(self.m_results.size()));
        self.next();
    });
}

} // namespace Gatehouse
