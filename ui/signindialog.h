// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Gatehouse {

class Session;

// Asks for the server address, email and password, and signs in through the Session.
// Input is checked before anything goes over the network; the server's answer (or the
// reason it could not be reached) is shown in the dialog as it came, in words.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(Session *session, QWidget *parent = nullptr);

    // Why a password is needed again (e.g. an expired sign-in); shown above the form.
    void setReason(const QString &reason);

    // Empty when fine, otherwise what to fix. Public so tests can check the rules.
    static QString validateServerUrl(const QString &text);
    static QString validateEmail(const QString &text);

    QString errorText() const;
    QLineEdit *serverEdit() const { return m_server; }
    QLabel *managedNote() const { return m_managed; }
    QLineEdit *totpEdit() const { return m_totp; }

private:
    void submit();
    void setBusy(bool busy);
    void showError(const QString &message);

    Session *m_session;
    QLabel *m_reason;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_managed;
    QLabel *m_totpLabel;
    QLineEdit *m_totp;
    QPushButton *m_forgetCertificate;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    bool m_busy = false;
};

} // namespace Gatehouse
