// SPDX-License-Identifier: Apache-2.0
#include "model/appsettings.h"
#include "model/managedsettings.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

// A policy source written as IT would write /etc/xdg/Gatehouse/policy.conf, but in a
// temporary file: the real QSettings INI reader, not a stand-in.
std::unique_ptr<PolicySource> iniPolicy(const QString &path, const QMap<QString, QVariant> &values)
{
    {
        QSettings s(path, QSettings::IniFormat);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            s.setValue(it.key(), it.value());
        s.sync();
    }
    return std::make_unique<QSettingsPolicySource>(path, std::make_unique<QSettings>(path, QSettings::IniFormat));
}

} // namespace

class TestManagedSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void value_layeredSources_firstPolicyWinsThenUserThenPreset_data()
    {
        QTest::addColumn<QVariant>("machine");
        QTest::addColumn<QVariant>("userPolicy");
        QTest::addColumn<QVariant>("preset");
        QTest::addColumn<QVariant>("user");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("enforced");
        const QVariant none;
        const auto v = [](const char *s) { return QVariant(QString::fromLatin1(s)); };
        QTest::newRow("nothing set: default")
            << none << none << none << none << QStringLiteral("def") << int(SettingSource::Default) << false;
        QTest::newRow("user only") << none << none << none << v("u") << QStringLiteral("u") << int(SettingSource::User)
                                   << false;
        QTest::newRow("preset beats default")
            << none << none << v("p") << none << QStringLiteral("p") << int(SettingSource::Policy) << false;
        QTest::newRow("user beats preset")
            << none << none << v("p") << v("u") << QStringLiteral("u") << int(SettingSource::User) << false;
        QTest::newRow("user policy beats user")
            << none << v("hkcu") << none << v("u") << QStringLiteral("hkcu") << int(SettingSource::Policy) << true;
        QTest::newRow("machine beats user policy") << v("hklm") << v("hkcu") << v("p") << v("u")
                                                   << QStringLiteral("hklm") << int(SettingSource::Policy) << true;
    }

    void value_layeredSources_firstPolicyWinsThenUserThenPreset()
    {
        QFETCH(QVariant, machine);
        QFETCH(QVariant, userPolicy);
        QFETCH(QVariant, preset);
        QFETCH(QVariant, user);
        QFETCH(QString, expected);
        QFETCH(int, source);
        QFETCH(bool, enforced);

        const QString key = QStringLiteral("connection/server_url");
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        QMap<QString, QVariant> machineValues, userPolicyValues;
        if (machine.isValid())
            machineValues.insert(key, machine);
        if (userPolicy.isValid())
            userPolicyValues.insert(key, userPolicy);
        if (preset.isValid())
            userPolicyValues.insert(QStringLiteral("Defaults/") + key, preset);
        PolicySources sources;
        sources.push_back(iniPolicy(m_dir.filePath(tag + QStringLiteral("-machine.conf")), machineValues));
        sources.push_back(iniPolicy(m_dir.filePath(tag + QStringLiteral("-user.conf")), userPolicyValues));
        auto userSettings =
            std::make_unique<QSettings>(m_dir.filePath(tag + QStringLiteral("-own.ini")), QSettings::IniFormat);
        if (user.isValid())
            userSettings->setValue(key, user);
        ManagedSettings settings(std::move(sources), std::move(userSettings));

        const auto v = settings.value(key, QStringLiteral("def"));
        QCOMPARE(v.value.toString(), expected);
        QCOMPARE(int(v.source), source);
        QCOMPARE(v.enforced, enforced);
        QCOMPARE(settings.isEnforced(key), enforced);
    }

    void setValue_enforcedKey_isRefusedAndUserValueUntouched()
    {
        PolicySources sources;
        sources.push_back(iniPolicy(m_dir.filePath(QStringLiteral("refuse.conf")),
                                    {{QStringLiteral("cache/clear_on_sign_out"), true}}));
        ManagedSettings settings(
            std::move(sources),
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("refuse.ini")), QSettings::IniFormat));
        QVERIFY(!settings.setValue(QStringLiteral("cache/clear_on_sign_out"), false));
        QVERIFY(!settings.user()->contains(QStringLiteral("cache/clear_on_sign_out")));
        QCOMPARE(settings.value(QStringLiteral("cache/clear_on_sign_out")).value.toBool(), true);
        QVERIFY(settings.setValue(QStringLiteral("sync/interval_ms"), 7000));
        QCOMPARE(settings.value(QStringLiteral("sync/interval_ms")).value.toInt(), 7000);
    }

    void appSettings_policyFixesServer_reportsEnforcedAndIgnoresWrites()
    {
        PolicySources sources;
        sources.push_back(iniPolicy(m_dir.filePath(QStringLiteral("app.conf")),
                                    {{QStringLiteral("connection/server_url"), QStringLiteral("https://it.example")}}));
        AppSettings settings(m_dir.filePath(QStringLiteral("app.ini")), std::move(sources));
        QVERIFY(!settings.serverUrlChangeable());
        settings.setServerUrl(QUrl(QStringLiteral("https://elsewhere.example")));
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://it.example")));
        QCOMPARE(settings.serverUrlSetting().origin, m_dir.filePath(QStringLiteral("app.conf")));
    }

    void appSettings_presetWithChangeForbidden_isEnforced()
    {
        PolicySources sources;
        sources.push_back(
            iniPolicy(m_dir.filePath(QStringLiteral("lock.conf")),
                      {{QStringLiteral("Defaults/connection/server_url"), QStringLiteral("https://preset.example")},
                       {QStringLiteral("connection/allow_server_change"), false}}));
        AppSettings settings(m_dir.filePath(QStringLiteral("lock.ini")), std::move(sources));
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://preset.example")));
        QVERIFY(!settings.serverUrlChangeable());
    }

    void appSettings_noPolicy_userMayChangeServer()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("free.ini")));
        QVERIFY(settings.serverUrlChangeable());
        settings.setServerUrl(QUrl(QStringLiteral("https://mine.example")));
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://mine.example")));
        QCOMPARE(settings.serverUrlSetting().source, SettingSource::User);
    }

    // Issue 10: IT typed a policy value of the wrong kind (a DWORD where an address
    // belongs, a word where true/false belongs). The app must not apply it, must say so
    // in its log, and must show the setting as the user's own again.
    void appSettings_policyOfWrongType_isIgnoredLoggedAndUnmanaged_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("policy");
        QTest::addColumn<QString>("expectedType");
        QTest::newRow("server address as a number") << QStringLiteral("connection/server_url") << QVariant(42)
                                                    << QStringLiteral("an http:// or https:// address");
        QTest::newRow("server address not a web address")
            << QStringLiteral("connection/server_url") << QVariant(QStringLiteral("portal.firm.example"))
            << QStringLiteral("an http:// or https:// address");
        QTest::newRow("lock as a word") << QStringLiteral("connection/allow_server_change")
                                        << QVariant(QStringLiteral("perhaps")) << QStringLiteral("true or false");
        QTest::newRow("lock as a DWORD of 2")
            << QStringLiteral("connection/allow_server_change") << QVariant(2) << QStringLiteral("true or false");
    }

    void appSettings_policyOfWrongType_isIgnoredLoggedAndUnmanaged()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, policy);
        QFETCH(QString, expectedType);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        const QString conf = m_dir.filePath(tag + QStringLiteral("-typed.conf"));
        PolicySources sources;
        sources.push_back(iniPolicy(conf, {{key, policy}}));
        // Through the same QSettings source as a registry key or plist, but an INI file
        // holds text: put a real integer in with a source that keeps the type.
        if (policy.typeId() == QMetaType::Int) {
            sources.clear();
            sources.push_back(std::make_unique<FixedPolicy>(conf, key, policy));
        }
        AppSettings settings(m_dir.filePath(tag + QStringLiteral("-typed.ini")), std::move(sources));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^managed setting %1 in %2 ignored: .* where %3")
                                                 .arg(QRegularExpression::escape(key), QRegularExpression::escape(conf),
                                                      QRegularExpression::escape(expectedType))));
        // Said once, at the first read, however often the setting is read.
        settings.setServerUrl(QUrl(QStringLiteral("https://mine.example")));
        QVERIFY(!settings.managed().isEnforced(key));
        const auto v = settings.managed().value(key);
        QVERIFY(v.source != SettingSource::Policy);
        QVERIFY(!v.enforced);
        // The user keeps control of the server address.
        QVERIFY(settings.serverUrlChangeable());
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://mine.example")));
    }

    void appSettings_policyOfRightTypeInEachForm_isApplied_data()
    {
        QTest::addColumn<QVariant>("lock");
        QTest::newRow("DWORD 0") << QVariant(0);
        QTest::newRow("plist false") << QVariant(false);
        QTest::newRow("INI word") << QVariant(QStringLiteral("false"));
    }

    void appSettings_policyOfRightTypeInEachForm_isApplied()
    {
        QFETCH(QVariant, lock);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        const QString conf = m_dir.filePath(tag + QStringLiteral("-form.conf"));
        PolicySources sources;
        sources.push_back(std::make_unique<FixedPolicy>(conf, QStringLiteral("connection/allow_server_change"), lock));
        AppSettings settings(m_dir.filePath(tag + QStringLiteral("-form.ini")), std::move(sources));
        QVERIFY(!settings.serverUrlChangeable());
    }

private:
    // A policy source holding one value of a given type, as the registry (DWORD) or a
    // plist (<false/>) would hand it over; QSettings' INI reader can only give text.
    class FixedPolicy : public PolicySource
    {
    public:
        FixedPolicy(QString name, QString key, QVariant value)
            : m_name(std::move(name)), m_key(std::move(key)), m_value(std::move(value))
        {}
        QString name() const override { return m_name; }
        std::optional<QVariant> value(const QString &key) const override
        {
            if (key != m_key)
                return std::nullopt;
            return m_value;
        }

    private:
        QString m_name, m_key;
        QVariant m_value;
    };

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestManagedSettings)
#include "tst_managedsettings.moc"
