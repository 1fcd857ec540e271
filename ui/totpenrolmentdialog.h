// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"

#include <QDialog>
#include <QImage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Gatehouse {

class PortalClient;

// "Set up two-step sign-in" (D1): starts enrolment on the server as soon as it opens,
// shows the otpauth URI as a QR code (and the secret for typing in by hand), then
// confirms the first 6-digit code from the authenticator app. Only a confirmed code
// turns two-step sign-in on, so a mis-scanned secret cannot lock the user out.
class TotpEnrolmentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TotpEnrolmentDialog(PortalClient *client, QWidget *parent = nullptr);

    static QString validateCode(const QString &text);

    // For tests and accessibility checks.
    QImage qrImage() const { return m_qrImage; }
    QString secret() const { return m_secret; }
    QLineEdit *codeEdit() const { return m_code; }
    QPushButton *confirmButton() const { return m_confirm; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    bool isReady() const { return !m_secret.isEmpty(); }
    bool isEnrolled() const { return m_enrolled; }

signals:
    void enrolled(const Gatehouse::StaffMember &staff);

private:
    void start();
    void submit();
    void setBusy(bool busy);

    PortalClient *m_client;
    QLabel *m_qr;
    QLineEdit *m_secretEdit;
    QLineEdit *m_code;
    QLabel *m_status;
    QPushButton *m_confirm;
    QImage m_qrImage;
    QString m_secret;
    bool m_busy = false;
    bool m_enrolled = false;
};

} // namespace Gatehouse
