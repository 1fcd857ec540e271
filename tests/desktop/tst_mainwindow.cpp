// SPDX-License-Identifier: Apache-2.0
#include "model/appsettings.h"
#include "model/clientlistmodel.h"
#include "model/logfile.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"
#include "ui/clientdetailpane.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/signindialog.h"
#include "ui/statusbadge.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <optional>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString kEmail = QStringLiteral("paula@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");

template<typename T> T *childNamed(QWidget *parent, const QString &accessibleName)
{
    const auto children = parent->findChildren<T *>();
    for (auto *child : children) {
        if (child->accessibleName() == accessibleName)
            return child;
    }
    return nullptr;
}

SignInDialog *visibleSignInDialog()
{
    const auto windows = QApplication::topLevelWidgets();
    for (auto *w : windows) {
        if (auto *dialog = qobject_cast<SignInDialog *>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QStringList shownNames(QTableView *view)
{
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names << view->model()->index(row, 0).data().toString();
    return names;
}

} // namespace

// The real main window, offscreen, signed in through its own dialog against the real
// server, with the token kept in a real (throwaway) keychain.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kEmail, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paula")));

        // Seed the server as a colleague would, through the API.
        const auto session = httpRequest(
            "POST", api(QStringLiteral("/api/v1/session")),
            QJsonDocument(QJsonObject{{QStringLiteral("email"), kEmail}, {QStringLiteral("password"), kPassword}})
                .toJson(),
            {{"Content-Type", "application/json"}});
        QCOMPARE(session.status, 201);
        m_token = session.json().value(QStringLiteral("token")).toString().toUtf8();
        for (const auto &name : {QStringLiteral("Anna Bianchi"), QStringLiteral("Bruno Gialli"),
                                 QStringLiteral("Carla Neri"), QStringLiteral("Carlo Rossi")})
            QVERIFY(createClient(name));

        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setCacheFilePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_settings->setSyncIntervalMs(1000);
    }

    void start_noStoredSignIn_showsDialogAndSignsInThroughIt()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(visibleSignInDialog() != nullptr, 10000);
        auto *dialog = visibleSignInDialog();
        QVERIFY(!window.isVisible());

        auto *server = childNamed<QLineEdit>(dialog, QStringLiteral("Server address"));
        auto *email = childNamed<QLineEdit>(dialog, QStringLiteral("Email"));
        auto *password = childNamed<QLineEdit>(dialog, QStringLiteral("Password"));
        auto *signIn = childNamed<QPushButton>(dialog, QStringLiteral("Sign in"));
        QVERIFY(server && email && password && signIn);

        QTest::keyClicks(server, m_portal.baseUrl().toString());
        QTest::keyClicks(email, kEmail);
        QTest::keyClicks(password, QStringLiteral("wrong password"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QVERIFY(!signIn->isEnabled()); // no second request while one runs
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 15000);
        QVERIFY(signIn->isEnabled());
        QVERIFY(!session.isSignedIn());

        password->clear();
        QTest::keyClicks(password, kPassword);
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientView()->model()->rowCount(), 4, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusText().startsWith(QStringLiteral("Signed in as Paula — 4 clients — synced ")), 5000);
        QCOMPARE(shownNames(window.clientView()),
                 (QStringList{QStringLiteral("Anna Bianchi"), QStringLiteral("Bruno Gialli"),
                              QStringLiteral("Carla Neri"), QStringLiteral("Carlo Rossi")}));
        QVERIFY(visibleSignInDialog() == nullptr);
    }

    void filter_typedText_narrowsRowsAndClearingRestores()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start(); // the token stored by the previous test signs in without a dialog
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 5000);
        QVERIFY(visibleSignInDialog() == nullptr);
        auto *view = window.clientView();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, 15000);

        QTest::keyClicks(window.filterEdit(), QStringLiteral("carl"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
        QCOMPARE(shownNames(view), (QStringList{QStringLiteral("Carla Neri"), QStringLiteral("Carlo Rossi")}));
        QTest::keyClicks(window.filterEdit(), QStringLiteral("a n"));
        QTRY_COMPARE_WITH_TIMEOUT(shownNames(view), QStringList{QStringLiteral("Carla Neri")}, 5000);

        // A colleague adds a matching client: periodic sync shows it without a refresh.
        QVERIFY(createClient(QStringLiteral("Carla Nerini")));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 15000);

        window.filterEdit()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 5000);
    }

    void filter_matchingNothing_showsEmptyStateThatClears()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
        auto *view = window.clientView();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 15000);
        auto *empty = window.findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(empty && !empty->isVisible());

        QTest::keyClicks(window.filterEdit(), QStringLiteral("zzzz"));
        QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), 5000);
        QVERIFY(!view->isVisible());
        QCOMPARE(empty->findChild<QLabel *>()->text(), QStringLiteral("No clients match “zzzz”."));
        auto *clear = empty->findChild<QPushButton *>(QStringLiteral("emptyClearFilter"));
        QVERIFY(clear->isVisible());
        QVERIFY(!empty->findChild<QPushButton *>(QStringLiteral("emptyInvite"))->isVisible());
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 5000);
        QVERIFY(view->isVisible() && !empty->isVisible());
        QVERIFY(window.filterEdit()->text().isEmpty());

        // A status nobody has: the same, naming the status.
        auto *status = window.findChild<QComboBox *>();
        status->setCurrentIndex(status->findText(QStringLiteral("Revoked")));
        QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), 5000);
        QCOMPARE(empty->findChild<QLabel *>()->text(), QStringLiteral("No clients have the status “Revoked”."));
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 5000);
        QCOMPARE(status->currentIndex(), 0);
    }

    void statusColumn_paintsBadgeInStatusColours()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.resize(1200, 600);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
        auto *view = window.clientView();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 15000);
        const QModelIndex cell = view->model()->index(0, ClientListModel::Status);
        const auto status = ClientStatus(cell.data(ClientListModel::StatusRole).toInt());
        QCOMPARE(cell.data().toString().toLower(), statusName(status)); // the word is there
        view->clearSelection();
        view->setCurrentIndex(QModelIndex());
        const QImage shot = view->viewport()->grab().toImage();
        const QRect rect = view->visualRect(cell);
        const auto expected = StatusBadgeDelegate::colours(status, StatusBadgeDelegate::isDark(view->palette()));
        // Left of the word, inside the badge's rounded end: the badge's fill.
        const QColor seen = shot.pixelColor(rect.left() + 6, rect.center().y());
        QCOMPARE(seen.rgb(), expected.fill.rgb());
    }

    void statusBadge_everyStatusInBothPalettes_textContrastAtLeastWcagAA()
    {
        for (const bool dark : {false, true}) {
            for (const auto status : {ClientStatus::Draft, ClientStatus::Invited, ClientStatus::Active,
                                      ClientStatus::Revoked, ClientStatus::Expired}) {
                const auto c = StatusBadgeDelegate::colours(status, dark);
                const double ratio = StatusBadgeDelegate::contrastRatio(c.fill, c.text);
                QVERIFY2(ratio >= 4.5,
                         qPrintable(QStringLiteral("%1 %2: %3").arg(statusName(status)).arg(dark).arg(ratio)));
            }
        }
        QCOMPARE(StatusBadgeDelegate::contrastRatio(Qt::black, Qt::white), 21.0);
    }

    void checkBox_eitherPalette_edgeContrastsWithItsBox()
    {
        // The Lock column and the detail pane's switches are check boxes: their edge must
        // stand out from the box (WCAG 1.4.11: 3:1), in the light and the dark palette.
        const std::unique_ptr<QStyle> style(createAppStyle());
        for (const bool dark : {false, true}) {
            QCheckBox box(QStringLiteral("Require sign-in"));
            box.setStyle(style.get());
            box.setPalette(dark ? darkPalette() : lightPalette());
            box.resize(box.sizeHint());
            const QImage shot = box.grab().toImage();
            QStyleOptionButton option;
            option.initFrom(&box);
            const QRect indicator = style->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
            const QColor edge = shot.pixelColor(indicator.left(), indicator.center().y());
            const QColor inside = shot.pixelColor(indicator.center());
            const double ratio = StatusBadgeDelegate::contrastRatio(edge, inside);
            QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1 palette: edge %2 on %3, %4:1")
                                                  .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"),
                                                       edge.name(), inside.name())
                                                  .arg(ratio)));
        }
    }

    void toolBar_everydayActions_haveIconsShortcutsAndMenuEntries()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientView()->model()->rowCount(), 5, 15000);
        window.clientView()->setCurrentIndex(window.clientView()->model()->index(0, 0));

        auto *bar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(bar && bar->isVisible());
        QStringList names;
        QList<QAction *> inMenus;
        const auto menus = window.menuBar()->findChildren<QMenu *>();
        for (auto *menu : menus)
            inMenus += menu->actions();
        const auto actions = bar->actions();
        for (auto *action : actions) {
            names << action->text().remove(u'&');
            QVERIFY2(!action->icon().pixmap(24, 24).isNull(), qPrintable(action->text()));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
            QVERIFY2(inMenus.contains(action), qPrintable(action->text() + QStringLiteral(" is in no menu")));
            if (action->isEnabled())
                QVERIFY2(action->toolTip().endsWith(
                             QStringLiteral("(%1)").arg(action->shortcut().toString(QKeySequence::NativeText))),
                         qPrintable(action->toolTip()));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("New client and invite…"), QStringLiteral("Invite…"),
                                     QStringLiteral("Invite selected clients…"), QStringLiteral("Require sign-in"),
                                     QStringLiteral("Revoke access…"), QStringLiteral("Confirm a client's code…"),
                                     QStringLiteral("Attach document…")}));

        // The icons follow the palette: dark strokes on light, light strokes on dark.
        const auto strokeLightness = [](QAction *action) {
            const QImage image = action->icon().pixmap(24, 24).toImage();
            int sum = 0, count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (const QColor c = image.pixelColor(x, y); c.alpha() > 200) {
                        sum += c.lightness();
                        ++count;
                    }
            return count ? sum / count : -1;
        };
        auto *invite = actions.at(1);
        QVERIFY(strokeLightness(invite) >= 0 && strokeLightness(invite) < 100);
        window.setPalette(darkPalette());
        QTRY_VERIFY(strokeLightness(invite) > 180);
        window.setPalette(lightPalette());
        QTRY_VERIFY(strokeLightness(invite) < 100);
        // The way the app and its --palette option change colours: for the application.
        const QPalette before = QApplication::palette();
        window.setPalette(QPalette());
        window.setAttribute(Qt::WA_SetPalette, false);
        QApplication::setPalette(darkPalette());
        QTRY_VERIFY(strokeLightness(invite) > 180);
        // And the button on screen shows it: light strokes on the dark toolbar.
        const auto brightPixels = [&] {
            const QImage shot = bar->widgetForAction(invite)->grab().toImage();
            int bright = 0;
            for (int y = 0; y < shot.height(); ++y)
                for (int x = 0; x < std::min(shot.width(), 34); ++x)
                    bright += shot.pixelColor(x, y).lightness() > 200 ? 1 : 0;
            return bright;
        };
        QTRY_VERIFY(brightPixels() > 20);
        QApplication::setPalette(before);
        QTRY_VERIFY(strokeLightness(invite) < 100);
    }

    void keyboard_tabOrder_goesFilterStatusListDetail()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientView()->model()->rowCount(), 5, 15000);
        window.activateWindow();
        window.filterEdit()->setFocus();
        QTRY_VERIFY(window.filterEdit()->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(qobject_cast<QComboBox *>(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), window.clientView());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        QVERIFY(next);
        QVERIFY2(
            window.findChild<ClientDetailPane *>()->isAncestorOf(next),
            qPrintable(QStringLiteral("focus went to %1").arg(QString::fromLatin1(next->metaObject()->className()))));
    }

    void keyboard_tabCycle_visitsFilterListDetailAndComesBack()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientView()->model()->rowCount(), 5, 15000);
        window.clientView()->setCurrentIndex(window.clientView()->model()->index(0, 0));
        window.activateWindow();
        window.filterEdit()->setFocus();
        QTRY_VERIFY(window.filterEdit()->hasFocus());

        // Walk the whole Tab chain once: it must come back to the filter, visit only
        // widgets that are shown, and go filter → status → list → detail pane.
        QList<QWidget *> chain{window.filterEdit()};
        for (int i = 0; i < 60; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *w = QApplication::focusWidget();
            QVERIFY(w);
            if (w == window.filterEdit())
                break;
            QVERIFY2(w->isVisible() && w->isEnabled() && !chain.contains(w),
                     qPrintable(QStringLiteral("Tab reached %1 %2 twice or while hidden")
                                    .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())));
            chain.append(w);
        }
        QCOMPARE(QApplication::focusWidget(), window.filterEdit());
        QVERIFY(chain.size() > 3);
        QCOMPARE(chain.at(1), window.statusFilter());
        QCOMPARE(chain.at(2), window.clientView());
        QVERIFY(window.detailPane()->isAncestorOf(chain.at(3)));
        // Everything after the list is the detail pane's: toolbar buttons are reached by
        // their shortcuts, not by Tab.
        for (int i = 3; i < chain.size(); ++i)
            QVERIFY2(window.detailPane()->isAncestorOf(chain.at(i)),
                     qPrintable(QString::fromLatin1(chain.at(i)->metaObject()->className())));

        // And back: Shift+Tab from the list returns to the status filter.
        window.clientView()->setFocus();
        QTRY_VERIFY(window.clientView()->hasFocus());
        QTest::keyClick(window.clientView(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), window.statusFilter());
    }

    void keyboard_everyAction_hasShortcutOrMenuEntryWithUniqueMnemonic()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);

        // Menus: each title and each entry has a mnemonic, none used twice in one menu.
        QList<QAction *> inMenus;
        const auto titles = window.menuBar()->actions();
        QSet<QChar> titleKeys;
        const auto mnemonic = [](const QString &text) {
            const qsizetype at = text.indexOf(u'&');
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        for (auto *title : titles) {
            const QChar key = mnemonic(title->text());
            QVERIFY2(!key.isNull() && !titleKeys.contains(key), qPrintable(title->text()));
            titleKeys.insert(key);
            QSet<QChar> keys;
            const auto entries = title->menu()->actions();
            for (auto *entry : entries) {
                if (entry->isSeparator() || !entry->isVisible())
                    continue;
                inMenus.append(entry);
                const QChar entryKey = mnemonic(entry->text());
                QVERIFY2(!entryKey.isNull(), qPrintable(title->text() + QStringLiteral(" → ") + entry->text()));
                QVERIFY2(!keys.contains(entryKey), qPrintable(title->text() + QStringLiteral(" → ") + entry->text() +
                                                              QStringLiteral(": mnemonic used twice")));
                keys.insert(entryKey);
            }
        }
        // Every named action (the toolbar's, the context menu's) is reachable by keyboard.
        const QStringList names{
            QStringLiteral("new-client"),      QStringLiteral("import-csv"),  QStringLiteral("invite"),
            QStringLiteral("invite-selected"), QStringLiteral("toggle-lock"), QStringLiteral("confirm-code"),
            QStringLiteral("attach-document"), QStringLiteral("regenerate"),  QStringLiteral("end-sessions"),
            QStringLiteral("revoke"),          QStringLiteral("copy-email"),  QStringLiteral("find"),
            QStringLiteral("refresh"),         QStringLiteral("audit"),       QStringLiteral("team"),
            QStringLiteral("two-step")};
        for (const auto &name : names) {
            auto *action = window.action(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(!action->shortcut().isEmpty() || inMenus.contains(action), qPrintable(name));
        }
        const auto toolBarActions = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions();
        for (auto *action : toolBarActions)
            QVERIFY2(!action->shortcut().isEmpty() && inMenus.contains(action), qPrintable(action->text()));
    }

    void helpAbout_signedIn_showsAppAndServerVersionAndSchema()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
        const QString appVersion = QApplication::applicationVersion();
        QApplication::setApplicationVersion(QStringLiteral("9.8.7-test"));

        auto *about = window.findChild<QAction *>(QStringLiteral("about"));
        QVERIFY(about);
        QCOMPARE(about->menuRole(), QAction::AboutRole);
        about->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"))) && box->isVisible(), 10000);
        QApplication::setApplicationVersion(appVersion);

        const auto server =
            httpRequest("GET", api(QStringLiteral("/api/v1/server")), {}, {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(server.status, 200);
        const auto info = server.json();
        const QString expected = QStringLiteral("Portal server %1 (database schema %2) at %3")
                                     .arg(info.value(QStringLiteral("version")).toString())
                                     .arg(info.value(QStringLiteral("schema")).toInt())
                                     .arg(m_portal.baseUrl().toString());
        QVERIFY2(box->text().contains(QStringLiteral("<b>Gatehouse 9.8.7-test</b>")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(expected), qPrintable(box->text()));
        QCOMPARE(box->windowModality(), Qt::WindowModal); // open(), not a blocking exec()
        box->accept();
    }

    void helpCopyDiagnostics_signedIn_reportsForItWithoutSecrets()
    {
        QTemporaryDir logDir;
        LogFile log(logDir.filePath(QStringLiteral("gatehouse.log")));
        LogFile::install(&log);
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(session.sync()->isLive(), 15000); // the push channel is up
        const QString appToken = storedToken(secrets);
        QVERIFY(!appToken.isEmpty());
        // The worst a log can hold: both tokens, the password, a magic link.
        qWarning("diagnostics-marker Authorization: Bearer %s", m_token.constData());
        qWarning("diagnostics-marker stored %s for %s", qPrintable(appToken), qPrintable(kEmail));
        qWarning("diagnostics-marker {\"email\":\"%s\",\"password\":\"%s\"}", qPrintable(kEmail),
                 qPrintable(kPassword));
        qWarning("diagnostics-marker opened %s/portal/%s", qPrintable(m_portal.baseUrl().toString()),
                 m_token.constData());

        QGuiApplication::clipboard()->clear();
        auto *copy = window.findChild<QAction *>(QStringLiteral("copyDiagnostics"));
        QVERIFY(copy);
        copy->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->text().isEmpty(), 10000);
        LogFile::install(nullptr);
        const QString report = QGuiApplication::clipboard()->text();

        const auto server =
            httpRequest("GET", api(QStringLiteral("/api/v1/server")), {}, {{"Authorization", "Bearer " + m_token}});
        QCOMPARE(server.status, 200);
        const auto info = server.json();
        QVERIFY2(report.contains(QStringLiteral("Server version: ") + info.value(QStringLiteral("version")).toString()),
                 qPrintable(report));
        QVERIFY(
            report.contains(QStringLiteral("Server schema: %1\n").arg(info.value(QStringLiteral("schema")).toInt())));
        QVERIFY(report.contains(QStringLiteral("Signed in as: Paula <%1> (paralegal)").arg(kEmail)));
        QVERIFY(report.contains(
            QStringLiteral("connection/server_url = %1  [set by the user]").arg(m_portal.baseUrl().toString())));
        QVERIFY(report.contains(QStringLiteral("sync/interval_ms = 1000  [set by the user]")));
        QVERIFY(report.contains(QStringLiteral("cache/clear_on_sign_out = false  [default]")));
        QVERIFY(report.contains(QStringLiteral("Cache: ") + m_dir.filePath(QStringLiteral("cache.sqlite"))));
        QVERIFY2(report.contains(QStringLiteral("Updates: live (push channel connected; safety poll every 60 s)")),
                 qPrintable(report));
        QCOMPARE(report.count(QStringLiteral("diagnostics-marker")), 4);
        QVERIFY(report.contains(QStringLiteral("[redacted]")));
        for (const auto &secret : {QString::fromLatin1(m_token), appToken, kPassword})
            QVERIFY2(!report.contains(secret), qPrintable(report));
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Diagnostics copied")));
    }

    void signOut_fromFileMenu_showsDialogAndForgetsToken()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        {
            Session session(m_settings.get(), &secrets);
            MainWindow window(&session);
            window.start();
            QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), 15000);
            QAction *signOut = nullptr;
            const auto actions = window.findChildren<QAction *>();
            for (auto *action : actions) {
                if (action->text() == QStringLiteral("Sign &out"))
                    signOut = action;
            }
            QVERIFY(signOut);
            signOut->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(visibleSignInDialog() != nullptr, 5000);
            QVERIFY(!window.isVisible());
            QVERIFY(!session.isSignedIn());
        }
        QTRY_VERIFY_WITH_TIMEOUT(storedToken(secrets).isEmpty(), 5000);

        // Next start: no token, so the dialog again, with the last server and email filled in.
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(visibleSignInDialog() != nullptr, 10000);
        auto *dialog = visibleSignInDialog();
        QCOMPARE(childNamed<QLineEdit>(dialog, QStringLiteral("Email"))->text(), kEmail);
        QCOMPARE(childNamed<QLineEdit>(dialog, QStringLiteral("Server address"))->text(),
                 m_portal.baseUrl().toString());
        QVERIFY(!session.isSignedIn());
    }

    void start_storedTokenRejected_asksForSignInWithReason()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        QVERIFY(storeToken(secrets, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(visibleSignInDialog() != nullptr, 15000);
        auto *reason = childNamed<QLabel>(visibleSignInDialog(), QStringLiteral("Why you need to sign in"));
        QVERIFY(reason && reason->isVisible());
        QCOMPARE(reason->text(), QStringLiteral("Your sign-in has expired. Please sign in again."));
        QVERIFY(!session.isSignedIn());
        QTRY_VERIFY_WITH_TIMEOUT(storedToken(secrets).isEmpty(), 5000);
    }

    void serverStops_whileShowing_offlineBannerAndCachedRowsStay()
    {
        SecretStore secrets(QStringLiteral("Gatehouse-test"));
        QVERIFY(storeToken(secrets, QString::fromUtf8(m_token)));
        Session session(m_settings.get(), &secrets);
        MainWindow window(&session);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.clientView()->model()->rowCount(), 5, 15000);
        QVERIFY(!window.offlineBanner()->isVisible());

        m_portal.stop();
        QTRY_VERIFY_WITH_TIMEOUT(window.offlineBanner()->isVisible(), 15000);
        QVERIFY(window.offlineBanner()->text().startsWith(QStringLiteral("Offline")));
        QCOMPARE(window.clientView()->model()->rowCount(), 5);
        QVERIFY(session.isSignedIn());
    }

    void cleanupTestCase() { m_portal.stop(); }

private:
    QUrl api(const QString &path) const { return m_portal.baseUrl().resolved(QUrl(path)); }

    bool createClient(const QString &name)
    {
        const QJsonObject body{
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), QString(name.toLower().replace(u' ', u'.') + u"@client.example")},
            {QStringLiteral("matter"), QString(QStringLiteral("Matter of ") + name)}};
        const auto r = httpRequest("POST", api(QStringLiteral("/api/v1/clients")), QJsonDocument(body).toJson(),
                                   {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_token}});
        return r.status == 201;
    }

    QString tokenKey() const { return SecretStore::keyFor(m_portal.baseUrl(), kEmail); }

    QString storedToken(SecretStore &secrets) const
    {
        std::optional<Result<QString>> out;
        secrets.readToken(tokenKey(), [&out](Result<QString> r) { out.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&out] { return out.has_value(); }, 10000) || !out->ok())
            return QStringLiteral("<keychain did not answer>");
        return out->value();
    }

    bool storeToken(SecretStore &secrets, const QString &token) const
    {
        std::optional<Result<void>> out;
        secrets.writeToken(tokenKey(), token, [&out](Result<void> r) { out.emplace(std::move(r)); });
        return QTest::qWaitFor([&out] { return out.has_value(); }, 10000) && out->ok();
    }

    QTemporaryDir m_dir;
    PortalProcess m_portal;
    QByteArray m_token;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
