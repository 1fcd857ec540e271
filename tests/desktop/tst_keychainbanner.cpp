// SPDX-License-Identifier: Apache-2.0
// The main window when the system keychain fails for real: the session bus address
// points at a socket that does not exist, so QtKeychain cannot reach any Secret Service.
// The sign-in still works, a banner says what happened and what to do, and the status
// bar shows one message at a time.
#include "model/appsettings.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "support/portalprocess.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString kEmail = QStringLiteral("paula@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");

SignInDialog *visibleSignInDialog()
{
    const auto windows = QApplication::topLevelWidgets();
    for (auto *w : windows) {
        if (auto *dialog = qobject_cast<SignInDialog *>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

template<typename T> T *childNamed(QWidget *parent, const QString &accessibleName)
{
    const auto children = parent->findChildren<T *>();
    for (auto *child : children) {
        if (child->accessibleName() == accessibleName)
            return child;
    }
    return nullptr;
}

} // namespace

class TestKeychainBanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A bus that is not there: every keychain call fails the way it does on a desktop
        // whose keyring daemon is not running.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath(QStringLiteral("no-bus")).toUtf8());
        qunsetenv("DISPLAY");
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kEmail, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paula")));
    }

    void signIn_keychainFails_bannerSaysWhatToDoAndStatusBarShowsOneMessage()
    {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        settings.setCacheFilePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
        settings.setServerUrl(m_portal.baseUrl());
        settings.setLastEmail(kEmail);
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(&settings, &secrets);
        MainWindow window(&session);
        window.start();
        // Reading the stored sign-in fails too, so the dialog asks, saying why.
        QTRY_VERIFY_WITH_TIMEOUT(visibleSignInDialog() != nullptr, 20000);
        auto *dialog = visibleSignInDialog();
        auto *password = childNamed<QLineEdit>(dialog, QStringLiteral("Password"));
        auto *signIn = childNamed<QPushButton>(dialog, QStringLiteral("Sign in"));
        QVERIFY(password && signIn);
        QTest::keyClicks(password, kPassword);
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);

        QTRY_VERIFY_WITH_TIMEOUT(window.keychainBanner()->isVisible(), 10000);
        const auto banner = window.keychainBanner()->text();
        QVERIFY2(banner.startsWith(QStringLiteral("Your sign-in could not be saved in the system keychain (")),
                 qPrintable(banner));
        QVERIFY2(banner.endsWith(QStringLiteral("). You will need to sign in again next time. Check that your "
                                                "keyring is unlocked.")),
                 qPrintable(banner));
        QVERIFY(!secrets.lastFailureDetail().isEmpty());
        QVERIFY(banner.contains(secrets.lastFailureDetail()));

        // The status bar: the sign-in status alone, no keychain text painted over it.
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(QStringLiteral("Signed in as Paula")), 10000);
        QCOMPARE(window.statusBar()->currentMessage(), QString());
        QVERIFY(window.statusLabel()->isVisible());

        // A temporary message takes the status's place, and gives it back when it ends.
        window.statusBar()->showMessage(QStringLiteral("Document removed."));
        QVERIFY(!window.statusLabel()->isVisible());
        window.statusBar()->clearMessage();
        QVERIFY(window.statusLabel()->isVisible());
        session.signOut(false);
    }

    void cleanupTestCase() { m_portal.stop(); }

private:
    QTemporaryDir m_dir;
    PortalProcess m_portal;
};

QTEST_MAIN(TestKeychainBanner)
#include "tst_keychainbanner.moc"
