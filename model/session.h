// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"

#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace Gatehouse {

class AppSettings;
class AuditLogModel;
class CertificateApprover;
class CertificateTrust;
class ClientActions;
class ClientListModel;
class LocalCache;
class PortalClient;
class PushChannel;
class SecretStore;
class SyncEngine;

// The signed-in state of the app and the only place that ties the pieces together:
// sign-in → token into the keychain → cache bound to this server and account → sync.
// At startup it tries the stored token first and asks for a password only when that
// token is missing or rejected. The UI drives the app through this class alone.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(AppSettings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~Session() override;

    AppSettings *settings() const { return m_settings; }
    PortalClient *client() const { return m_client; }
    LocalCache *cache() const { return m_cache.get(); }
    SyncEngine *sync() const { return m_sync; }
    PushChannel *push() const { return m_push; }
    ClientListModel *clients() const { return m_clients; }
    ClientActions *actions() const { return m_actions; }
    AuditLogModel *audit() const { return m_audit; }
    CertificateTrust *certificateTrust() const { return m_trust.get(); }
    // Who answers "trust this certificate?" (a dialog in the app, a stub in tests).
    void setCertificateApprover(CertificateApprover *approver);

    bool isSignedIn() const { return m_signedIn; }
    StaffMember staff() const { return m_staff; }
    QUrl serverUrl() const;

    // Startup: stored token → GET /me → sync, or signInRequired().
    void restore();
    void signIn(const QUrl &server, const QString &email, const QString &password, const QString &totp,
                std::function<void(Result<void>)> done);
    void signIn(const QUrl &server, const QString &email, const QString &password,
                std::function<void(Result<void>)> done)
    {
        signIn(server, email, password, QString(), std::move(done));
    }
    // Ends the sign-in; with clearCache (or when IT's policy demands it) the local copy
    // of clients and audit events is wiped too.
    void signOut(bool clearCache = false);
    bool canReadFullAudit() const;
    // Opens the cache for a server and account and loads the models (done by sign-in
    // and restore; public for tools like the benchmark that start from a cache).
    Result<void> openCache(const QUrl &server, const QString &email);

signals:
    void signedIn();
    // `reason` says why a password is needed again; empty on a first start.
    void signInRequired(const QString &reason);
    void signedOut();
    // Something the user should know that does not stop the work.
    void warning(const QString &message);
    // Signed in, but the token could not be kept in the system keychain: the next start
    // will ask for the password again. `detail` is the keychain's own reason.
    void keychainFailed(const QString &detail);

private:
    void becomeSignedIn(const QUrl &server, const StaffMember &staff);
    void forgetToken(const QUrl &server, const QString &email);
    void onSyncFinished(const Result<void> &result);

    AppSettings *m_settings;
    SecretStore *m_secrets;
    PortalClient *m_client;
    std::unique_ptr<LocalCache> m_cache;
    SyncEngine *m_sync;
    PushChannel *m_push;
    ClientListModel *m_clients;
    ClientActions *m_actions;
    AuditLogModel *m_audit;
    std::unique_ptr<CertificateTrust> m_trust;
    StaffMember m_staff;
    bool m_signedIn = false;
};

} // namespace Gatehouse
