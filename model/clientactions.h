// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"
#include "portalclient.h"

#include <QObject>

namespace Gatehouse {

class ClientListModel;
class LocalCache;
class SyncEngine;

// Every change staff make to a client goes through here: it refuses while offline
// (with the reason), writes through PortalClient, stores the server's answer in the
// cache and the visible row, and turns a stale-version conflict (HTTP 412) into an
// explanation plus a refreshed row — never a silent overwrite.
class ClientActions : public QObject
{
    Q_OBJECT

public:
    ClientActions(PortalClient *client, LocalCache *cache, ClientListModel *model, SyncEngine *sync,
                  QObject *parent = nullptr);

    // Empty when changes are possible; otherwise why not, for tooltips and messages.
    QString unavailableReason() const;

    // The list's checkbox: the row already shows the new value; on failure it reverts.
    void setRequireSignIn(qint64 clientId, bool enabled);
    void setPhoneConfirmation(qint64 clientId, bool enabled, PortalClient::Callback<ClientRecord> done);
    // PATCH with the version the user saw. On 412 the row is refreshed from the server
    // and the error explains that a colleague changed it first.
    void update(qint64 clientId, qint64 seenVersion, const QJsonObject &changes,
                PortalClient::Callback<ClientRecord> done);
    void create(const ClientRecord &client, PortalClient::Callback<ClientRecord> done);
    void invite(qint64 clientId, PortalClient::Callback<IssuedLink> done);
    void regenerate(qint64 clientId, const QString &reason, bool includeDocuments,
                    PortalClient::Callback<IssuedLink> done);
    void revoke(qint64 clientId, const QString &reason, PortalClient::Callback<ClientRecord> done);
    void endSessions(qint64 clientId, const QString &reason, PortalClient::Callback<int> done);
    void confirmPhoneCode(qint64 clientId, const QString &code, PortalClient::Callback<void> done);

    PortalClient *client() const { return m_client; }

signals:
    void actionFailed(const QString &message);
    void clientChanged(const Gatehouse::ClientRecord &client);

private:
    bool refuseWhenOffline(const std::function<void(Error)> &fail);
    void remember(const ClientRecord &client);
    void refreshAfterConflict(qint64 clientId);

    PortalClient *m_client;
    LocalCache *m_cache;
    ClientListModel *m_model;
    SyncEngine *m_sync;
};

} // namespace Gatehouse
