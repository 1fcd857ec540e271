// SPDX-License-Identifier: Apache-2.0
#include "model/appsettings.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/signindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

class TestSignInDialog : public QObject
{
    Q_OBJECT

private slots:
    void validateServerUrl_inputs_acceptOnlySafeAddresses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https host") << QStringLiteral("https://portal.example.com") << true;
        QTest::newRow("https with port and path") << QStringLiteral("https://portal.example.com:8443/gh") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:5000") << true;
        QTest::newRow("http remote") << QStringLiteral("http://portal.example.com") << false;
        QTest::newRow("no scheme") << QStringLiteral("portal.example.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://portal.example.com") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("credentials in url") << QStringLiteral("https://me:pw@portal.example.com") << false;
    }

    void validateServerUrl_inputs_acceptOnlySafeAddresses()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const auto problem = SignInDialog::validateServerUrl(url);
        QCOMPARE(problem.isEmpty(), accepted);
    }

    void validateEmail_inputs_acceptOnlyEmailShapes_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QStringLiteral("ann@firm.com") << true;
        QTest::newRow("padded") << QStringLiteral("  ann@firm.com ") << true;
        QTest::newRow("no at") << QStringLiteral("ann.firm.com") << false;
        QTest::newRow("no domain dot") << QStringLiteral("ann@firm") << false;
        QTest::newRow("two ats") << QStringLiteral("a@b@firm.com") << false;
        QTest::newRow("space inside") << QStringLiteral("ann smith@firm.com") << false;
    }

    void validateEmail_inputs_acceptOnlyEmailShapes()
    {
        QFETCH(QString, email);
        QFETCH(bool, accepted);
        QCOMPARE(SignInDialog::validateEmail(email).isEmpty(), accepted);
    }

    void construct_serverEnforcedByPolicy_fieldDisabledWithManagedNote()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        const auto policyPath = dir.filePath(QStringLiteral("policy.conf"));
        {
            QSettings policy(policyPath, QSettings::IniFormat);
            policy.setValue(QStringLiteral("connection/server_url"), QStringLiteral("https://portal.firm.example"));
        }
        PolicySources sources;
        sources.push_back(std::make_unique<QSettingsPolicySource>(
            policyPath, std::make_unique<QSettings>(policyPath, QSettings::IniFormat)));
        AppSettings settings(dir.filePath(QStringLiteral("user.ini")), std::move(sources));
        SecretStore secrets;
        Session session(&settings, &secrets);
        SignInDialog dialog(&session);
        dialog.show();
        QCOMPARE(dialog.serverEdit()->text(), QStringLiteral("https://portal.firm.example"));
        QVERIFY(!dialog.serverEdit()->isEnabled());
        QVERIFY(dialog.serverEdit()->isVisible()); // shown, never hidden
        QVERIFY(dialog.managedNote()->isVisible());
        QCOMPARE(dialog.managedNote()->text(), QStringLiteral("Managed by your organisation"));
    }

    void construct_noPolicy_serverEditableWithoutNote()
    {
        QStandardPaths::setTestModeEnabled(true);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("user.ini")));
        SecretStore secrets;
        Session session(&settings, &secrets);
        SignInDialog dialog(&session);
        dialog.show();
        QVERIFY(dialog.serverEdit()->isEnabled());
        QVERIFY(!dialog.managedNote()->isVisible());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
