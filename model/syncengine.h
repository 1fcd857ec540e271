// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auditstore.h"
#include "common/result.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace Gatehouse {

class LocalCache;
class PortalClient;

// Pulls the server's client feed into the local cache: page after page from the
// stored cursor until the server says there is no more, each page applied in its own
// transaction. A timer repeats this so colleagues' changes show up within seconds.
// When the server cannot be reached the engine goes offline (the cache stays
// readable) and keeps trying on the same timer.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(PortalClient *client, LocalCache *cache, QObject *parent = nullptr);

    // How often to poll while the push channel is down.
    void setInterval(int ms);
    int interval() const { return m_pollMs; }
    // Live: the push channel is up and says when to sync; the timer then only polls
    // every LivePollMs as a safety net. Not live: it polls every interval().
    void setLive(bool live);
    bool isLive() const { return m_live; }
    static constexpr int LivePollMs = 60000;
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Partners and admins sync the whole audit log too; a paralegal may not read it.
    void setAuditEnabled(bool enabled) { m_auditEnabled = enabled; }
    bool auditEnabled() const { return m_auditEnabled; }

    // Syncs now and then every interval(), until stop().
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    // One sync pass now; while one runs, another is queued behind it rather than
    // run in parallel (two passes would race on the cursor).
    void syncNow();

    bool isSyncing() const { return m_syncing; }
    bool isOnline() const { return m_online; }
    QDateTime lastSyncedAt() const { return m_lastSyncedAt; }

signals:
    void started();
    void progress(int rowsReceived);
    void finished(const Gatehouse::Result<void> &result);
    void clientsChanged();
    void auditChanged();
    void onlineChanged(bool online);
    void liveChanged(bool live);

private:
    void fetchNextPage();
    void fetchNextAuditPage();
    void finish(Result<void> result);
    void setOnline(bool online);

    PortalClient *m_client;
    LocalCache *m_cache;
    AuditStore m_audit;
    QTimer m_timer;
    QDateTime m_lastSyncedAt;
    int m_pageSize = 500;
    int m_rowsThisPass = 0;
    bool m_changedThisPass = false;
    bool m_auditChangedThisPass = false;
    bool m_auditEnabled = false;
    bool m_syncing = false;
    bool m_again = false;
    bool m_online = true;
    bool m_live = false;
    int m_pollMs = 5000;
};

} // namespace Gatehouse

Q_DECLARE_METATYPE(Gatehouse::Result<void>)
