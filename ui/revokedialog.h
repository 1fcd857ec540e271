// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Gatehouse {

class Session;

// Takes access away (D4): regenerate the link, end all sessions, or revoke all access.
// A reason is required (it goes into the audit log) and the consequence is stated in
// plain words before anything happens.
class RevokeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Action { Regenerate, EndSessions, Revoke };

    RevokeDialog(Session *session, const ClientRecord &client, Action initial = Action::Revoke,
                 QWidget *parent = nullptr);

    static QString consequence(Action action, const ClientRecord &client);

    Action action() const;
    void setAction(Action action);
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    // With "regenerate": also end the client's document links (off by default: they are
    // separate grants and keep working).
    QCheckBox *endDocumentLinksBox() const { return m_endDocuments; }
    QPushButton *confirmButton() const { return m_confirm; }
    QString consequenceText() const;
    QString errorText() const;
    QString newLink() const;

private:
    void update();
    void submit();
    void setBusy(bool busy);
    void showError(const QString &message);
    void showDone(const QString &message);

    Session *m_session;
    ClientRecord m_client;
    QRadioButton *m_regenerate;
    QRadioButton *m_endSessions;
    QRadioButton *m_revoke;
    QCheckBox *m_endDocuments;
    QLabel *m_consequence;
    QPlainTextEdit *m_reason;
    QLabel *m_error;
    QLineEdit *m_link;
    QDialogButtonBox *m_buttons;
    QPushButton *m_confirm;
    bool m_busy = false;
    bool m_finished = false;
};

} // namespace Gatehouse
