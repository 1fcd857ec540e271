// SPDX-License-Identifier: Apache-2.0
#include "syncengine.h"

#include "common/errorcode.h"
#include "localcache.h"
#include "portalclient.h"

namespace Gatehouse {

SyncEngine::SyncEngine(PortalClient *client, LocalCache *cache, QObject *parent)
    : QObject(parent), m_client(client), m_cache(cache), m_audit(cache)
{
    qRegisterMetaType<Result<void>>();
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
}

void SyncEngine::setInterval(int ms)
{
    m_pollMs = qMax(1, ms);
    if (!m_live)
        m_timer.setInterval(m_pollMs);
}

void SyncEngine::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    m_timer.setInterval(live ? LivePollMs : m_pollMs);
    if (!live && m_timer.isActive())
        syncNow(); // whatever was pushed while the socket went down
    emit liveChanged(live);
}

void SyncEngine::start()
{
    m_timer.start();
    syncNow();
}

void SyncEngine::stop()
{
    m_timer.stop();
    m_again = false;
}

void SyncEngine::syncNow()
{
    if (m_syncing) {
        m_again = true;
        return;
    }
    m_syncing = true;
    m_again = false;
    m_rowsThisPass = 0;
    m_changedThisPass = false;
    m_auditChangedThisPass = false;
    emit started();
    fetchNextPage();
}

void SyncEngine::fetchNextPage()
{
    m_client->fetchClients(m_cache->cursor(), m_pageSize, [this](Result<ClientPage> page) {
        if (!page)
            return finish(page.error());
        setOnline(true);
        if (auto applied = m_cache->applyClientPage(*page); !applied)
            return finish(applied.error());
        m_rowsThisPass += int(page->clients.size());
        m_changedThisPass = m_changedThisPass || !page->clients.isEmpty();
        emit progress(m_rowsThisPass);
        // Each page is already committed, so stopping between pages is safe: the next
        // pass resumes from the stored cursor.
        if (page->hasMore)
            return fetchNextPage();
        if (m_auditEnabled)
            return fetchNextAuditPage();
        m_lastSyncedAt = QDateTime::currentDateTimeUtc();
        finish(Result<void>());
    });
}

void SyncEngine::fetchNextAuditPage()
{
    AuditQuery query;
    query.afterId = m_audit.cursor();
    query.limit = 500; // the server's maximum page
    m_client->audit(query, [this](Result<AuditPage> page) {
        if (!page) {
            // A role change on the server (demoted to paralegal) is not a sync failure.
            if (page.error().code == ErrorCode::Forbidden) {
                m_auditEnabled = false;
                m_lastSyncedAt = QDateTime::currentDateTimeUtc();
                return finish(Result<void>());
            }
            return finish(page.error());
        }
        // Each page is committed with its cursor and chain state, as for clients.
        if (auto applied = m_audit.applyPage(page->events); !applied)
            return finish(applied.error());
        m_auditChangedThisPass = m_auditChangedThisPass || !page->events.isEmpty();
        m_rowsThisPass += int(page->events.size());
        emit progress(m_rowsThisPass);
        if (page->hasMore && !page->events.isEmpty())
            return fetchNextAuditPage();
        m_lastSyncedAt = QDateTime::currentDateTimeUtc();
        finish(Result<void>());
    });
}

void SyncEngine::finish(Result<void> result)
{
    if (!result.ok()) {
        const auto &code = result.error().code;
        if (code == ErrorCode::NetworkError)
            setOnline(false);
    }
    m_syncing = false;
    if (m_changedThisPass)
        emit clientsChanged();
    if (m_auditChangedThisPass)
        emit auditChanged();
    emit finished(result);
    if (m_again && result.ok())
        syncNow();
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace Gatehouse
