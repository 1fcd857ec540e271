// SPDX-License-Identifier: Apache-2.0
#include "appsettings.h"

#include <QDir>
#include <QStandardPaths>

namespace Gatehouse {

namespace {
const QString kServerUrl = QStringLiteral("connection/server_url");
const QString kAllowServerChange = QStringLiteral("connection/allow_server_change");
const QString kLastEmail = QStringLiteral("connection/last_email");
const QString kLastStaffName = QStringLiteral("connection/last_staff_name");
const QString kSyncInterval = QStringLiteral("sync/interval_ms");
const QString kCacheFile = QStringLiteral("cache/file");
const QString kClearOnSignOut = QStringLiteral("cache/clear_on_sign_out");
} // namespace

AppSettings::AppSettings()
    : m_settings(
          std::make_unique<ManagedSettings>(ManagedSettings::platformPolicySources(), std::make_unique<QSettings>()))
{
    declareTypes();
}

// The settings IT may manage, and what each must hold (docs/deployment.md lists them
// with their registry and plist types).
void AppSettings::declareTypes()
{
    m_settings->declare(kServerUrl, SettingType::HttpUrl);
    m_settings->declare(kAllowServerChange, SettingType::Bool);
    m_settings->declare(kSyncInterval, SettingType::PositiveInt);
    m_settings->declare(kCacheFile, SettingType::Text);
    m_settings->declare(kClearOnSignOut, SettingType::Bool);
}

AppSettings::AppSettings(const QString &iniPath, PolicySources policies)
    : m_settings(std::make_unique<ManagedSettings>(std::move(policies),
                                                   std::make_unique<QSettings>(iniPath, QSettings::IniFormat)))
{
    declareTypes();
}

QUrl AppSettings::serverUrl() const
{
    return QUrl(serverUrlSetting().value.toString());
}

SettingValue AppSettings::serverUrlSetting() const
{
    auto v = m_settings->value(kServerUrl);
    // IT may also lock the address by policy "allow_server_change=false" while only
    // presetting it; either way the user sees the field disabled.
    if (!v.enforced && m_settings->isEnforced(kAllowServerChange) &&
        !m_settings->value(kAllowServerChange).value.toBool())
        v.enforced = true;
    return v;
}

bool AppSettings::serverUrlChangeable() const
{
    return !serverUrlSetting().enforced;
}

void AppSettings::setServerUrl(const QUrl &url)
{
    if (serverUrlChangeable())
        m_settings->setValue(kServerUrl, url.toString());
}

QString AppSettings::lastEmail() const
{
    return m_settings->value(kLastEmail).value.toString();
}

void AppSettings::setLastEmail(const QString &email)
{
    m_settings->setValue(kLastEmail, email);
}

QString AppSettings::lastStaffName() const
{
    return m_settings->value(kLastStaffName).value.toString();
}

void AppSettings::setLastStaffName(const QString &name)
{
    m_settings->setValue(kLastStaffName, name);
}

QByteArray AppSettings::windowState(const QString &window, const QString &part) const
{
    return m_settings->value(QStringLiteral("window/%1_%2").arg(window, part)).value.toByteArray();
}

void AppSettings::setWindowState(const QString &window, const QString &part, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/%1_%2").arg(window, part), state);
}

int AppSettings::syncIntervalMs() const
{
    // Below a second would only load the server; the default keeps changes "within seconds".
    return qMax(1000, m_settings->value(kSyncInterval, 5000).value.toInt());
}

void AppSettings::setSyncIntervalMs(int ms)
{
    m_settings->setValue(kSyncInterval, ms);
}

QString AppSettings::cacheFilePath() const
{
    const auto configured = m_settings->value(kCacheFile).value.toString();
    if (!configured.isEmpty())
        return configured;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("cache.sqlite"));
}

void AppSettings::setCacheFilePath(const QString &path)
{
    m_settings->setValue(kCacheFile, path);
}

SettingValue AppSettings::clearCacheOnSignOut() const
{
    return m_settings->value(kClearOnSignOut, false);
}

QString AppSettings::pinnedCertificate(const QString &hostPort) const
{
    return m_settings->value(QStringLiteral("pins/") + hostPort).value.toString();
}

void AppSettings::setPinnedCertificate(const QString &hostPort, const QString &sha256Hex)
{
    m_settings->setValue(QStringLiteral("pins/") + hostPort, sha256Hex);
}

QList<std::pair<QString, SettingValue>> AppSettings::managedSettings() const
{
    auto cache = m_settings->value(kCacheFile);
    if (cache.value.toString().isEmpty())
        cache.value = cacheFilePath();
    return {{kServerUrl, serverUrlSetting()},
            {kAllowServerChange, m_settings->value(kAllowServerChange, true)},
            {kSyncInterval, m_settings->value(kSyncInterval, 5000)},
            {kCacheFile, cache},
            {kClearOnSignOut, clearCacheOnSignOut()}};
}

} // namespace Gatehouse
