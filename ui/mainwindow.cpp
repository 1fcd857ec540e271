// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "model/appsettings.h"
#include "model/clientlistmodel.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "signindialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_offline(new QLabel(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Gatehouse"));

    m_offline->setText(tr("Offline — showing cached data; changes are disabled until the server is reachable"));
    m_offline->setAccessibleName(tr("Offline notice"));
    m_offline->setWordWrap(true);
    m_offline->setStyleSheet(QStringLiteral("background: #fff4d6; color: #5c4300; padding: 6px; "
                                            "border: 1px solid #e6c66e; border-radius: 3px;"));
    m_offline->setVisible(false);

    m_filter->setPlaceholderText(tr("Filter by name, email or matter"));
    m_filter->setAccessibleName(tr("Filter clients"));
    m_filter->setClearButtonEnabled(true);

    m_view->setModel(session->clients());
    m_view->setAccessibleName(tr("Clients"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(false); // sorting in SQL comes with the status filter (D2)
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(ClientListModel::Name, 200);
    m_view->setColumnWidth(ClientListModel::Email, 220);
    m_view->setColumnWidth(ClientListModel::Matter, 180);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_offline);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setCentralWidget(central);

    m_status->setAccessibleName(tr("Sync status"));
    statusBar()->addWidget(m_status, 1);

    createMenus();

    // A short pause before filtering: a rare term scans every cached row in SQL, and
    // there is no point doing that for each keystroke of a word being typed.
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] { m_session->clients()->setFilterText(m_filter->text()); });
    connect(session, &Session::signInRequired, this, &MainWindow::askForSignIn);
    connect(session, &Session::signedIn, this, &MainWindow::onSignedIn);
    connect(session, &Session::signedOut, this, [this] { askForSignIn(QString()); });
    connect(session, &Session::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(session->sync(), &SyncEngine::finished, this, &MainWindow::onSyncFinished);
    connect(session->sync(), &SyncEngine::onlineChanged, this, &MainWindow::onOnlineChanged);

    if (!restoreGeometry(session->settings()->mainWindowGeometry()))
        resize(1000, 640);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *signOut = file->addAction(tr("Sign &out"));
    connect(signOut, &QAction::triggered, m_session, &Session::signOut);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *view = menuBar()->addMenu(tr("&View"));
    auto *refresh = view->addAction(tr("&Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_session->sync(), &SyncEngine::syncNow);

    auto *help = menuBar()->addMenu(tr("&Help"));
    auto *about = help->addAction(tr("&About Gatehouse"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::start()
{
    m_session->restore();
}

void MainWindow::askForSignIn(const QString &reason)
{
    hide();
    if (m_signIn) {
        m_signIn->setReason(reason);
        m_signIn->raise();
        return;
    }
    // Parented so it never outlives the window; hiding the window leaves it visible.
    m_signIn = new SignInDialog(m_session, this);
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    m_signIn->setReason(reason);
    connect(m_signIn, &QDialog::finished, this, [this](int result) {
        m_signIn = nullptr;
        // Without a sign-in there is nothing to show: closing the dialog ends the app.
        if (result != QDialog::Accepted && !m_session->isSignedIn())
            QApplication::quit();
    });
    m_signIn->open();
}

void MainWindow::onSignedIn()
{
    m_lastSyncError.clear();
    updateStatus();
    show();
}

void MainWindow::onSyncFinished(const Result<void> &result)
{
    m_lastSyncError = result.ok() ? QString() : result.error().message;
    updateStatus();
}

void MainWindow::onOnlineChanged(bool online)
{
    m_offline->setVisible(!online);
    updateStatus();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateStatus()
{
    const auto staff = m_session->staff();
    const auto who = staff.name.isEmpty() ? staff.email : staff.name;
    const auto synced = m_session->sync()->lastSyncedAt();
    QString text = synced.isValid()
                       ? tr("Signed in as %1 — synced %2")
                             .arg(who, QLocale().toString(synced.toLocalTime().time(), QLocale::ShortFormat))
                       : tr("Signed in as %1 — not synced yet").arg(who);
    if (!m_lastSyncError.isEmpty() && m_session->sync()->isOnline())
        text += u' ' + tr("(last sync failed: %1)").arg(m_lastSyncError);
    m_status->setText(text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gatehouse"),
                       tr("<b>Gatehouse %1</b><p>Manage who can open your firm's client portal.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->settings()->setMainWindowGeometry(saveGeometry());
    event->accept();
    QApplication::quit();
}

} // namespace Gatehouse
