// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "managedsettings.h"

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <memory>

namespace Gatehouse {

// The app's non-secret preferences over ManagedSettings, so every read honours IT's
// policy and reports whether a value is enforced. Secrets never come here: see
// SecretStore. Certificate pins live here (a fingerprint is not a secret).
class AppSettings
{
public:
    // The platform's usual place for the user's settings plus the platform's policy.
    AppSettings();
    // An INI file, for tests and portable setups, with the given policy sources
    // (none by default, so tests are not influenced by the machine's policy).
    explicit AppSettings(const QString &iniPath, PolicySources policies = {});

    ManagedSettings &managed() { return *m_settings; }

    QUrl serverUrl() const;
    SettingValue serverUrlSetting() const;
    // False when IT has fixed the server address.
    bool serverUrlChangeable() const;
    void setServerUrl(const QUrl &url);
    QString lastEmail() const;
    void setLastEmail(const QString &email);
    // Shown in the status bar while the server cannot confirm who we are (offline start).
    QString lastStaffName() const;
    void setLastStaffName(const QString &name);

    QByteArray windowState(const QString &window, const QString &part) const;
    void setWindowState(const QString &window, const QString &part, const QByteArray &state);
    QByteArray mainWindowGeometry() const { return windowState(QStringLiteral("main"), QStringLiteral("geometry")); }
    void setMainWindowGeometry(const QByteArray &g)
    {
        setWindowState(QStringLiteral("main"), QStringLiteral("geometry"), g);
    }

    int syncIntervalMs() const;
    void setSyncIntervalMs(int ms);
    QString cacheFilePath() const;
    void setCacheFilePath(const QString &path);
    // Cache policy: IT may require that signing out wipes the local copy.
    SettingValue clearCacheOnSignOut() const;

    // SHA-256 (hex) of the certificate the user approved for a server ("host:port").
    QString pinnedCertificate(const QString &hostPort) const;
    void setPinnedCertificate(const QString &hostPort, const QString &sha256Hex);

    void sync() { m_settings->sync(); }

    // Every setting IT can manage, as the app currently sees it (value, source, whether
    // enforced), for the diagnostics report.
    QList<std::pair<QString, SettingValue>> managedSettings() const;

private:
    void declareTypes();

    std::unique_ptr<ManagedSettings> m_settings;
};

} // namespace Gatehouse
