// SPDX-License-Identifier: Apache-2.0
#include "session.h"

#include "appsettings.h"
#include "auditlogmodel.h"
#include "certificatetrust.h"
#include "clientactions.h"
#include "clientlistmodel.h"
#include "common/errorcode.h"
#include "localcache.h"
#include "portalclient.h"
#include "pushchannel.h"
#include "secretstore.h"
#include "syncengine.h"

#include <QPointer>

namespace Gatehouse {

Session::Session(AppSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_settings(settings), m_secrets(secrets), m_client(new PortalClient(this)),
      m_cache(std::make_unique<LocalCache>()), m_sync(new SyncEngine(m_client, m_cache.get(), this)),
      m_push(new PushChannel(this)), m_clients(new ClientListModel(m_cache.get(), this)),
      m_actions(new ClientActions(m_client, m_cache.get(), m_clients, m_sync, this)),
      m_audit(new AuditLogModel(m_cache.get(), this)), m_trust(std::make_unique<CertificateTrust>(settings))
{
    m_client->setCertificateTrust(m_trust.get());
    // The push channel tells the sync engine when to sync; polling covers its absence.
    m_push->setCertificateTrust(m_trust.get());
    connect(m_push, &PushChannel::changed, m_sync, &SyncEngine::syncNow);
    connect(m_push, &PushChannel::connectedChanged, m_sync, &SyncEngine::setLive);
    // A sync updates rows in place (never a model reset): a colleague's change must not
    // take away this user's selection or scroll position.
    connect(m_sync, &SyncEngine::clientsChanged, m_clients, &ClientListModel::refresh);
    connect(m_sync, &SyncEngine::auditChanged, m_audit, &AuditLogModel::refresh);
    connect(m_sync, &SyncEngine::onlineChanged, m_clients, &ClientListModel::setEditable);
    connect(m_sync, &SyncEngine::finished, this, &Session::onSyncFinished);
}

Session::~Session()
{
    // The models and the engine point into the cache; let them go first.
    delete m_actions;
    delete m_audit;
    delete m_clients;
    delete m_sync;
}

QUrl Session::serverUrl() const
{
    return m_client->baseUrl();
}

Result<void> Session::openCache(const QUrl &server, const QString &email)
{
    const auto path = m_settings->cacheFilePath();
    if (!m_cache->isOpen() || m_cache->filePath() != path) {
        if (auto r = m_cache->open(path); !r)
            return r;
    }
    auto bound = m_cache->bindTo(server.toString(), email.trimmed().toLower());
    if (!bound)
        return bound.error();
    m_clients->reload();
    m_audit->reload();
    return {};
}

void Session::setCertificateApprover(CertificateApprover *approver)
{
    m_trust->setApprover(approver);
}

bool Session::canReadFullAudit() const
{
    return m_staff.role == StaffRole::Partner || m_staff.role == StaffRole::Admin;
}

void Session::restore()
{
    const auto server = m_settings->serverUrl();
    const auto email = m_settings->lastEmail();
    if (!server.isValid() || server.host().isEmpty() || email.isEmpty()) {
        emit signInRequired(QString());
        return;
    }
    // The keychain job lives on after us if the app quits early; the guard keeps its
    // answer from reaching a destroyed session.
    QPointer<Session> guard(this);
    m_secrets->readToken(SecretStore::keyFor(server, email), [guard, server, email](Result<QString> token) {
        if (!guard)
            return;
        Session *self = guard;
        if (!token)
            return emit self->signInRequired(token.error().message);
        if (token->isEmpty())
            return emit self->signInRequired(QString());
        self->m_client->setBaseUrl(server);
        self->m_client->setToken(*token);
        if (auto opened = self->openCache(server, email); !opened)
            return emit self->signInRequired(opened.error().message);

        self->m_client->me([self, server, email](Result<StaffMember> me) {
            if (me)
                return self->becomeSignedIn(server, *me);
            if (me.error().code == ErrorCode::NetworkError) {
                // Offline start: the token may well be good; show the cached list and
                // let the sync engine find the server when it comes back.
                StaffMember known;
                known.email = email;
                known.name = self->m_settings->lastStaffName();
                return self->becomeSignedIn(server, known);
            }
            self->forgetToken(server, email);
            emit self->signInRequired(me.error().code == ErrorCode::Unauthenticated
                                          ? tr("Your sign-in has expired. Please sign in again.")
                                          : me.error().message);
        });
    });
}

void Session::signIn(const QUrl &server, const QString &email, const QString &password, const QString &totp,
                     std::function<void(Result<void>)> done)
{
    m_sync->stop();
    m_signedIn = false;
    m_client->setBaseUrl(server);
    m_client->setToken(QString());
    m_client->signIn(email, password, totp, [this, server, email, done = std::move(done)](Result<SignInGrant> grant) {
        if (!grant)
            return done(grant.error());
        if (auto opened = openCache(server, email); !opened)
            return done(opened.error());
        m_client->setToken(grant->token);
        QPointer<Session> guard(this);
        const auto staff = grant->staff;
        m_secrets->writeToken(SecretStore::keyFor(server, email), grant->token,
                              [guard, server, staff, done](Result<void> stored) {
                                  if (!guard)
                                      return;
                                  guard->becomeSignedIn(server, staff);
                                  // After signedIn, so the window that shows the notice is up.
                                  if (!stored) {
                                      const auto detail = guard->m_secrets->lastFailureDetail();
                                      emit guard->keychainFailed(detail.isEmpty() ? stored.error().message : detail);
                                  }
                                  done(Result<void>());
                              });
    });
}

void Session::becomeSignedIn(const QUrl &server, const StaffMember &staff)
{
    m_staff = staff;
    m_signedIn = true;
    m_settings->setServerUrl(server);
    m_settings->setLastEmail(staff.email);
    if (!staff.name.isEmpty())
        m_settings->setLastStaffName(staff.name);
    m_sync->setAuditEnabled(canReadFullAudit());
    emit signedIn();
    m_sync->setInterval(m_settings->syncIntervalMs());
    m_sync->start();
    m_push->start(server, m_client->token());
}

void Session::forgetToken(const QUrl &server, const QString &email)
{
    m_client->setToken(QString());
    m_secrets->deleteToken(SecretStore::keyFor(server, email), [](Result<void>) {});
}

void Session::onSyncFinished(const Result<void> &result)
{
    if (result.ok() || result.error().code != ErrorCode::Unauthenticated || !m_signedIn)
        return;
    // The server no longer accepts our token (expired or revoked by an admin).
    m_push->stop();
    m_sync->stop();
    m_signedIn = false;
    forgetToken(serverUrl(), m_staff.email);
    emit signInRequired(tr("Your sign-in has expired. Please sign in again."));
}

void Session::signOut(bool clearCache)
{
    m_push->stop();
    m_sync->stop();
    const auto server = serverUrl();
    const auto email = m_staff.email;
    // Best effort: the server ends the session if it can be reached; locally the token
    // is gone either way. The cached list stays, bound to this account.
    if (m_client->hasToken())
        m_client->signOut([](Result<void>) {});
    forgetToken(server, email);
    if ((clearCache || m_settings->clearCacheOnSignOut().value.toBool()) && m_cache->isOpen()) {
        if (auto cleared = m_cache->clear(); !cleared)
            emit warning(cleared.error().message);
        m_clients->reload();
        m_audit->reload();
    }
    m_signedIn = false;
    m_staff = StaffMember();
    emit signedOut();
}

} // namespace Gatehouse
