// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QUrl>
#include <memory>

namespace Gatehouse {

// Non-secret preferences (QSettings). Secrets never come here: see SecretStore.
class AppSettings
{
public:
    // The platform's usual place for the application's settings.
    AppSettings();
    // An INI file, for tests and portable setups.
    explicit AppSettings(const QString &iniPath);

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    QString lastEmail() const;
    void setLastEmail(const QString &email);
    // Shown in the status bar while the server cannot confirm who we are (offline start).
    QString lastStaffName() const;
    void setLastStaffName(const QString &name);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    int syncIntervalMs() const;
    void setSyncIntervalMs(int ms);
    QString cacheFilePath() const;
    void setCacheFilePath(const QString &path);

    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gatehouse
