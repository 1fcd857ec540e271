// SPDX-License-Identifier: Apache-2.0
#include "clientdetailpane.h"

#include "dialogs.h"
#include "documentlinkdialog.h"
#include "documentsend.h"
#include "model/auditlogmodel.h"
#include "model/clientactions.h"
#include "model/portalclient.h"
#include "model/relativetime.h"
#include "model/session.h"

#include <QAction>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {

QTreeWidget *makeList(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *list = new QTreeWidget(parent);
    list->setAccessibleName(name);
    list->setRootIsDecorated(false);
    list->setHeaderLabels(headers);
    list->setAlternatingRowColors(true);
    list->header()->setStretchLastSection(true);
    list->setUniformRowHeights(true);
    return list;
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

ClientDetailPane::ClientDetailPane(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_state(new QLabel(this)), m_lock(new QCheckBox(tr("Require sign-in"), this)),
      m_phone(new QCheckBox(tr("Confirm by phone"), this)), m_tabs(new QTabWidget(this)),
      m_sessions(makeList(this, tr("Open sessions"), {tr("Since"), tr("Last seen"), tr("Address"), tr("Device")})),
      m_browsers(
          makeList(this, tr("Verified browsers"), {tr("Verified"), tr("Last seen"), tr("Address"), tr("Device")})),
      m_documents(makeList(this, tr("Documents"), {tr("Name"), tr("Size"), tr("Added")})),
      m_events(makeList(this, tr("Recent activity"), {tr("Time"), tr("Event"), tr("By")})), m_status(new QLabel(this)),
      m_emailDocument(new QAction(tr("&Email this document to the client"), this))
{
    setAccessibleName(tr("Client details"));
    setAcceptDrops(true);
    // A font, not a style sheet: style sheets freeze the palette, and the title must
    // follow a switch between light and dark.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(tr("Client name"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    m_state->setAccessibleName(tr("Access state"));
    m_lock->setAccessibleName(tr("Require sign-in for this client"));
    m_phone->setAccessibleName(tr("Confirm this client by phone"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Details status"));
    m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));

    connect(m_emailDocument, &QAction::triggered, this, &ClientDetailPane::emailSelectedDocument);
    m_emailDocument->setStatusTip(tr("Mail this document's own link to the client's email address"));

    const auto addTab = [this](QTreeWidget *list, const QString &title,
                               const QList<QPair<QString, std::function<void()>>> &buttons) {
        auto *page = new QWidget(m_tabs);
        auto *v = new QVBoxLayout(page);
        v->setContentsMargins(4, 4, 4, 4);
        v->addWidget(list);
        auto *row = new QHBoxLayout;
        for (const auto &[text, slot] : buttons) {
            auto *b = new QPushButton(text, page);
            b->setAccessibleName(QString(text).remove(u'&'));
            connect(b, &QPushButton::clicked, this, slot);
            row->addWidget(b);
            m_actionButtons << b;
        }
        row->addStretch(1);
        v->addLayout(row);
        m_tabs->addTab(page, title);
    };
    addTab(m_sessions, tr("Sessions"),
           {{tr("&End session"), [this] { endSelectedSession(false); }},
            {tr("End &all"), [this] { endSelectedSession(true); }}});
    addTab(m_browsers, tr("Browsers"),
           {{tr("&Forget browser"), [this] { forgetSelectedBrowser(false); }},
            {tr("Forget a&ll"), [this] { forgetSelectedBrowser(true); }}});
    addTab(m_documents, tr("Documents"),
           {{tr("A&ttach…"), [this] { chooseAttachments(); }},
            {tr("E&mail to client"), [this] { emailSelectedDocument(); }},
            {tr("&Remove"), [this] { removeSelectedDocument(); }}});
    m_documents->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_documents, &QWidget::customContextMenuRequested, this, &ClientDetailPane::showDocumentMenu);
    addTab(m_events, tr("Activity"), {});

    connect(m_lock, &QCheckBox::clicked, this, [this](bool on) {
        if (m_client)
            m_session->actions()->setRequireSignIn(m_client->id, on);
    });
    connect(m_phone, &QCheckBox::clicked, this, [this](bool on) {
        if (!m_client)
            return;
        QPointer<ClientDetailPane> guard(this);
        m_session->actions()->setPhoneConfirmation(m_client->id, on, [guard, on](Result<ClientRecord> r) {
            if (guard && !r) {
                guard->m_phone->setChecked(!on);
                guard->say(tr("Phone confirmation was not changed: %1").arg(r.error().message));
            }
        });
    });
    connect(m_session->actions(), &ClientActions::clientChanged, this, [this](const ClientRecord &c) {
        if (m_client && m_client->id == c.id)
            showClient(c);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_state);
    auto *switches = new QHBoxLayout;
    switches->addWidget(m_lock);
    switches->addWidget(m_phone);
    switches->addStretch(1);
    layout->addLayout(switches);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    showClient(std::nullopt);
}

QString ClientDetailPane::accessState(const ClientRecord &c)
{
    switch (c.status) {
    case ClientStatus::Draft:
        return tr("Not invited yet: no link exists.");
    case ClientStatus::Invited:
        return tr("Invited: the link has been sent and not used yet.");
    case ClientStatus::Active:
        return c.lastAccessAt.isValid()
                   ? tr("Active: last opened the portal %1 from %2.")
                         .arg(relativeTime(c.lastAccessAt),
                              c.lastAccessDevice.isEmpty() ? tr("an unknown device") : c.lastAccessDevice)
                   : tr("Active.");
    case ClientStatus::Revoked:
        return tr("Revoked: the client cannot open the portal until invited again.");
    case ClientStatus::Expired:
        return tr("Expired: the link ran out before it was used. Regenerate it to send a new one.");
    }
    return {};
}

QString ClientDetailPane::statusText() const
{
    return m_status->text();
}

void ClientDetailPane::say(const QString &text)
{
    m_status->setText(text);
    if (!text.isEmpty())
        emit message(text);
}

void ClientDetailPane::setActionsEnabled(bool enabled, const QString &reason)
{
    m_actionsEnabled = enabled;
    for (auto *w : std::as_const(m_actionButtons)) {
        w->setEnabled(enabled && m_client);
        w->setToolTip(enabled ? QString() : reason);
    }
    m_lock->setEnabled(enabled && m_client);
    m_phone->setEnabled(enabled && m_client);
    m_emailDocument->setEnabled(enabled && m_client);
    m_emailDocument->setToolTip(enabled ? QString() : reason);
    m_lock->setToolTip(enabled ? QString() : reason);
    m_phone->setToolTip(enabled ? QString() : reason);
}

void ClientDetailPane::showClient(const std::optional<ClientRecord> &client)
{
    const bool sameClient = client && m_client && client->id == m_client->id;
    m_client = client;
    setActionsEnabled(m_actionsEnabled, m_lock->toolTip());
    if (!client) {
        m_title->setText(tr("No client selected"));
        m_details->setText(tr("Select a client in the list to see their access, sessions and documents."));
        m_state->clear();
        for (auto *list : {m_sessions, m_browsers, m_documents, m_events})
            list->clear();
        return;
    }
    m_title->setText(client->name);
    m_details->setText(tr("%1 · %2 · partner: %3")
                           .arg(client->email.toHtmlEscaped(), client->matter.toHtmlEscaped(),
                                client->partnerName.isEmpty() ? tr("none") : client->partnerName.toHtmlEscaped()));
    m_state->setText(accessState(*client));
    m_lock->setChecked(client->requireSignIn);
    m_phone->setChecked(client->phoneConfirmation);
    if (!sameClient)
        refreshLists();
}

void ClientDetailPane::refreshLists()
{
    say(QString());
    loadSessions();
    loadBrowsers();
    loadDocuments();
    loadEvents();
}

void ClientDetailPane::loadSessions()
{
    m_sessions->clear();
    const qint64 id = m_client->id;
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->sessions(id, [guard, id](Result<QList<AccessEntry>> r) {
        if (!guard || !guard->m_client || guard->m_client->id != id)
            return;
        if (!r)
            return guard->say(tr("Sessions could not be loaded: %1").arg(r.error().message));
        for (const auto &s : *r) {
            auto *item = new QTreeWidgetItem(guard->m_sessions,
                                             {localTime(s.since), relativeTime(s.lastSeenAt), s.address, s.device});
            item->setData(0, Qt::UserRole, s.id);
            item->setToolTip(1, localTime(s.lastSeenAt));
        }
    });
}

void ClientDetailPane::loadBrowsers()
{
    m_browsers->clear();
    const qint64 id = m_client->id;
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->browsers(id, [guard, id](Result<QList<AccessEntry>> r) {
        if (!guard || !guard->m_client || guard->m_client->id != id)
            return;
        if (!r)
            return guard->say(tr("Browsers could not be loaded: %1").arg(r.error().message));
        for (const auto &b : *r) {
            auto *item = new QTreeWidgetItem(guard->m_browsers,
                                             {localTime(b.since), relativeTime(b.lastSeenAt), b.address, b.device});
            item->setData(0, Qt::UserRole, b.id);
        }
    });
}

void ClientDetailPane::loadDocuments()
{
    m_documents->clear();
    const qint64 id = m_client->id;
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->documents(id, [guard, id](Result<QList<DocumentInfo>> r) {
        if (!guard || !guard->m_client || guard->m_client->id != id)
            return;
        if (!r)
            return guard->say(tr("Documents could not be loaded: %1").arg(r.error().message));
        for (const auto &d : *r) {
            auto *item = new QTreeWidgetItem(guard->m_documents, {d.name, sizeText(d.size), localTime(d.createdAt)});
            item->setData(0, Qt::UserRole, d.id);
            item->setToolTip(0, tr("Right-click to email this document's link to the client"));
        }
    });
}

void ClientDetailPane::loadEvents()
{
    m_events->clear();
    const qint64 id = m_client->id;
    AuditQuery q;
    q.clientId = id;
    q.limit = 25;
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->audit(q, [guard, id](Result<AuditPage> r) {
        if (!guard || !guard->m_client || guard->m_client->id != id)
            return;
        if (!r)
            return guard->say(tr("Recent activity could not be loaded: %1").arg(r.error().message));
        for (const auto &e : r->events) {
            auto *item = new QTreeWidgetItem(guard->m_events, {localTime(e.time), AuditLogModel::typeText(e.type),
                                                               e.actorLabel.isEmpty() ? e.actorKind : e.actorLabel});
            item->setToolTip(1, AuditLogModel::summaryOf(e));
        }
    });
}

void ClientDetailPane::endSelectedSession(bool all)
{
    if (!m_client)
        return;
    const qint64 id = m_client->id;
    QPointer<ClientDetailPane> guard(this);
    const auto after = [guard](Result<void> r) {
        if (!guard)
            return;
        guard->say(r ? tr("Session ended.") : tr("The session was not ended: %1").arg(r.error().message));
        guard->loadSessions();
    };
    if (all) {
        m_session->client()->endSessions(id, tr("Ended from the client's details"), [guard](Result<int> r) {
            if (!guard)
                return;
            guard->say(r ? tr("%n session(s) ended.", nullptr, *r)
                         : tr("The sessions were not ended: %1").arg(r.error().message));
            guard->loadSessions();
        });
        return;
    }
    auto *item = m_sessions->currentItem();
    if (!item)
        return say(tr("Select a session first."));
    m_session->client()->endSession(id, item->data(0, Qt::UserRole).toLongLong(), after);
}

void ClientDetailPane::forgetSelectedBrowser(bool all)
{
    if (!m_client)
        return;
    const qint64 id = m_client->id;
    QPointer<ClientDetailPane> guard(this);
    if (all) {
        m_session->client()->forgetAllBrowsers(id, [guard](Result<int> r) {
            if (!guard)
                return;
            guard->say(r ? tr("%n browser(s) forgotten.", nullptr, *r)
                         : tr("The browsers were not forgotten: %1").arg(r.error().message));
            guard->loadBrowsers();
        });
        return;
    }
    auto *item = m_browsers->currentItem();
    if (!item)
        return say(tr("Select a browser first."));
    m_session->client()->forgetBrowser(id, item->data(0, Qt::UserRole).toLongLong(), [guard](Result<void> r) {
        if (!guard)
            return;
        guard->say(r ? tr("Browser forgotten.") : tr("The browser was not forgotten: %1").arg(r.error().message));
        guard->loadBrowsers();
    });
}

void ClientDetailPane::removeSelectedDocument()
{
    auto *item = m_documents->currentItem();
    if (!m_client || !item)
        return say(tr("Select a document first."));
    if (Dialogs::question(this, tr("Remove document"),
                          tr("Remove “%1”? The client will no longer see it in the portal.").arg(item->text(0))) !=
        QMessageBox::Yes)
        return;
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->removeDocument(
        m_client->id, item->data(0, Qt::UserRole).toLongLong(), [guard](Result<void> r) {
            if (!guard)
                return;
            guard->say(r ? tr("Document removed.") : tr("The document was not removed: %1").arg(r.error().message));
            guard->loadDocuments();
        });
}

DocumentLinkDialog *ClientDetailPane::linkDialog() const
{
    return m_linkDialog;
}

void ClientDetailPane::showDocumentMenu(const QPoint &pos)
{
    auto *item = m_documents->itemAt(pos);
    if (!item || !m_client)
        return;
    m_documents->setCurrentItem(item);
    QMenu menu(this);
    menu.addAction(m_emailDocument);
    menu.addAction(tr("&Remove"), this, &ClientDetailPane::removeSelectedDocument)->setEnabled(m_actionsEnabled);
    menu.exec(m_documents->viewport()->mapToGlobal(pos));
}

void ClientDetailPane::emailSelectedDocument()
{
    auto *item = m_documents->currentItem();
    if (!m_client || !item)
        return say(tr("Select a document first."));
    DocumentInfo document;
    document.id = item->data(0, Qt::UserRole).toLongLong();
    document.name = item->text(0);
    say(tr("Sending “%1”…").arg(document.name));
    QPointer<ClientDetailPane> guard(this);
    DocumentSend::send(m_session, m_client->id, document, [guard](bool, const QString &text) {
        if (guard)
            guard->say(text);
    });
}

void ClientDetailPane::chooseAttachments()
{
    m_tabs->setCurrentWidget(m_documents->parentWidget());
    attachFiles(Dialogs::openFileNames(this, tr("Attach documents"), tr("All files (*)")));
}

void ClientDetailPane::attachFiles(const QStringList &paths)
{
    if (!m_client || paths.isEmpty())
        return;
    if (!m_actionsEnabled)
        return say(m_lock->toolTip());
    // The whole batch goes to the client shown now, even if the user selects another
    // one while it uploads.
    uploadNext(*m_client, paths, {});
}

void ClientDetailPane::uploadNext(const ClientRecord &client, QStringList paths, QList<UploadedDocument> uploaded)
{
    const bool stillShown = m_client && m_client->id == client.id;
    if (paths.isEmpty()) {
        if (stillShown)
            loadDocuments();
        if (!uploaded.isEmpty()) {
            // The links exist only in these answers (the server keeps their hashes):
            // show them now, once.
            if (m_linkDialog)
                m_linkDialog->close();
            m_linkDialog = new DocumentLinkDialog(m_session, client.id, client.name, uploaded, this);
            m_linkDialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(m_linkDialog, &DocumentLinkDialog::message, this, &ClientDetailPane::say);
            m_linkDialog->open();
        }
        return;
    }
    const QString path = paths.takeFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        say(tr("“%1” could not be read: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return uploadNext(client, paths, uploaded);
    }
    const QByteArray bytes = file.readAll();
    const QString name = QFileInfo(path).fileName();
    const QString type = QMimeDatabase().mimeTypeForFile(path).name();
    say(tr("Uploading “%1”…").arg(name));
    QPointer<ClientDetailPane> guard(this);
    m_session->client()->uploadDocument(
        client.id, name, type, bytes, [guard, client, name, paths, uploaded](Result<UploadedDocument> r) mutable {
            if (!guard)
                return;
            guard->say(r ? tr("“%1” attached.").arg(name)
                         : tr("“%1” was not attached: %2").arg(name, r.error().message));
            if (r)
                uploaded.append(*r);
            guard->uploadNext(client, paths, uploaded);
        });
}

void ClientDetailPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_client && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ClientDetailPane::dropEvent(QDropEvent *event)
{
    QStringList paths;
    const auto urls = event->mimeData()->urls();
    for (const auto &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    attachFiles(paths);
    event->acceptProposedAction();
}

} // namespace Gatehouse
