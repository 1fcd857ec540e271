// SPDX-License-Identifier: Apache-2.0
#include "ui/signindialog.h"

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
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
