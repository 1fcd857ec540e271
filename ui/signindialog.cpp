// SPDX-License-Identifier: Apache-2.0
#include "signindialog.h"

#include "common/errorcode.h"
#include "dialogs.h"
#include "model/appsettings.h"
#include "model/certificatetrust.h"
#include "model/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

namespace Gatehouse {

SignInDialog::SignInDialog(Session *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_reason(new QLabel(this)), m_server(new QLineEdit(this)),
      m_email(new QLineEdit(this)), m_password(new QLineEdit(this)), m_managed(new QLabel(this)),
      m_totpLabel(new QLabel(tr("&Code:"), this)), m_totp(new QLineEdit(this)),
      m_forgetCertificate(new QPushButton(tr("Forget approved certificate"), this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to Gatehouse"));
    setAccessibleName(tr("Sign in to Gatehouse"));

    m_reason->setWordWrap(true);
    m_reason->setVisible(false);
    m_reason->setAccessibleName(tr("Why you need to sign in"));

    m_server->setPlaceholderText(tr("https://portal.example.com"));
    m_server->setAccessibleName(tr("Server address"));
    const auto server = session->settings()->serverUrlSetting();
    m_server->setText(server.value.toString());
    // An address IT has fixed stays visible but cannot be edited (never hidden).
    m_server->setEnabled(!server.enforced);
    m_managed->setText(tr("Managed by your organisation"));
    m_managed->setAccessibleName(tr("Server address is managed by your organisation"));
    m_managed->setToolTip(tr("Set by IT in %1").arg(server.origin));
    m_managed->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic;"));
    m_managed->setVisible(server.enforced);
    m_email->setPlaceholderText(tr("you@yourfirm.com"));
    m_email->setAccessibleName(tr("Email"));
    m_email->setText(session->settings()->lastEmail());
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_totp->setAccessibleName(tr("Authenticator code"));
    m_totp->setPlaceholderText(tr("6 digits from your authenticator app"));
    m_totp->setMaxLength(8);
    m_totp->setVisible(false);
    m_totpLabel->setBuddy(m_totp);
    m_totpLabel->setVisible(false);
    m_forgetCertificate->setAccessibleName(tr("Forget approved certificate"));
    m_forgetCertificate->setToolTip(tr("Use when IT has replaced the server's certificate"));
    m_forgetCertificate->setVisible(false);
    connect(m_forgetCertificate, &QPushButton::clicked, this, [this] {
        const QUrl url(m_server->text().trimmed());
        m_session->settings()->setPinnedCertificate(CertificateTrust::serverKey(url), QString());
        m_forgetCertificate->setVisible(false);
        showError(tr("The approval was removed. Sign in again to review the new certificate."));
    });

    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setAccessibleName(tr("Sign-in problem"));
    m_error->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(QString(), m_managed);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_totpLabel, m_totp);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_forgetCertificate, 0, Qt::AlignLeft);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (m_email->text().isEmpty())
        m_email->setFocus();
    else
        m_password->setFocus();
}

void SignInDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString SignInDialog::validateServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const auto scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return tr("Enter the server address with https://, for example https://portal.example.com.");
    // Plain HTTP would send the password and token in clear; allow it only on this machine.
    const auto host = url.host().toLower();
    if (scheme == u"http" && host != u"localhost" && host != u"127.0.0.1")
        return tr("Use https:// for the server address; plain http:// is only allowed for localhost.");
    if (!url.userInfo().isEmpty())
        return tr("Leave user name and password out of the server address.");
    return {};
}

QString SignInDialog::validateEmail(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!shape.match(text.trimmed()).hasMatch())
        return tr("Enter your work email address, for example you@yourfirm.com.");
    return {};
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_server->setEnabled(!busy && m_session->settings()->serverUrlChangeable());
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_totp->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    QString problem = validateServerUrl(m_server->text());
    QLineEdit *offending = m_server;
    if (problem.isEmpty()) {
        problem = validateEmail(m_email->text());
        offending = m_email;
    }
    if (problem.isEmpty() && m_password->text().isEmpty()) {
        problem = tr("Enter your password.");
        offending = m_password;
    }
    if (!problem.isEmpty()) {
        showError(problem);
        offending->setFocus();
        return;
    }

    showError(QString());
    setBusy(true);
    QPointer<SignInDialog> guard(this);
    const QUrl server(m_server->text().trimmed(), QUrl::StrictMode);
    m_session->signIn(server, m_email->text().trimmed(), m_password->text(), m_totp->text().trimmed(),
                      [guard](Result<void> r) {
                          if (!guard)
                              return;
                          guard->setBusy(false);
                          if (!r && r.error().code == u"totp_required") {
                              // The account has two-factor sign-in: ask for the code and keep the password.
                              guard->m_totpLabel->setVisible(true);
                              guard->m_totp->setVisible(true);
                              guard->showError(tr("Enter the 6-digit code from your authenticator app."));
                              guard->m_totp->setFocus();
                              return;
                          }
                          if (!r && r.error().code == ErrorCode::CertificateChanged)
                              guard->m_forgetCertificate->setVisible(true);
                          if (!r) {
                              guard->showError(r.error().message);
                              guard->m_password->selectAll();
                              guard->m_password->setFocus();
                              return;
                          }
                          guard->m_password->clear();
                          guard->accept();
                      });
}

} // namespace Gatehouse
