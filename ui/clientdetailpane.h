// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "model/portaltypes.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Gatehouse {

class DocumentLinkDialog;
class Session;

// The selected client in full: access state, the lock and phone switches, open
// sessions and verified browsers (D7, end one or all), documents (attach by file
// dialog or drag and drop, remove) and the client's recent audit events. Lists are
// read live from the server when a client is shown; they are small.
class ClientDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ClientDetailPane(Session *session, QWidget *parent = nullptr);

    void showClient(const std::optional<ClientRecord> &client);
    std::optional<ClientRecord> client() const { return m_client; }
    // Re-reads sessions, browsers, documents and events from the server.
    void refreshLists();
    void setActionsEnabled(bool enabled, const QString &reason);

    // The one way files get attached: the Attach button's file dialog and drag and drop
    // both end here. When the uploads are done, the new links are shown once
    // (linkDialog()) with Copy and "Email it to the client".
    void attachFiles(const QStringList &paths);
    // Asks for files to attach (a file dialog) and attaches them; the Documents tab shows
    // the result.
    void chooseAttachments();
    DocumentLinkDialog *linkDialog() const;
    // Emails the selected document's own link to the client (the server mails it); the
    // action behind the Documents tab's button and context menu.
    void emailSelectedDocument();
    QAction *emailDocumentAction() const { return m_emailDocument; }
    QTreeWidget *sessionList() const { return m_sessions; }
    QTreeWidget *browserList() const { return m_browsers; }
    QTreeWidget *documentList() const { return m_documents; }
    QTreeWidget *eventList() const { return m_events; }
    QCheckBox *requireSignInBox() const { return m_lock; }
    QString statusText() const;

    static QString accessState(const ClientRecord &client);

signals:
    void message(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void loadSessions();
    void loadBrowsers();
    void loadDocuments();
    void loadEvents();
    void endSelectedSession(bool all);
    void forgetSelectedBrowser(bool all);
    void removeSelectedDocument();
    void uploadNext(const ClientRecord &client, QStringList paths, QList<UploadedDocument> uploaded);
    void showDocumentMenu(const QPoint &pos);
    void say(const QString &text);

    Session *m_session;
    std::optional<ClientRecord> m_client;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_state;
    QCheckBox *m_lock;
    QCheckBox *m_phone;
    QTabWidget *m_tabs;
    QTreeWidget *m_sessions;
    QTreeWidget *m_browsers;
    QTreeWidget *m_documents;
    QTreeWidget *m_events;
    QLabel *m_status;
    QList<QPushButton *> m_actionButtons;
    QPointer<DocumentLinkDialog> m_linkDialog;
    QAction *m_emailDocument;
    bool m_actionsEnabled = true;
};

} // namespace Gatehouse
