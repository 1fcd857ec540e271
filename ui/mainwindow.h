// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "accessreportdialog.h"
#include "auditviewer.h"
#include "common/apitypes.h"
#include "common/result.h"

#include <QMainWindow>
#include <QPointer>
#include <QStackedWidget>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Gatehouse {

class CertificatePrompt;
class ClientDetailPane;
class Session;
class SignInDialog;

// The client list with its filter, status filter, detail pane, sync status and the
// offline banner; menus, context menu and shortcuts for every client action. It also
// runs the sign-in flow: at start() and whenever the Session says a password is
// needed, it shows the sign-in dialog; closing that dialog without signing in quits.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Restores the stored sign-in, or asks for one.
    void start();

    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QTableView *clientView() const { return m_view; }
    QLabel *offlineBanner() const { return m_offline; }
    // Shown when the sign-in could not be kept in the system keychain.
    QLabel *keychainBanner() const { return m_keychain; }
    // The sign-in and sync status; hidden while a temporary message has the status bar.
    QLabel *statusLabel() const { return m_status; }
    QLabel *syncModeLabel() const { return m_syncMode; }
    ClientDetailPane *detailPane() const { return m_detail; }
    QString statusText() const;
    // The named action ("invite", "revoke", "regenerate", "end-sessions", "confirm-code",
    // "toggle-lock", "audit", "new-client", "refresh", "team", "mail-outbox", ...), for tests and menus.
    QAction *action(const QString &name) const;
    std::optional<ClientRecord> currentClient() const;
    AuditViewer *auditViewer() const { return m_audit; }

    // The dialogs the actions open; public so tests and the screenshot driver can reach them.
    void openInvite(bool newClient);
    void openRevoke(int action);
    void openBulkInvite();
    QList<QPair<qint64, QString>> selectedClients() const;
    void openPhoneCode();
    void openAuditLog();
    // The partners' access report (D12); nothing for other roles.
    void openAccessReport();
    AccessReportDialog *accessReport() const { return m_report; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    QAction *addClientAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                             const std::function<void()> &slot);
    void askForSignIn(const QString &reason);
    void onSignedIn();
    void onSyncFinished(const Result<void> &result);
    void onOnlineChanged(bool online);
    void updateActions();
    void updateStatus();
    void updateSyncMode();
    void showAbout();
    // Help → Copy diagnostics: the report (model/diagnostics.h) on the clipboard.
    void copyDiagnostics();
    // Asks the server for its version and schema; nullopt when signed out or unreachable.
    void withServerInfo(std::function<void(const std::optional<ServerInfo> &)> done);
    void toggleLock();
    void showContextMenu(const QPoint &pos);
    void keepPlaceOnScreen();
    // What the list area shows when there are no rows: how to add the first client, or
    // that the filter matches nothing (with a way to clear it).
    QWidget *createEmptyState();
    // The everyday client actions with icons (resources/icons), above the list.
    void createToolBar();
    void updateIcons();
    void updateEmptyState();

    Session *m_session;
    std::unique_ptr<CertificatePrompt> m_certificatePrompt;
    QLineEdit *m_filter;
    QComboBox *m_statusFilter;
    QTableView *m_view;
    QStackedWidget *m_listStack = nullptr; // the list, or the empty state
    QLabel *m_emptyText = nullptr;
    ClientDetailPane *m_detail;
    QLabel *m_offline;
    QLabel *m_keychain;
    QLabel *m_status;
    QLabel *m_syncMode = nullptr;
    QTimer m_filterDelay;
    int m_topRowBefore = -1; // the first visible row when a sync starts changing rows
    SignInDialog *m_signIn = nullptr;
    QPointer<AuditViewer> m_audit;
    QPointer<AccessReportDialog> m_report;
    QString m_lastSyncError;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QAction *> m_toolBarActions; // by icon name
    QList<QAction *> m_clientActions;           // need a selected client and a reachable server
};

} // namespace Gatehouse
