// SPDX-License-Identifier: Apache-2.0
#include "totpenrolmentdialog.h"

#include "model/portalclient.h"
#include "model/qrcode.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {

// Groups of four are easier to copy by eye; authenticator apps ignore the spaces.
QString grouped(const QString &secret)
{
    QStringList parts;
    for (qsizetype i = 0; i < secret.size(); i += 4)
        parts << secret.mid(i, 4);
    return parts.join(u' ');
}

} // namespace

TotpEnrolmentDialog::TotpEnrolmentDialog(PortalClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_qr(new QLabel(this)), m_secretEdit(new QLineEdit(this)),
      m_code(new QLineEdit(this)), m_status(new QLabel(this)), m_confirm(new QPushButton(tr("&Turn on"), this))
{
    setWindowTitle(tr("Set up two-step sign-in"));
    setAccessibleName(windowTitle());
    auto *intro = new QLabel(tr("Scan this QR code with an authenticator app on your phone, or type the key "
                                "into it by hand. Then enter the 6-digit code the app shows."),
                             this);
    intro->setWordWrap(true);
    m_qr->setAccessibleName(tr("QR code for your authenticator app"));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(240, 240);
    m_secretEdit->setAccessibleName(tr("Key for typing in by hand"));
    m_secretEdit->setReadOnly(true);
    m_code->setAccessibleName(tr("Code from your authenticator app"));
    m_code->setPlaceholderText(tr("6 digits"));
    m_code->setMaxLength(8);
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_confirm->setAccessibleName(tr("Turn on two-step sign-in"));
    m_confirm->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_confirm, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, &TotpEnrolmentDialog::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &TotpEnrolmentDialog::submit);

    auto *form = new QFormLayout;
    form->addRow(tr("&Key:"), m_secretEdit);
    form->addRow(tr("&Code:"), m_code);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_qr);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    start();
}

QString TotpEnrolmentDialog::validateCode(const QString &text)
{
    static const QRegularExpression sixDigits(QStringLiteral("^\\d{6}$"));
    QString t = text;
    t.remove(u' ');
    if (!sixDigits.match(t).hasMatch())
        return tr("The code is the 6 digits your authenticator app shows right now.");
    return {};
}

QString TotpEnrolmentDialog::statusText() const
{
    return m_status->text();
}

void TotpEnrolmentDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Nothing to confirm before the server has handed out a secret, nor after success.
    const bool canConfirm = !busy && isReady() && !m_enrolled;
    m_confirm->setEnabled(canConfirm);
    m_code->setEnabled(canConfirm);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void TotpEnrolmentDialog::start()
{
    setBusy(true);
    m_status->setText(tr("Asking the server for a new key…"));
    QPointer<TotpEnrolmentDialog> guard(this);
    m_client->startTotpEnrolment([guard](Result<TotpEnrolment> r) {
        if (!guard)
            return;
        if (!r) {
            guard->setBusy(false);
            if (r.error().code == u"conflict")
                guard->m_status->setText(tr("Two-step sign-in is already on for your account. An administrator "
                                            "can reset it if you lost your phone."));
            else
                guard->m_status->setText(tr("Two-step sign-in could not be set up: %1").arg(r.error().message));
            return;
        }
        auto qr = QrCode::encode(r->otpauthUri);
        if (qr) {
            guard->m_qrImage = qr->toImage();
            // Whole-pixel scaling keeps module edges sharp, which phone cameras need.
            const int scale = qMax(2, 240 / guard->m_qrImage.width());
            guard->m_qr->setPixmap(QPixmap::fromImage(
                guard->m_qrImage.scaled(guard->m_qrImage.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
        } else {
            guard->m_qr->setText(tr("The QR code could not be drawn; type the key in by hand."));
        }
        guard->m_secret = r->secret;
        guard->m_secretEdit->setText(grouped(r->secret));
        guard->setBusy(false);
        guard->m_status->setText(tr("Waiting for the code from your app."));
        guard->m_code->setFocus();
    });
}

void TotpEnrolmentDialog::submit()
{
    if (m_busy || m_enrolled || !isReady())
        return;
    if (const auto problem = validateCode(m_code->text()); !problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    QString code = m_code->text();
    code.remove(u' ');
    setBusy(true);
    m_status->setText(tr("Checking…"));
    QPointer<TotpEnrolmentDialog> guard(this);
    m_client->confirmTotpEnrolment(code, [guard](Result<StaffMember> r) {
        if (!guard)
            return;
        if (r && r->totpEnrolled) {
            guard->m_enrolled = true;
            guard->setBusy(false);
            guard->m_status->setText(tr("✔ Two-step sign-in is on. From now on, signing in asks for a code "
                                        "from your app."));
            emit guard->enrolled(*r);
            return;
        }
        guard->setBusy(false);
        if (!r && r.error().code == u"invalid_code")
            guard->m_status->setText(tr("✘ That code did not match. Check your phone's clock and try again."));
        else if (!r)
            guard->m_status->setText(tr("The code could not be checked: %1").arg(r.error().message));
        else
            guard->m_status->setText(tr("The server did not turn two-step sign-in on. Try again."));
        guard->m_code->selectAll();
        guard->m_code->setFocus();
    });
}

} // namespace Gatehouse
