// SPDX-License-Identifier: Apache-2.0
#include "managedsettings.h"

#include <QFileInfo>

namespace Gatehouse {

QSettingsPolicySource::QSettingsPolicySource(const QString &name, std::unique_ptr<QSettings> settings)
    : m_name(name), m_settings(std::move(settings))
{}

std::optional<QVariant> QSettingsPolicySource::value(const QString &key) const
{
    if (!m_settings->contains(key))
        return std::nullopt;
    return m_settings->value(key);
}

ManagedSettings::ManagedSettings(PolicySources policies, std::unique_ptr<QSettings> user)
    : m_policies(std::move(policies)), m_user(std::move(user))
{}

PolicySources ManagedSettings::platformPolicySources()
{
    PolicySources sources;
#if defined(Q_OS_WIN)
    // Machine policy outranks the user's policy, as Group Policy does.
    for (const auto *root : {"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER"}) {
        const QString path = QString::fromLatin1(root) + QStringLiteral("\\Software\\Policies\\Gatehouse\\Gatehouse");
        sources.push_back(
            std::make_unique<QSettingsPolicySource>(path, std::make_unique<QSettings>(path, QSettings::NativeFormat)));
    }
#elif defined(Q_OS_MACOS)
    // MDM profiles land here; the user cannot write to this folder.
    const QString plist = QStringLiteral("/Library/Managed Preferences/invalid.gatehouse.Gatehouse.plist");
    sources.push_back(
        std::make_unique<QSettingsPolicySource>(plist, std::make_unique<QSettings>(plist, QSettings::NativeFormat)));
#else
    const QString conf = QStringLiteral("/etc/xdg/Gatehouse/policy.conf");
    if (QFileInfo::exists(conf))
        sources.push_back(
            std::make_unique<QSettingsPolicySource>(conf, std::make_unique<QSettings>(conf, QSettings::IniFormat)));
#endif
    return sources;
}

SettingValue ManagedSettings::value(const QString &key, const QVariant &defaultValue) const
{
    for (const auto &policy : m_policies) {
        if (auto v = policy->value(key))
            return SettingValue{*v, SettingSource::Policy, true, policy->name()};
    }
    if (m_user->contains(key))
        return SettingValue{m_user->value(key), SettingSource::User, false, m_user->fileName()};
    // A preset from IT still beats the built-in default, but the user may change it.
    const QString presetKey = QStringLiteral("Defaults/") + key;
    for (const auto &policy : m_policies) {
        if (auto v = policy->value(presetKey))
            return SettingValue{*v, SettingSource::Policy, false, policy->name()};
    }
    return SettingValue{defaultValue, SettingSource::Default, false, QString()};
}

bool ManagedSettings::isEnforced(const QString &key) const
{
    for (const auto &policy : m_policies) {
        if (policy->value(key))
            return true;
    }
    return false;
}

bool ManagedSettings::setValue(const QString &key, const QVariant &value)
{
    if (isEnforced(key))
        return false;
    m_user->setValue(key, value);
    return true;
}

void ManagedSettings::remove(const QString &key)
{
    m_user->remove(key);
}

} // namespace Gatehouse
