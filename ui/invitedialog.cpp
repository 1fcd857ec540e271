// SPDX-License-Identifier: Apache-2.0
#include "invitedialog.h"

#include "common/errorcode.h"
#include "model/clientactions.h"
#include "model/portalclient.h"
#include "model/session.h"
#include "model/syncengine.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Gatehouse {

InviteDialog::InviteDialog(Session *session, const std::optional<ClientRecord> &existing, QWidget *parent)
    : QDialog(parent), m_session(session), m_existing(existing), m_pages(new QStackedWidget(this)),
      m_name(new QLineEdit(this)), m_email(new QLineEdit(this)), m_matter(new QLineEdit(this)),
      m_partner(new QComboBox(this)), m_lock(new QCheckBox(tr("Require sign-in: the link alone is not enough"), this)),
      m_phone(new QCheckBox(tr("Confirm by phone: the client reads a code to you"), this)),
      m_preview(new QTextBrowser(this)), m_error(new QLabel(this)), m_link(new QLineEdit(this)),
      m_expiry(new QLabel(this)), m_copy(new QPushButton(tr("&Copy link"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(existing ? tr("Invite %1").arg(existing->name) : tr("Invite a new client"));
    setAccessibleName(windowTitle());

    m_name->setAccessibleName(tr("Client name"));
    m_email->setAccessibleName(tr("Client email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_matter->setAccessibleName(tr("Matter"));
    m_matter->setPlaceholderText(tr("e.g. Estate of J. Smith"));
    m_partner->setAccessibleName(tr("Responsible partner"));
    m_lock->setAccessibleName(tr("Require sign-in"));
    m_phone->setAccessibleName(tr("Phone confirmation"));
    m_preview->setAccessibleName(tr("Preview of the email"));
    m_preview->setMinimumHeight(150);
    m_preview->setOpenLinks(false); // the preview's links are placeholders
    m_error->setAccessibleName(tr("Invitation problem"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    m_error->setVisible(false);

    if (existing) {
        m_name->setText(existing->name);
        m_email->setText(existing->email);
        m_matter->setText(existing->matter);
        m_lock->setChecked(existing->requireSignIn);
        m_phone->setChecked(existing->phoneConfirmation);
        // An existing client's details change through Edit, not here.
        for (auto *w : std::initializer_list<QWidget *>{m_name, m_email, m_matter, m_partner, m_lock, m_phone})
            w->setEnabled(false);
    }

    auto *formPage = new QWidget(this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Matter:"), m_matter);
    form->addRow(tr("&Partner:"), m_partner);
    form->addRow(QString(), m_lock);
    form->addRow(QString(), m_phone);
    auto *formLayout = new QVBoxLayout(formPage);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(new QLabel(tr("The client will receive:"), this));
    formLayout->addWidget(m_preview);

    auto *resultPage = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultPage);
    auto *once = new QLabel(tr("<b>The invitation was sent.</b> Here is the link, shown only this once — copy it now "
                               "if you need to pass it on another way:"),
                            this);
    once->setWordWrap(true);
    m_link->setReadOnly(true);
    m_link->setAccessibleName(tr("Portal link"));
    m_copy->setAccessibleName(tr("Copy link"));
    m_expiry->setAccessibleName(tr("Link expiry"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_link, 1);
    row->addWidget(m_copy);
    resultLayout->addWidget(once);
    resultLayout->addLayout(row);
    resultLayout->addWidget(m_expiry);
    resultLayout->addStretch(1);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_copy->setText(tr("Copied"));
    });

    m_pages->addWidget(formPage);
    m_pages->addWidget(resultPage);

    m_send = m_buttons->addButton(tr("&Send invitation"), QDialogButtonBox::AcceptRole);
    m_send->setDefault(true);
    m_send->setAccessibleName(tr("Send invitation"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &InviteDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    // A short pause after typing before asking the server, so a name typed quickly is
    // one request, not one per keystroke.
    m_previewDelay.setSingleShot(true);
    m_previewDelay.setInterval(300);
    connect(&m_previewDelay, &QTimer::timeout, this, &InviteDialog::requestPreview);
    for (auto *edit : {m_name, m_email, m_matter})
        connect(edit, &QLineEdit::textChanged, this, &InviteDialog::updatePreview);
    connect(m_partner, &QComboBox::currentIndexChanged, this, &InviteDialog::updatePreview);
    loadPartners();
    m_preview->setPlainText(tr("Preparing the preview…"));
    requestPreview();
}

QString InviteDialog::validateName(const QString &text)
{
    const auto t = text.trimmed();
    if (t.isEmpty())
        return tr("Enter the client's name as they would recognise it, e.g. Maria Rossi.");
    if (t.size() > 200)
        return tr("The name is too long; keep it under 200 characters.");
    return {};
}

QString InviteDialog::validateEmail(const QString &text)
{
    // The same shape the server accepts: one @, a dot in the domain, no spaces.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    const auto t = text.trimmed();
    if (t.isEmpty())
        return tr("Enter the client's email address; the link is sent there.");
    if (!shape.match(t).hasMatch() || t.size() > 254)
        return tr("“%1” is not a valid email address. Check it for typos, e.g. maria@example.com.").arg(t);
    return {};
}

QString InviteDialog::validateMatter(const QString &text)
{
    if (text.trimmed().isEmpty())
        return tr("Enter the matter, so colleagues know what this access is for.");
    return {};
}

void InviteDialog::loadPartners()
{
    m_partner->addItem(tr("(none)"), 0);
    QPointer<InviteDialog> guard(this);
    m_session->client()->staffList([guard](Result<QList<StaffMember>> staff) {
        if (!guard || !staff)
            return;
        for (const auto &s : *staff) {
            if (s.disabled || s.role == StaffRole::Paralegal)
                continue;
            guard->m_partner->addItem(s.name.isEmpty() ? s.email : s.name, s.id);
        }
        if (guard->m_existing) {
            const int i = guard->m_partner->findData(guard->m_existing->partnerId);
            if (i >= 0)
                guard->m_partner->setCurrentIndex(i);
        }
    });
}

void InviteDialog::updatePreview()
{
    m_previewDelay.start();
}

void InviteDialog::requestPreview()
{
    m_previewDelay.stop();
    if (!m_session->sync()->isOnline()) {
        m_shownPreview = MailPreview();
        m_preview->setPlainText(tr("Preview unavailable offline. The invitation is sent from the server's template "
                                   "once Gatehouse reconnects."));
        return;
    }
    const auto name = m_name->text().trimmed();
    const auto partner = m_partner->currentData().toLongLong() > 0 ? m_partner->currentText() : QString();
    const int request = ++m_previewRequest;
    ++m_previewInFlight;
    QPointer<InviteDialog> guard(this);
    // Half-typed addresses are left out rather than refused by the server.
    const auto email = validateEmail(m_email->text()).isEmpty() ? m_email->text().trimmed() : QString();
    m_session->client()->previewInvite(name.isEmpty() ? tr("[client name]") : name, email, m_matter->text().trimmed(),
                                       partner, [guard, request](Result<MailPreview> r) {
                                           if (!guard)
                                               return;
                                           --guard->m_previewInFlight;
                                           if (request != guard->m_previewRequest)
                                               return; // the user typed on; a newer answer is coming
                                           if (r)
                                               return guard->showPreview(*r);
                                           guard->m_shownPreview = MailPreview();
                                           guard->m_preview->setPlainText(
                                               r.error().code == ErrorCode::NetworkError
                                                   ? tr("Preview unavailable offline.")
                                                   : tr("Preview unavailable: %1").arg(r.error().message));
                                       });
}

void InviteDialog::showPreview(const MailPreview &preview)
{
    m_shownPreview = preview;
    // The server's own HTML, with the subject above it as a mail client shows it. Links
    // in it are placeholders; the browser does not follow them.
    m_preview->setHtml(tr("<p><b>Subject:</b> %1</p><hr>").arg(preview.subject.toHtmlEscaped()) +
                       (preview.html.isEmpty()
                            ? QStringLiteral("<pre>") + preview.text.toHtmlEscaped() + QStringLiteral("</pre>")
                            : preview.html));
}

void InviteDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString InviteDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString InviteDialog::shownLink() const
{
    return m_link->text();
}

bool InviteDialog::isShowingResult() const
{
    return m_pages->currentIndex() == 1;
}

void InviteDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setEnabled(!busy);
    m_send->setText(busy ? tr("Sending…") : tr("&Send invitation"));
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

void InviteDialog::submit()
{
    if (m_busy)
        return;
    if (isShowingResult())
        return accept();
    if (!m_existing) {
        const std::initializer_list<std::pair<QString, QLineEdit *>> checks{
            {validateName(m_name->text()), m_name},
            {validateEmail(m_email->text()), m_email},
            {validateMatter(m_matter->text()), m_matter}};
        for (const auto &[problem, edit] : checks) {
            if (!problem.isEmpty()) {
                showError(problem);
                edit->setFocus();
                return;
            }
        }
    }
    showError(QString());
    setBusy(true);
    if (m_existing)
        return sendInvite(*m_existing);

    ClientRecord c;
    c.name = m_name->text().trimmed();
    c.email = m_email->text().trimmed();
    c.matter = m_matter->text().trimmed();
    c.partnerId = m_partner->currentData().toLongLong();
    c.requireSignIn = m_lock->isChecked();
    c.phoneConfirmation = m_phone->isChecked();
    QPointer<InviteDialog> guard(this);
    m_session->actions()->create(c, [guard](Result<ClientRecord> created) {
        if (!guard)
            return;
        if (!created) {
            guard->setBusy(false);
            return guard->showError(tr("The client was not created: %1").arg(created.error().message));
        }
        // From here on a retry must invite this client, not create a second one.
        guard->m_existing = *created;
        guard->sendInvite(*created);
    });
}

void InviteDialog::sendInvite(const ClientRecord &client)
{
    QPointer<InviteDialog> guard(this);
    m_session->actions()->invite(client.id, [guard](Result<IssuedLink> link) {
        if (!guard)
            return;
        guard->setBusy(false);
        if (!link)
            return guard->showError(tr("The invitation was not sent: %1").arg(link.error().message));
        guard->showLink(*link);
    });
}

void InviteDialog::showLink(const IssuedLink &link)
{
    m_result = link.client;
    m_link->setText(link.portalUrl);
    m_expiry->setText(tr("The link works once and expires on %1.")
                          .arg(QLocale().toString(link.expiresAt.toLocalTime(), QLocale::LongFormat)));
    m_pages->setCurrentIndex(1);
    m_send->setText(tr("Done"));
    m_buttons->button(QDialogButtonBox::Cancel)->setVisible(false);
    m_copy->setFocus();
}

} // namespace Gatehouse
