// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTableView;

namespace Gatehouse {

class Session;
class SignInDialog;

// The client list with its filter, the sync status and the offline banner. It also
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
    QTableView *clientView() const { return m_view; }
    QLabel *offlineBanner() const { return m_offline; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void askForSignIn(const QString &reason);
    void onSignedIn();
    void onSyncFinished(const Result<void> &result);
    void onOnlineChanged(bool online);
    void updateStatus();
    void showAbout();

    Session *m_session;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_offline;
    QLabel *m_status;
    QTimer m_filterDelay;
    SignInDialog *m_signIn = nullptr;
    QString m_lastSyncError;
};

} // namespace Gatehouse
