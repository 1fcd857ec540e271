// SPDX-License-Identifier: Apache-2.0
#include "model/appsettings.h"
#include "model/managedsettings.h"

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

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestManagedSettings)
#include "tst_managedsettings.moc"
