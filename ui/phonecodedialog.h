// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Gatehouse {

class Session;

// "Confirm a client's code" (D8): staff type the digits a client reads out on the
// phone; the server checks them and the result is said plainly.
class PhoneCodeDialog : public QDialog
{
    Q_OBJECT

public:
    PhoneCodeDialog(Session *session, const ClientRecord &client, QWidget *parent = nullptr);

    static QString validateCode(const QString &text);
    QLineEdit *codeEdit() const { return m_code; }
    QPushButton *checkButton() const { return m_check; }
    QString resultText() const;
    bool confirmed() const { return m_confirmed; }

private:
    void submit();

    Session *m_session;
    ClientRecord m_client;
    QLineEdit *m_code;
    QLabel *m_result;
    QPushButton *m_check;
    bool m_confirmed = false;
    bool m_busy = false;
};

} // namespace Gatehouse
