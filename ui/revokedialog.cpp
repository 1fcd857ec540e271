// SPDX-License-Identifier: Apache-2.0
#include "revokedialog.h"

#include "model/clientactions.h"
#include "model/session.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Gatehouse {

RevokeDialog::RevokeDialog(Session *session, const ClientRecord &client, Action initial, QWidget *parent)
    : QDialog(parent), m_session(session), m_client(client),
      m_regenerate(new QRadioButton(tr("&Regenerate the link — send a new one, the old one stops working"), this)),
      m_endSessions(new QRadioButton(tr("&End all sessions — sign the client out everywhere"), this)),
      m_revoke(new QRadioButton(tr("Re&voke all access — the client can no longer open the portal"), this)),
      m_endDocuments(new QCheckBox(tr("Also end &document links"), this)), m_consequence(new QLabel(this)),
      m_reason(new QPlainTextEdit(this)), m_error(new QLabel(this)), m_link(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Change access for %1").arg(client.name));
    setAccessibleName(windowTitle());
    auto *group = new QButtonGroup(this);
    for (auto *b : {m_regenerate, m_endSessions, m_revoke}) {
        group->addButton(b);
        b->setAccessibleName(b->text().remove(u'&'));
        connect(b, &QRadioButton::toggled, this, &RevokeDialog::update);
    }
    m_endDocuments->setAccessibleName(tr("Also end document links"));
    m_endDocuments->setToolTip(tr("Links to single documents sent earlier stop working too."));
    connect(m_endDocuments, &QCheckBox::toggled, this, &RevokeDialog::update);
    m_consequence->setWordWrap(true);
    m_consequence->setAccessibleName(tr("What will happen"));
    m_consequence->setStyleSheet(QStringLiteral("QLabel { padding: 8px; border-radius: 3px; "
                                                "background: palette(alternate-base); }"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why? For example: the client asked; wrong email address; matter closed. "
                                    "Recorded in the audit log."));
    m_reason->setMaximumHeight(80);
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Problem"));
    m_error->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    m_error->setVisible(false);
    m_link->setReadOnly(true);
    m_link->setAccessibleName(tr("New portal link"));
    m_link->setVisible(false);

    m_confirm = m_buttons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    m_confirm->setAccessibleName(tr("Confirm"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RevokeDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this] { showError(QString()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_regenerate);
    auto *documents = new QHBoxLayout;
    documents->addSpacing(24); // under its radio button: it belongs to "regenerate"
    documents->addWidget(m_endDocuments, 1);
    layout->addLayout(documents);
    layout->addWidget(m_endSessions);
    layout->addWidget(m_revoke);
    layout->addWidget(m_consequence);
    auto *reasonLabel = new QLabel(tr("Rea&son (required):"), this);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_error);
    layout->addWidget(m_link);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    setAction(initial);
    m_reason->setFocus();
}

RevokeDialog::Action RevokeDialog::action() const
{
    if (m_regenerate->isChecked())
        return Action::Regenerate;
    if (m_endSessions->isChecked())
        return Action::EndSessions;
    return Action::Revoke;
}

void RevokeDialog::setAction(Action a)
{
    (a == Action::Regenerate ? m_regenerate : a == Action::EndSessions ? m_endSessions : m_revoke)->setChecked(true);
    update();
}

QString RevokeDialog::consequence(Action action, const ClientRecord &c)
{
    const auto first = c.name.section(u' ', 0, 0);
    switch (action) {
    case Action::Regenerate:
        return tr("The link %1 has will stop working immediately, and anyone signed in with it is signed out. "
                  "A new link is sent to %2 and shown to you once.")
            .arg(first, c.email);
    case Action::EndSessions:
        return tr("%1 is signed out of the portal on every device at once (%n open session(s)). Their link and "
                  "access stay as they are; they can open the portal again with a valid link.",
                  nullptr, c.openSessions)
            .arg(first);
    case Action::Revoke:
        return tr("The link %1 has will stop working immediately, every session ends and remembered browsers are "
                  "forgotten. %1 cannot open the portal until someone invites them again.")
            .arg(first);
    }
    return {};
}

QString RevokeDialog::consequenceText() const
{
    return m_consequence->text();
}

QString RevokeDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString RevokeDialog::newLink() const
{
    return m_link->text();
}

void RevokeDialog::update()
{
    const auto a = action();
    m_endDocuments->setEnabled(a == Action::Regenerate && !m_busy && !m_finished);
    QString text = consequence(a, m_client);
    if (a == Action::Regenerate)
        text += u' ' + (m_endDocuments->isChecked() ? tr("Links to single documents sent earlier stop working too.")
                                                    : tr("Links to single documents sent earlier keep working."));
    m_consequence->setText(text);
    m_confirm->setText(a == Action::Regenerate    ? tr("Regenerate link")
                       : a == Action::EndSessions ? tr("End all sessions")
                                                  : tr("Revoke access"));
}

void RevokeDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void RevokeDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_confirm->setEnabled(!busy);
    for (auto *w : std::initializer_list<QWidget *>{m_regenerate, m_endSessions, m_revoke, m_reason})
        w->setEnabled(!busy);
    m_endDocuments->setEnabled(!busy && action() == Action::Regenerate);
}

void RevokeDialog::showDone(const QString &message)
{
    m_finished = true;
    m_consequence->setText(message);
    m_confirm->setText(tr("Close"));
    m_buttons->button(QDialogButtonBox::Cancel)->setVisible(false);
    for (auto *w : std::initializer_list<QWidget *>{m_regenerate, m_endSessions, m_revoke, m_reason, m_endDocuments})
        w->setEnabled(false);
}

void RevokeDialog::submit()
{
    if (m_busy)
        return;
    if (m_finished)
        return accept();
    const auto reason = m_reason->toPlainText().trimmed();
    if (reason.size() < 3) {
        showError(tr("Enter a reason. It is recorded in the audit log so colleagues know why access changed."));
        m_reason->setFocus();
        return;
    }
    setBusy(true);
    QPointer<RevokeDialog> guard(this);
    const auto fail = [guard](const Error &e) {
        if (!guard)
            return;
        guard->setBusy(false);
        guard->showError(tr("Nothing was changed: %1").arg(e.message));
    };
    auto *actions = m_session->actions();
    switch (action()) {
    case Action::Regenerate:
        actions->regenerate(m_client.id, reason, m_endDocuments->isChecked(), [guard, fail](Result<IssuedLink> r) {
            if (!r)
                return fail(r.error());
            if (!guard)
                return;
            guard->setBusy(false);
            guard->m_link->setText(r->portalUrl);
            guard->m_link->setVisible(true);
            guard->showDone(tr("Done. The old link no longer works. The new link below is shown only now; it expires "
                               "on %1.")
                                .arg(QLocale().toString(r->expiresAt.toLocalTime(), QLocale::LongFormat)));
        });
        break;
    case Action::EndSessions:
        actions->endSessions(m_client.id, reason, [guard, fail](Result<int> r) {
            if (!r)
                return fail(r.error());
            if (!guard)
                return;
            guard->setBusy(false);
            guard->showDone(tr("Done. %n session(s) ended.", nullptr, *r));
        });
        break;
    case Action::Revoke:
        actions->revoke(m_client.id, reason, [guard, fail](Result<ClientRecord> r) {
            if (!r)
                return fail(r.error());
            if (!guard)
                return;
            guard->setBusy(false);
            guard->showDone(tr("Done. %1 no longer has access to the portal.").arg(r->name));
        });
        break;
    }
}

} // namespace Gatehouse
