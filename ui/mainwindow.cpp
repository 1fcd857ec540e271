// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "accessreportdialog.h"
#include "auditviewer.h"
#include "bulkinvitedialog.h"
#include "certificateprompt.h"
#include "clientdetailpane.h"
#include "csvimportdialog.h"
#include "dialogs.h"
#include "invitedialog.h"
#include "mailoutboxdialog.h"
#include "model/appsettings.h"
#include "model/clientactions.h"
#include "model/clientlistmodel.h"
#include "model/diagnostics.h"
#include "model/logfile.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "phonecodedialog.h"
#include "revokedialog.h"
#include "signindialog.h"
#include "statusbadge.h"
#include "teamdialog.h"
#include "totpenrolmentdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Gatehouse {

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_certificatePrompt(std::make_unique<CertificatePrompt>(this)),
      m_filter(new QLineEdit(this)), m_statusFilter(new QComboBox(this)), m_view(new QTableView(this)),
      m_detail(new ClientDetailPane(session, this)), m_offline(new QLabel(this)), m_keychain(new QLabel(this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Gatehouse"));
    session->setCertificateApprover(m_certificatePrompt.get());

    m_offline->setText(tr("Offline — showing cached data; changes are disabled until the server is reachable. "
                          "Gatehouse reconnects automatically."));
    m_offline->setAccessibleName(tr("Offline notice"));
    m_offline->setWordWrap(true);
    m_offline->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5c4300; padding: 6px; "
                                            "border: 1px solid #e6c66e; border-radius: 3px; }"));
    m_offline->setVisible(false);
    m_keychain->setAccessibleName(tr("Keychain notice"));
    m_keychain->setWordWrap(true);
    m_keychain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychain->setStyleSheet(m_offline->styleSheet());
    m_keychain->setVisible(false);

    m_filter->setPlaceholderText(tr("Filter by name, email or matter"));
    m_filter->setAccessibleName(tr("Filter clients"));
    m_filter->setClearButtonEnabled(true);
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    const std::initializer_list<std::pair<ClientStatus, QString>> statuses{{ClientStatus::Draft, tr("Draft")},
                                                                           {ClientStatus::Invited, tr("Invited")},
                                                                           {ClientStatus::Active, tr("Active")},
                                                                           {ClientStatus::Revoked, tr("Revoked")},
                                                                           {ClientStatus::Expired, tr("Expired")}};
    for (const auto &[status, text] : statuses)
        m_statusFilter->addItem(text, int(status));

    m_view->setModel(session->clients());
    m_view->setAccessibleName(tr("Clients"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true); // ClientListModel::sort() runs in SQL
    m_view->sortByColumn(ClientListModel::Name, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    // Arrows move within the list; Tab moves on to the detail pane (keyboard-first).
    m_view->setTabKeyNavigation(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setColumnWidth(ClientListModel::Name, 150);
    m_view->setColumnWidth(ClientListModel::Email, 170);
    m_view->setColumnWidth(ClientListModel::Matter, 130);
    m_view->setColumnWidth(ClientListModel::Partner, 110);
    m_view->setColumnWidth(ClientListModel::Status, 80);
    m_view->setItemDelegateForColumn(ClientListModel::Status, new StatusBadgeDelegate(m_view));
    m_view->setColumnWidth(ClientListModel::RequireSignIn, 48);
    m_view->setColumnWidth(ClientListModel::LastAccess, 95);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_statusFilter);

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    m_listStack = new QStackedWidget(listSide);
    m_listStack->addWidget(m_view);
    m_listStack->addWidget(createEmptyState());
    listLayout->addWidget(m_listStack, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({860, 440}); // the list gets the room; restored state wins below

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_offline);
    layout->addWidget(m_keychain);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_status->setAccessibleName(tr("Sync status"));
    statusBar()->addWidget(m_status, 1);
    // How colleagues' changes arrive: pushed at once, or polled while the push channel
    // is down.
    m_syncMode = new QLabel(this);
    m_syncMode->setObjectName(QStringLiteral("syncMode"));
    m_syncMode->setAccessibleName(tr("Update mode"));
    statusBar()->addPermanentWidget(m_syncMode);
    // One message at a time: a temporary message (an action's result) takes the place of
    // the sign-in status until it times out. QStatusBar does this itself only for widgets
    // that were visible when the message came, so a message that arrived while the window
    // was still hidden (during sign-in) used to be painted over the status.
    connect(statusBar(), &QStatusBar::messageChanged, m_status,
            [this](const QString &message) { m_status->setHidden(!message.isEmpty()); });

    createActions();
    createMenus();
    createToolBar();

    // A short pause before filtering: a rare term scans every cached row in SQL, and
    // there is no point doing that for each keystroke of a word being typed.
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] { m_session->clients()->setFilterText(m_filter->text()); });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_statusFilter->currentData().toInt();
        m_session->clients()->setStatusFilter(v < 0 ? std::nullopt : std::optional<ClientStatus>(ClientStatus(v)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_detail->showClient(currentClient());
        updateActions();
    });
    connect(session->clients(), &QAbstractItemModel::modelReset, this, [this] {
        m_detail->showClient(currentClient());
        updateActions();
    });
    // A sync changes rows in place: the pane keeps its client and shows the new data.
    connect(session->clients(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_view->currentIndex().row();
                if (row < topLeft.row() || row > bottomRight.row())
                    return;
                m_detail->showClient(currentClient());
                updateActions();
            });
    keepPlaceOnScreen();
    connect(session->clients(), &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    // The count in the status bar follows a filter, including a common term's completion.
    connect(session->clients(), &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(session->clients(), &ClientListModel::completed, this, &MainWindow::updateStatus);
    connect(session->clients(), &QAbstractItemModel::layoutChanged, this, &MainWindow::updateEmptyState);
    connect(session->clients(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(session->clients(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_detail, &ClientDetailPane::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(session->actions(), &ClientActions::actionFailed, this,
            [this](const QString &message) { Dialogs::warning(this, tr("Not changed"), message); });
    connect(session, &Session::signInRequired, this, &MainWindow::askForSignIn);
    connect(session, &Session::signedIn, this, &MainWindow::onSignedIn);
    connect(session, &Session::signedOut, this, [this] { askForSignIn(QString()); });
    connect(session, &Session::warning, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(session, &Session::keychainFailed, this, [this](const QString &detail) {
        m_keychain->setText(tr("Your sign-in could not be saved in the system keychain (%1). You will need to sign in "
                               "again next time. Check that your keyring is unlocked.")
                                .arg(detail));
        m_keychain->setVisible(true);
    });
    connect(session, &Session::signedOut, m_keychain, &QWidget::hide);
    connect(session->sync(), &SyncEngine::finished, this, &MainWindow::onSyncFinished);
    connect(session->sync(), &SyncEngine::onlineChanged, this, &MainWindow::onOnlineChanged);
    connect(session->sync(), &SyncEngine::liveChanged, this, &MainWindow::updateSyncMode);
    connect(session, &Session::signedIn, this, &MainWindow::updateSyncMode);
    connect(session, &Session::signedOut, this, &MainWindow::updateSyncMode);
    connect(session->sync(), &SyncEngine::progress, this, [this](int rows) {
        if (rows >= 1000)
            m_status->setText(tr("Syncing… %1 records received").arg(QLocale().toString(rows)));
    });

    const auto *settings = session->settings();
    if (!restoreGeometry(settings->mainWindowGeometry()))
        resize(1200, 720);
    m_view->horizontalHeader()->restoreState(settings->windowState(QStringLiteral("main"), QStringLiteral("header")));
    splitter->restoreState(settings->windowState(QStringLiteral("main"), QStringLiteral("splitter")));
    updateActions();
    updateSyncMode();
    if (session->isSignedIn())
        updateStatus();
}

void MainWindow::updateSyncMode()
{
    const auto *sync = m_session->sync();
    if (!m_session->isSignedIn()) {
        m_syncMode->clear();
        return;
    }
    if (sync->isLive()) {
        m_syncMode->setText(tr("Live"));
        m_syncMode->setToolTip(tr("Colleagues' changes appear as they happen."));
    } else {
        const int seconds = qMax(1, sync->interval() / 1000);
        m_syncMode->setText(tr("Polling every %n s", nullptr, seconds));
        m_syncMode->setToolTip(tr("The live connection to the server is down; the app checks for changes "
                                  "every %n second(s) and reconnects by itself.",
                                  nullptr, seconds));
    }
}

MainWindow::~MainWindow()
{
    m_session->setCertificateApprover(nullptr);
}

QAction *MainWindow::addClientAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                                     const std::function<void()> &slot)
{
    auto *a = new QAction(text, this);
    a->setShortcut(shortcut);
    a->setShortcutContext(Qt::WindowShortcut);
    connect(a, &QAction::triggered, this, slot);
    m_actions.insert(name, a);
    m_clientActions << a;
    addAction(a);
    return a;
}

void MainWindow::createActions()
{
    addClientAction(QStringLiteral("invite"), tr("&Invite…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                    [this] { openInvite(false); });
    addClientAction(QStringLiteral("invite-selected"), tr("Invite &selected clients…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] { openBulkInvite(); });
    addClientAction(QStringLiteral("toggle-lock"), tr("Re&quire sign-in"), QKeySequence(Qt::CTRL | Qt::Key_L),
                    [this] { toggleLock(); });
    addClientAction(QStringLiteral("confirm-code"), tr("&Confirm a client's code…"), QKeySequence(Qt::CTRL | Qt::Key_K),
                    [this] { openPhoneCode(); });
    addClientAction(QStringLiteral("regenerate"), tr("Re&generate link…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                    [this] { openRevoke(int(RevokeDialog::Action::Regenerate)); });
    addClientAction(QStringLiteral("end-sessions"), tr("&End all sessions…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                    [this] { openRevoke(int(RevokeDialog::Action::EndSessions)); });
    addClientAction(QStringLiteral("revoke"), tr("Re&voke access…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                    [this] { openRevoke(int(RevokeDialog::Action::Revoke)); });
    addClientAction(QStringLiteral("attach-document"), tr("A&ttach document…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { m_detail->chooseAttachments(); });
    auto *copy = new QAction(tr("Copy &email address"), this);
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, [this] {
        if (const auto c = currentClient())
            QApplication::clipboard()->setText(c->email);
    });
    m_actions.insert(QStringLiteral("copy-email"), copy);
    m_view->addAction(copy);

    auto *newClient = new QAction(tr("&New client and invite…"), this);
    newClient->setShortcut(QKeySequence::New);
    connect(newClient, &QAction::triggered, this, [this] { openInvite(true); });
    m_actions.insert(QStringLiteral("new-client"), newClient);

    auto *importCsv = new QAction(tr("&Import clients from CSV…"), this);
    importCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(importCsv, &QAction::triggered, this, [this] {
        auto *dialog = new CsvImportDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_actions.insert(QStringLiteral("import-csv"), importCsv);

    auto *audit = new QAction(tr("&Audit log"), this);
    audit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(audit, &QAction::triggered, this, &MainWindow::openAuditLog);
    m_actions.insert(QStringLiteral("audit"), audit);

    // The partners' access report (D12): partners and admins only.
    auto *report = new QAction(tr("Access &report…"), this);
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(report, &QAction::triggered, this, &MainWindow::openAccessReport);
    m_actions.insert(QStringLiteral("access-report"), report);

    auto *team = new QAction(tr("&Team…"), this);
    team->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(team, &QAction::triggered, this, [this] {
        auto *dialog = new TeamDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_actions.insert(QStringLiteral("team"), team);
    m_actions.insert(QStringLiteral("mail-outbox"), MailOutboxDialog::createAction(m_session->client(), this));

    // Any staff member can turn on two-step sign-in for their own account (D1).
    auto *totp = new QAction(tr("Set up &two-step sign-in…"), this);
    connect(totp, &QAction::triggered, this, [this] {
        auto *dialog = new TotpEnrolmentDialog(m_session->client(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_actions.insert(QStringLiteral("two-step"), totp);

    auto *refresh = new QAction(tr("&Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_session->sync(), &SyncEngine::syncNow);
    m_actions.insert(QStringLiteral("refresh"), refresh);

    auto *find = new QAction(tr("&Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    m_actions.insert(QStringLiteral("find"), find);
}

void MainWindow::createMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.value(QStringLiteral("new-client")));
    file->addAction(m_actions.value(QStringLiteral("import-csv")));
    file->addSeparator();
    file->addAction(m_actions.value(QStringLiteral("two-step")));
    auto *signOut = file->addAction(tr("Sign &out"));
    connect(signOut, &QAction::triggered, m_session, [this] { m_session->signOut(false); });
    auto *signOutClear = file->addAction(tr("Sign out and &clear local data"));
    connect(signOutClear, &QAction::triggered, m_session, [this] { m_session->signOut(true); });
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_actions.value(QStringLiteral("copy-email")));
    edit->addAction(m_actions.value(QStringLiteral("find")));

    auto *client = menuBar()->addMenu(tr("&Client"));
    for (const auto *name : {"invite", "invite-selected", "toggle-lock", "confirm-code", "attach-document"})
        client->addAction(m_actions.value(QString::fromLatin1(name)));
    client->addSeparator();
    for (const auto *name : {"regenerate", "end-sessions", "revoke"})
        client->addAction(m_actions.value(QString::fromLatin1(name)));

    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions.value(QStringLiteral("refresh")));
    view->addAction(m_actions.value(QStringLiteral("audit")));
    view->addAction(m_actions.value(QStringLiteral("access-report")));
    view->addSeparator();
    view->addAction(m_actions.value(QStringLiteral("team")));
    view->addAction(m_actions.value(QStringLiteral("mail-outbox")));

    auto *help = menuBar()->addMenu(tr("&Help"));
    auto *about = help->addAction(tr("&About Gatehouse"));
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    auto *diagnostics = help->addAction(tr("Copy &diagnostics"));
    diagnostics->setObjectName(QStringLiteral("copyDiagnostics"));
    diagnostics->setToolTip(tr("Copy a report for IT support: versions, settings, cache and recent log lines. "
                               "It contains no password or token."));
    connect(diagnostics, &QAction::triggered, this, &MainWindow::copyDiagnostics);
}

void MainWindow::keepPlaceOnScreen()
{
    // Rows a sync inserts, removes or moves above the first visible row would push what
    // the user is looking at up or down; the scroll bar moves by as much, so the rows on
    // screen stay where they were (D9). Rows paged in at the end change nothing here.
    auto *model = m_session->clients();
    const auto shift = [this](int rows) {
        if (rows == 0)
            return;
        auto *bar = m_view->verticalScrollBar();
        const int step = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                             ? 1
                             : m_view->verticalHeader()->defaultSectionSize();
        // The range grows with the rows only at the next layout; make room first.
        if (rows > 0)
            bar->setMaximum(bar->maximum() + rows * step);
        bar->setValue(bar->value() + rows * step);
    };
    const auto remember = [this] { m_topRowBefore = m_view->rowAt(0); };
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, remember);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, remember);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, remember);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this, shift](const QModelIndex &, int first, int last) {
        if (m_topRowBefore > 0 && first <= m_topRowBefore)
            shift(last - first + 1);
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this, shift](const QModelIndex &, int first, int last) {
        if (m_topRowBefore > 0 && last < m_topRowBefore)
            shift(-(last - first + 1));
    });
    connect(model, &QAbstractItemModel::rowsMoved, this,
            [this, shift](const QModelIndex &, int start, int, const QModelIndex &, int destination) {
                if (m_topRowBefore <= 0)
                    return;
                const bool wasAbove = start < m_topRowBefore;
                const bool nowAbove = destination <= m_topRowBefore;
                shift(int(nowAbove) - int(wasAbove));
            });
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

std::optional<ClientRecord> MainWindow::currentClient() const
{
    const auto idx = m_view->currentIndex();
    if (!idx.isValid())
        return std::nullopt;
    return m_session->clients()->clientAt(idx.row());
}

void MainWindow::updateActions()
{
    const QString reason = m_session->actions()->unavailableReason();
    const bool hasClient = currentClient().has_value();
    for (auto *a : std::as_const(m_clientActions)) {
        a->setEnabled(reason.isEmpty() && hasClient);
        // The reason goes where people look: the tooltip and the status tip.
        a->setStatusTip(reason.isEmpty() ? (hasClient ? QString() : tr("Select a client first.")) : reason);
    }
    m_actions.value(QStringLiteral("new-client"))->setEnabled(reason.isEmpty());
    m_actions.value(QStringLiteral("new-client"))->setStatusTip(reason);
    m_detail->setActionsEnabled(reason.isEmpty(), reason);
    // Team management is for admins (D11); others see it greyed out, with the reason.
    auto *team = m_actions.value(QStringLiteral("team"));
    const bool admin = m_session->staff().role == StaffRole::Admin;
    team->setEnabled(admin && reason.isEmpty());
    team->setStatusTip(admin ? reason : tr("Only administrators manage the team."));
    // The outbox names every client's address: not even shown to other roles (F16).
    m_actions.value(QStringLiteral("mail-outbox"))->setVisible(admin);
    m_actions.value(QStringLiteral("mail-outbox"))->setEnabled(admin && reason.isEmpty());
    m_actions.value(QStringLiteral("access-report"))->setVisible(m_session->canReadFullAudit());
    if (const auto c = currentClient()) {
        auto *lock = m_actions.value(QStringLiteral("toggle-lock"));
        lock->setText(c->requireSignIn ? tr("Stop re&quiring sign-in") : tr("Re&quire sign-in"));
    }
    // Toolbar buttons show the tooltip: why the action is off, or the action and its
    // shortcut.
    for (auto *a : std::as_const(m_actions)) {
        const QString shortcut = a->shortcut().toString(QKeySequence::NativeText);
        const QString name = a->text().remove(u'&');
        a->setToolTip(!a->statusTip().isEmpty() ? a->statusTip()
                      : shortcut.isEmpty()      ? name
                                                : tr("%1 (%2)").arg(name, shortcut));
    }
}

void MainWindow::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    for (const auto *name : {"invite", "toggle-lock", "confirm-code"})
        menu.addAction(m_actions.value(QString::fromLatin1(name)));
    menu.addSeparator();
    for (const auto *name : {"regenerate", "end-sessions", "revoke"})
        menu.addAction(m_actions.value(QString::fromLatin1(name)));
    menu.addSeparator();
    menu.addAction(m_actions.value(QStringLiteral("copy-email")));
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void MainWindow::toggleLock()
{
    const auto idx = m_view->currentIndex();
    if (!idx.isValid())
        return;
    const auto lockIndex = m_session->clients()->index(idx.row(), ClientListModel::RequireSignIn);
    const bool on = lockIndex.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
    m_session->clients()->setData(lockIndex, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    updateActions();
}

void MainWindow::openInvite(bool newClient)
{
    const auto client = newClient ? std::nullopt : currentClient();
    if (!newClient && !client)
        return;
    auto *dialog = new InviteDialog(m_session, client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QList<QPair<qint64, QString>> MainWindow::selectedClients() const
{
    QList<QPair<qint64, QString>> clients;
    const auto rows = m_view->selectionModel()->selectedRows();
    for (const auto &index : rows) {
        if (const auto c = m_session->clients()->clientAt(index.row()))
            clients.append({c->id, c->name});
    }
    if (clients.isEmpty()) {
        if (const auto c = currentClient())
            clients.append({c->id, c->name});
    }
    return clients;
}

void MainWindow::openBulkInvite()
{
    const auto clients = selectedClients();
    if (clients.isEmpty())
        return;
    auto *dialog = new BulkInviteDialog(m_session, clients, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->start();
}

void MainWindow::openRevoke(int action)
{
    const auto client = currentClient();
    if (!client)
        return;
    auto *dialog = new RevokeDialog(m_session, *client, RevokeDialog::Action(action), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openPhoneCode()
{
    const auto client = currentClient();
    if (!client)
        return;
    auto *dialog = new PhoneCodeDialog(m_session, *client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAuditLog()
{
    if (!m_audit) {
        m_audit = new AuditViewer(m_session, this);
        m_audit->setWindowFlag(Qt::Window);
        m_audit->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_audit->show();
    m_audit->raise();
    m_audit->activateWindow();
}

void MainWindow::openAccessReport()
{
    if (!m_session->canReadFullAudit())
        return;
    if (!m_report) {
        m_report = new AccessReportDialog(m_session, this);
        m_report->setWindowFlag(Qt::Window);
        m_report->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_report, &AccessReportDialog::trailRequested, this, [this](qint64 clientId, const QString &name) {
            openAuditLog();
            m_audit->showClientTrail(clientId, name);
        });
    }
    m_report->show();
    m_report->raise();
    m_report->activateWindow();
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
    updateActions();
    show();
}

void MainWindow::onSyncFinished(const Result<void> &result)
{
    m_lastSyncError = result.ok() ? QString() : result.error().message;
    updateStatus();
    updateEmptyState();
}

void MainWindow::onOnlineChanged(bool online)
{
    m_offline->setVisible(!online);
    updateStatus();
    updateActions();
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
    // Exact: the list holds every match's id, so the count costs nothing.
    const QString count = QLocale().toString(m_session->clients()->matchingCount());
    QString text = synced.isValid()
                       ? tr("Signed in as %1 — %2 clients — synced %3")
                             .arg(who, count, QLocale().toString(synced.toLocalTime().time(), QLocale::ShortFormat))
                       : tr("Signed in as %1 — not synced yet").arg(who);
    if (!m_lastSyncError.isEmpty() && m_session->sync()->isOnline())
        text += u' ' + tr("(last sync failed: %1)").arg(m_lastSyncError);
    m_status->setText(text);
}

void MainWindow::createToolBar()
{
    auto *bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(24, 24));
    for (const auto *name :
         {"new-client", "invite", "invite-selected", "toggle-lock", "revoke", "confirm-code", "attach-document"}) {
        auto *action = m_actions.value(QString::fromLatin1(name));
        bar->addAction(action);
        m_toolBarActions.insert(QString::fromLatin1(name), action);
    }
    updateIcons();
}

void MainWindow::updateIcons()
{
    // Dark-on-light icons for a light palette, light-on-dark for a dark one.
    const QString set = StatusBadgeDelegate::isDark(palette()) ? QStringLiteral("dark") : QStringLiteral("light");
    for (auto it = m_toolBarActions.cbegin(); it != m_toolBarActions.cend(); ++it)
        it.value()->setIcon(QIcon(QStringLiteral(":/gatehouse/icons/%1/%2.png").arg(set, it.key())));
}

void MainWindow::changeEvent(QEvent *event)
{
    // After the event: an application-wide change reaches the window before its own
    // palette is resolved.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange ||
        event->type() == QEvent::ThemeChange)
        QMetaObject::invokeMethod(this, &MainWindow::updateIcons, Qt::QueuedConnection);
    QMainWindow::changeEvent(event);
}

QWidget *MainWindow::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    m_emptyText = new QLabel(page);
    m_emptyText->setAccessibleName(tr("No clients to show"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *invite = new QPushButton(tr("Invite a client…"), page);
    invite->setObjectName(QStringLiteral("emptyInvite"));
    connect(invite, &QPushButton::clicked, this, [this] { m_actions.value(QStringLiteral("new-client"))->trigger(); });
    auto *import = new QPushButton(tr("Import from CSV…"), page);
    import->setObjectName(QStringLiteral("emptyImport"));
    connect(import, &QPushButton::clicked, this, [this] { m_actions.value(QStringLiteral("import-csv"))->trigger(); });
    auto *clear = new QPushButton(tr("Clear filter"), page);
    clear->setObjectName(QStringLiteral("emptyClearFilter"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_filter->clear();
        m_statusFilter->setCurrentIndex(0);
        m_session->clients()->setFilterText(QString()); // at once, not after the typing pause
        m_view->setFocus();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(invite);
    buttons->addWidget(import);
    buttons->addWidget(clear);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_emptyText);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void MainWindow::updateEmptyState()
{
    if (!m_actions.contains(QStringLiteral("new-client")))
        return; // still being built
    auto *model = m_session->clients();
    // Before the first sync an empty list means "not loaded yet", not "no clients".
    const bool known = m_session->sync() && (m_session->sync()->lastSyncedAt().isValid() ||
                                             (m_session->cache() && !m_session->cache()->cursor().isEmpty()));
    const bool empty = known && model->rowCount() == 0;
    const bool filtered = !model->filterText().isEmpty() || model->statusFilter().has_value();
    if (empty) {
        m_emptyText->setText(filtered ? (model->filterText().isEmpty()
                                             ? tr("No clients have the status “%1”.").arg(m_statusFilter->currentText())
                                             : tr("No clients match “%1”.").arg(model->filterText()))
                                      : tr("No clients yet — invite your first client, or import a list from CSV."));
        const auto buttons = m_listStack->widget(1)->findChildren<QPushButton *>();
        for (auto *button : buttons)
            button->setVisible((button->objectName() == u"emptyClearFilter") == filtered);
        m_listStack->widget(1)
            ->findChild<QPushButton *>(QStringLiteral("emptyInvite"))
            ->setEnabled(m_actions.value(QStringLiteral("new-client"))->isEnabled());
        m_listStack->widget(1)
            ->findChild<QPushButton *>(QStringLiteral("emptyImport"))
            ->setEnabled(m_actions.value(QStringLiteral("import-csv"))->isEnabled());
    }
    const bool hadFocus = m_view->hasFocus();
    m_listStack->setCurrentIndex(empty ? 1 : 0);
    if (!empty && hadFocus)
        m_view->setFocus();
}

void MainWindow::withServerInfo(std::function<void(const std::optional<ServerInfo> &)> done)
{
    if (!m_session->isSignedIn()) {
        done(std::nullopt);
        return;
    }
    QPointer<MainWindow> self(this);
    m_session->client()->serverInfo([self, done = std::move(done)](Result<ServerInfo> info) {
        if (self)
            done(info ? std::optional<ServerInfo>(*info) : std::nullopt);
    });
}

void MainWindow::showAbout()
{
    withServerInfo([this](const std::optional<ServerInfo> &server) {
        const QString serverLine = server ? tr("Portal server %1 (database schema %2) at %3")
                                                .arg(server->version.toHtmlEscaped())
                                                .arg(server->schema)
                                                .arg(m_session->serverUrl().toString().toHtmlEscaped())
                                          : tr("Portal server: not connected.");
        // Window-modal and not blocking (unlike QMessageBox::about), so no nested event
        // loop runs inside a server reply's callback.
        auto *box =
            new QMessageBox(QMessageBox::Information, tr("About Gatehouse"),
                            tr("<b>Gatehouse %1</b><p>Manage who can open your firm's client portal.</p><p>%2</p>"
                               "<p>Help → Copy diagnostics copies a report for IT support.</p>")
                                .arg(QApplication::applicationVersion(), serverLine),
                            QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("aboutBox"));
        box->setTextFormat(Qt::RichText);
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::copyDiagnostics()
{
    withServerInfo([this](const std::optional<ServerInfo> &server) {
        auto diagnostics = Diagnostics::collect(*m_session, LogFile::installed());
        diagnostics.server = server;
        QGuiApplication::clipboard()->setText(diagnostics.report());
        statusBar()->showMessage(tr("Diagnostics copied to the clipboard. Paste them into your message to IT."), 10000);
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    auto *settings = m_session->settings();
    settings->setMainWindowGeometry(saveGeometry());
    settings->setWindowState(QStringLiteral("main"), QStringLiteral("header"), m_view->horizontalHeader()->saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings->setWindowState(QStringLiteral("main"), QStringLiteral("splitter"), splitter->saveState());
    if (m_audit)
        m_audit->close();
    event->accept();
    QApplication::quit();
}

} // namespace Gatehouse
