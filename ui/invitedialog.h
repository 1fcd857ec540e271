// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "model/portaltypes.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace Gatehouse {

class Session;

// Invites a client to the portal (D3): either a new client (name, email, matter,
// partner, the lock and phone switches) or an existing one. Input is checked before
// anything is sent; the email the client will get is previewed; after sending, the
// link is shown exactly once with a Copy button and when it expires. The preview is
// rendered by the server from the template the real mail uses, as the user types.
class InviteDialog : public QDialog
{
    Q_OBJECT

public:
    // existing: invite this client; none: create a new client first.
    InviteDialog(Session *session, const std::optional<ClientRecord> &existing, QWidget *parent = nullptr);

    static QString validateName(const QString &text);
    static QString validateEmail(const QString &text);
    static QString validateMatter(const QString &text);

    QString errorText() const;
    QString shownLink() const;
    bool isShowingResult() const;
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *matterEdit() const { return m_matter; }
    QComboBox *partnerBox() const { return m_partner; }
    QCheckBox *lockBox() const { return m_lock; }
    QCheckBox *phoneBox() const { return m_phone; }
    QPushButton *sendButton() const { return m_send; }
    QTextBrowser *preview() const { return m_preview; }
    // The preview as the server rendered it from its real invite template; empty until
    // the first answer (or when the server cannot be reached).
    MailPreview shownPreview() const { return m_shownPreview; }
    // Whether a preview request is waiting for the pause after typing or for the server.
    bool isPreviewPending() const { return m_previewDelay.isActive() || m_previewInFlight > 0; }
    std::optional<ClientRecord> result() const { return m_result; }

private:
    void loadPartners();
    void updatePreview();
    void requestPreview();
    void showPreview(const MailPreview &preview);
    void submit();
    void sendInvite(const ClientRecord &client);
    void showLink(const IssuedLink &link);
    void setBusy(bool busy);
    void showError(const QString &message);

    Session *m_session;
    std::optional<ClientRecord> m_existing;
    std::optional<ClientRecord> m_result;
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_matter;
    QComboBox *m_partner;
    QCheckBox *m_lock;
    QCheckBox *m_phone;
    QTextBrowser *m_preview;
    QLabel *m_error;
    QLineEdit *m_link;
    QLabel *m_expiry;
    QPushButton *m_copy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_send;
    bool m_busy = false;
    QTimer m_previewDelay;
    MailPreview m_shownPreview;
    int m_previewRequest = 0; // answers to older requests are dropped
    int m_previewInFlight = 0;
};

} // namespace Gatehouse
