// SPDX-License-Identifier: Apache-2.0
#include "secretstore.h"

#include "common/errorcode.h"

#include <qt6keychain/keychain.h>

namespace Gatehouse {

namespace {

Error keychainError(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error{QString(ErrorCode::KeychainError),
                     SecretStore::tr("No system keychain is available; Gatehouse needs one to keep your sign-in safe. "
                                     "On Linux, install and unlock GNOME Keyring or KWallet, then try again (%1).")
                         .arg(job->errorString())};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{QString(ErrorCode::KeychainError),
                     SecretStore::tr("Access to the system keychain was denied. Unlock your keychain and allow "
                                     "Gatehouse to use it, then try again.")};
    default:
        return Error{QString(ErrorCode::KeychainError),
                     SecretStore::tr("The system keychain failed: %1. Check that it is running and unlocked, then "
                                     "try again.")
                         .arg(job->errorString())};
    }
}

template<typename Job> Job *prepare(Job *job, const QString &key)
{
    job->setAutoDelete(true);
    job->setKey(key);
    // Never let QtKeychain write the secret to a plain settings file.
    job->setInsecureFallback(false);
    return job;
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) {}

QString SecretStore::keyFor(const QUrl &server, const QString &email)
{
    // "https://host" and "https://host/" are one server; the key must not depend on it.
    auto normalised = server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (normalised.path() == u"/")
        normalised.setPath(QString());
    return normalised.toString() + u'|' + email.trimmed().toLower();
}

void SecretStore::readToken(const QString &key, std::function<void(Result<QString>)> done)
{
    auto *job = prepare(new QKeychain::ReadPasswordJob(m_service, this), key);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() == QKeychain::EntryNotFound)
            return done(QString());
        if (j->error() != QKeychain::NoError) {
            m_lastFailure = j->errorString();
            return done(keychainError(j));
        }
        done(qobject_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void SecretStore::writeToken(const QString &key, const QString &token, std::function<void(Result<void>)> done)
{
    auto *job = prepare(new QKeychain::WritePasswordJob(m_service, this), key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            m_lastFailure = j->errorString();
            return done(keychainError(j));
        }
        done(Result<void>());
    });
    job->start();
}

void SecretStore::deleteToken(const QString &key, std::function<void(Result<void>)> done)
{
    auto *job = prepare(new QKeychain::DeletePasswordJob(m_service, this), key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            return done(keychainError(j));
        done(Result<void>());
    });
    job->start();
}

} // namespace Gatehouse
