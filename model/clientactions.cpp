// SPDX-License-Identifier: Apache-2.0
#include "clientactions.h"

#include "clientlistmodel.h"
#include "common/errorcode.h"
#include "localcache.h"
#include "syncengine.h"

#include <QPointer>

namespace Gatehouse {

ClientActions::ClientActions(PortalClient *client, LocalCache *cache, ClientListModel *model, SyncEngine *sync,
                             QObject *parent)
    : QObject(parent), m_client(client), m_cache(cache), m_model(model), m_sync(sync)
{
    connect(m_model, &ClientListModel::requireSignInToggled, this, &ClientActions::setRequireSignIn);
}

QString ClientActions::unavailableReason() const
{
    if (!m_sync->isOnline())
        return tr("The server cannot be reached, so changes are disabled. Gatehouse keeps trying and turns them "
                  "back on as soon as the server answers.");
    return {};
}

bool ClientActions::refuseWhenOffline(const std::function<void(Error)> &fail)
{
    const auto reason = unavailableReason();
    if (reason.isEmpty())
        return false;
    fail(Error{QString(ErrorCode::NetworkError), reason});
    return true;
}

void ClientActions::remember(const ClientRecord &client)
{
    // The cache gets the row at once so the list and the detail pane agree with the
    // server without waiting for the next sync.
    if (m_cache->isOpen())
        (void)m_cache->storeClient(client);
    m_model->updateRow(client);
    emit clientChanged(client);
}

void ClientActions::refreshAfterConflict(qint64 clientId)
{
    QPointer<ClientActions> guard(this);
    m_client->getClient(clientId, [guard](Result<ClientRecord> current) {
        if (guard && current)
            guard->remember(*current);
    });
}

void ClientActions::setRequireSignIn(qint64 clientId, bool enabled)
{
    const auto revert = [this, clientId](const QString &message) {
        if (const auto cached = m_cache->client(clientId))
            m_model->updateRow(*cached);
        emit actionFailed(message);
    };
    if (refuseWhenOffline([&](const Error &e) { revert(e.message); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->setRequireSignIn(clientId, enabled, [guard, revert, enabled](Result<ClientRecord> r) {
        if (!guard)
            return;
        if (!r)
            return revert(enabled ? tr("Could not require sign-in for this client: %1").arg(r.error().message)
                                  : tr("Could not stop requiring sign-in for this client: %1").arg(r.error().message));
        guard->remember(*r);
    });
}

void ClientActions::setPhoneConfirmation(qint64 clientId, bool enabled, PortalClient::Callback<ClientRecord> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->setPhoneConfirmation(clientId, enabled, [guard, done](Result<ClientRecord> r) {
        if (guard && r)
            guard->remember(*r);
        done(std::move(r));
    });
}

void ClientActions::update(qint64 clientId, qint64 seenVersion, const QJsonObject &changes,
                           PortalClient::Callback<ClientRecord> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->updateClient(clientId, seenVersion, changes, [guard, clientId, done](Result<ClientRecord> r) {
        if (!guard)
            return;
        if (r) {
            guard->remember(*r);
            return done(std::move(r));
        }
        if (r.error().code == ErrorCode::PreconditionFailed) {
            guard->refreshAfterConflict(clientId);
            return done(Error{r.error().code,
                              tr("Someone else changed this client while you were editing, so your change was not "
                                 "saved. The client now shows their version; check it and make your change again.")});
        }
        done(std::move(r));
    });
}

void ClientActions::create(const ClientRecord &client, PortalClient::Callback<ClientRecord> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->createClient(client, [guard, done](Result<ClientRecord> r) {
        if (guard && r) {
            (void)guard->m_cache->storeClient(*r);
            guard->m_sync->syncNow();
        }
        done(std::move(r));
    });
}

void ClientActions::invite(qint64 clientId, PortalClient::Callback<IssuedLink> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->invite(clientId, [guard, done](Result<IssuedLink> r) {
        if (guard && r)
            guard->remember(r->client);
        done(std::move(r));
    });
}

void ClientActions::regenerate(qint64 clientId, const QString &reason, bool includeDocuments,
                               PortalClient::Callback<IssuedLink> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->regenerate(clientId, reason, includeDocuments, [guard, done](Result<IssuedLink> r) {
        if (guard && r)
            guard->remember(r->client);
        done(std::move(r));
    });
}

void ClientActions::revoke(qint64 clientId, const QString &reason, PortalClient::Callback<ClientRecord> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->revoke(clientId, reason, [guard, done](Result<ClientRecord> r) {
        if (guard && r)
            guard->remember(*r);
        done(std::move(r));
    });
}

void ClientActions::endSessions(qint64 clientId, const QString &reason, PortalClient::Callback<int> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    QPointer<ClientActions> guard(this);
    m_client->endSessions(clientId, reason, [guard, done](Result<int> r) {
        if (guard && r)
            guard->m_sync->syncNow();
        done(std::move(r));
    });
}

void ClientActions::confirmPhoneCode(qint64 clientId, const QString &code, PortalClient::Callback<void> done)
{
    if (refuseWhenOffline([&](Error e) { done(std::move(e)); }))
        return;
    m_client->confirmPhoneCode(clientId, code, std::move(done));
}

} // namespace Gatehouse
