// SPDX-License-Identifier: Apache-2.0
#include "managedsettings.h"

#include <QFileInfo>
#include <QUrl>
#include <limits>

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

void ManagedSettings::declare(const QString &key, SettingType type)
{
    m_types.insert(key, type);
}

std::optional<QVariant> ManagedSettings::conform(const QVariant &value, SettingType type)
{
    // QSettings hands INI and REG_SZ values over as QString, REG_DWORD as int, plist
    // values as their own types; a list means the INI line had a comma in it.
    const bool isText = value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray;
    const bool isNumber = value.typeId() == QMetaType::Int || value.typeId() == QMetaType::UInt ||
                          value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::ULongLong;
    switch (type) {
    case SettingType::Text:
        if (isText)
            return QVariant(value.toString());
        return std::nullopt;
    case SettingType::HttpUrl: {
        if (!isText)
            return std::nullopt;
        const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return std::nullopt;
        return QVariant(url.toString());
    }
    case SettingType::Bool:
        if (value.typeId() == QMetaType::Bool)
            return value;
        if (isNumber) {
            const qlonglong n = value.toLongLong();
            if (n == 0 || n == 1)
                return QVariant(n == 1);
            return std::nullopt;
        }
        if (isText) {
            const QString word = value.toString().trimmed().toLower();
            if (word == QLatin1String("true") || word == QLatin1String("1"))
                return QVariant(true);
            if (word == QLatin1String("false") || word == QLatin1String("0"))
                return QVariant(false);
        }
        return std::nullopt;
    case SettingType::PositiveInt: {
        bool ok = false;
        qlonglong n = 0;
        if (isNumber)
            n = value.toLongLong(&ok);
        else if (isText)
            n = value.toString().trimmed().toLongLong(&ok);
        if (!ok || n <= 0 || n > std::numeric_limits<int>::max())
            return std::nullopt;
        return QVariant(int(n));
    }
    }
    return std::nullopt;
}

QString ManagedSettings::describe(SettingType type)
{
    switch (type) {
    case SettingType::Text:
        return QStringLiteral("text (REG_SZ, <string>)");
    case SettingType::HttpUrl:
        return QStringLiteral("an http:// or https:// address (REG_SZ, <string>)");
    case SettingType::Bool:
        return QStringLiteral("true or false (REG_DWORD 1 or 0, <true/> or <false/>)");
    case SettingType::PositiveInt:
        return QStringLiteral("a whole number above zero (REG_DWORD, <integer>)");
    }
    return QString();
}

std::optional<QVariant> ManagedSettings::policyValue(const PolicySource &source, const QString &key,
                                                     const QString &declaredKey) const
{
    auto raw = source.value(key);
    if (!raw)
        return std::nullopt;
    const auto type = m_types.constFind(declaredKey);
    if (type == m_types.cend())
        return raw;
    if (auto fitting = conform(*raw, *type))
        return fitting;
    // Ignored, said once per source and key; the value itself is not logged in full
    // (a mistyped policy could hold anything).
    const QString reportKey = source.name() + u'|' + key;
    if (!m_reported.contains(reportKey)) {
        m_reported.insert(reportKey);
        qWarning("managed setting %s in %s ignored: it holds a value of type %s where %s is expected; the setting is not managed",
                 qPrintable(key), qPrintable(source.name()), raw->metaType().name(), qPrintable(describe(*type)));
    }
    return std::nullopt;
}

SettingValue ManagedSettings::value(const QString &key, const QVariant &defaultValue) const
{
    for (const auto &policy : m_policies) {
        if (auto v = policyValue(*policy, key, key))
            return SettingValue{*v, SettingSource::Policy, true, policy->name()};
    }
    if (m_user->contains(key))
        return SettingValue{m_user->value(key), SettingSource::User, false, m_user->fileName()};
    // A preset from IT still beats the built-in default, but the user may change it.
    const QString presetKey = QStringLiteral("Defaults/") + key;
    for (const auto &policy : m_policies) {
        if (auto v = policyValue(*policy, presetKey, key))
            return SettingValue{*v, SettingSource::Policy, false, policy->name()};
    }
    return SettingValue{defaultValue, SettingSource::Default, false, QString()};
}

bool ManagedSettings::isEnforced(const QString &key) const
{
    for (const auto &policy : m_policies) {
        if (policyValue(*policy, key, key))
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
