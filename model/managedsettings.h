// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QSet>
#include <QSettings>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>
#include <vector>

namespace Gatehouse {

// What a setting's value must be. Policy arrives as whatever the source holds: REG_SZ
// or REG_DWORD from the registry, string, boolean or integer from a plist, text from an
// INI file. A policy value that is not of the declared type is ignored and logged, so
// the setting shows as unmanaged instead of being half-applied.
enum class SettingType {
    Text,       // any text
    HttpUrl,    // an absolute http:// or https:// address
    Bool,       // true/false, 1/0 (a DWORD), or the words "true"/"false"
    PositiveInt // a whole number above zero (a DWORD or digits)
};

// Where a setting's value came from.
enum class SettingSource { Default, User, Policy };

// A setting as the app sees it: the value, where it came from, and whether IT has
// enforced it (then the UI shows the control disabled with "managed by your
// organisation", never hidden, and writes are refused).
struct SettingValue
{
    QVariant value;
    SettingSource source = SettingSource::Default;
    bool enforced = false;
    QString origin; // a human name of the source, e.g. "/etc/xdg/Gatehouse/policy.conf"
};

// One place IT can put policy: a registry key, a managed preferences file, an INI file.
// Key "<group>/<name>" enforces a value; "Defaults/<group>/<name>" only presets it, so
// a user may still change it. Sources are injectable so tests can stand in for IT.
class PolicySource
{
public:
    virtual ~PolicySource() = default;
    virtual QString name() const = 0;
    virtual std::optional<QVariant> value(const QString &key) const = 0;
};

// A policy source backed by QSettings (registry key, plist or INI file).
class QSettingsPolicySource : public PolicySource
{
public:
    QSettingsPolicySource(const QString &name, std::unique_ptr<QSettings> settings);
    QString name() const override { return m_name; }
    std::optional<QVariant> value(const QString &key) const override;

private:
    QString m_name;
    std::unique_ptr<QSettings> m_settings;
};

using PolicySources = std::vector<std::unique_ptr<PolicySource>>;

// The one read path for settings: policy sources in order (first one holding the key
// wins), then the user's own settings, then the caller's default.
class ManagedSettings
{
public:
    ManagedSettings(PolicySources policies, std::unique_ptr<QSettings> user);

    // What this platform reads, in order: on Windows HKLM then HKCU
    // Software\Policies\Gatehouse\Gatehouse; on macOS the managed preferences plist;
    // on Linux and other Unix /etc/xdg/Gatehouse/policy.conf.
    static PolicySources platformPolicySources();

    // Declares the type policy must have for `key` (and for its "Defaults/" preset).
    // Keys never declared take any value.
    void declare(const QString &key, SettingType type);
    // Checks `value` against `type`; the normalised value (a bool for Bool, an int for
    // PositiveInt, a QString otherwise), or nothing when it does not fit.
    static std::optional<QVariant> conform(const QVariant &value, SettingType type);
    static QString describe(SettingType type);

    SettingValue value(const QString &key, const QVariant &defaultValue = QVariant()) const;
    bool isEnforced(const QString &key) const;
    // Writes the user's own value; refused (false) when policy enforces the key.
    bool setValue(const QString &key, const QVariant &value);
    void remove(const QString &key);

    QSettings *user() const { return m_user.get(); }
    void sync() { m_user->sync(); }

private:
    // The policy value of `key` in `source` if present and of the declared type.
    std::optional<QVariant> policyValue(const PolicySource &source, const QString &key,
                                        const QString &declaredKey) const;

    PolicySources m_policies;
    std::unique_ptr<QSettings> m_user;
    QHash<QString, SettingType> m_types;
    mutable QSet<QString> m_reported; // "<source>|<key>" already logged as ignored
};

} // namespace Gatehouse
