// SPDX-License-Identifier: Apache-2.0
#include "appsettings.h"

#include <QDir>
#include <QStandardPaths>

namespace Gatehouse {

namespace {
const QString kServerUrl = QStringLiteral("connection/server_url");
const QString kLastEmail = QStringLiteral("connection/last_email");
const QString kLastStaffName = QStringLiteral("connection/last_staff_name");
const QString kGeometry = QStringLiteral("window/main_geometry");
const QString kSyncInterval = QStringLiteral("sync/interval_ms");
const QString kCacheFile = QStringLiteral("cache/file");
} // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

QUrl AppSettings::serverUrl() const
{
    return QUrl(m_settings->value(kServerUrl).toString());
}

void AppSettings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(kServerUrl, url.toString());
}

QString AppSettings::lastEmail() const
{
    return m_settings->value(kLastEmail).toString();
}

void AppSettings::setLastEmail(const QString &email)
{
    m_settings->setValue(kLastEmail, email);
}

QString AppSettings::lastStaffName() const
{
    return m_settings->value(kLastStaffName).toString();
}

void AppSettings::setLastStaffName(const QString &name)
{
    m_settings->setValue(kLastStaffName, name);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

int AppSettings::syncIntervalMs() const
{
    // Below a second would only load the server; the default keeps changes "within seconds".
    return qMax(1000, m_settings->value(kSyncInterval, 5000).toInt());
}

void AppSettings::setSyncIntervalMs(int ms)
{
    m_settings->setValue(kSyncInterval, ms);
}

QString AppSettings::cacheFilePath() const
{
    const auto configured = m_settings->value(kCacheFile).toString();
    if (!configured.isEmpty())
        return configured;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("cache.sqlite"));
}

void AppSettings::setCacheFilePath(const QString &path)
{
    m_settings->setValue(kCacheFile, path);
}

} // namespace Gatehouse
