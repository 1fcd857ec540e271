// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QObject>
#include <QUrl>
#include <functional>

namespace Gatehouse {

// The API token lives in the operating system's keychain (Secret Service, Keychain,
// Credential Manager) through QtKeychain, and nowhere else: there is deliberately no
// plaintext fallback. Every call answers once, asynchronously, with a Result.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(const QString &service = QStringLiteral("Gatehouse"), QObject *parent = nullptr);

    // One entry per server and account: "<server url>|<email>".
    static QString keyFor(const QUrl &server, const QString &email);

    // An empty string when there is no entry: "not signed in yet" is not an error.
    void readToken(const QString &key, std::function<void(Result<QString>)> done);
    void writeToken(const QString &key, const QString &token, std::function<void(Result<void>)> done);
    // Deleting an entry that is not there succeeds.
    void deleteToken(const QString &key, std::function<void(Result<void>)> done);
    // The keychain's own words for the last failure ("Cannot autolaunch D-Bus…"), for a
    // notice that quotes them; empty when nothing failed yet.
    QString lastFailureDetail() const { return m_lastFailure; }

private:
    QString m_service;
    QString m_lastFailure;
};

} // namespace Gatehouse
