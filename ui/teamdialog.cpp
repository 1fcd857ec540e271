// SPDX-License-Identifier: Apache-2.0
#include "teamdialog.h"

#include "model/portalclient.h"
#include "model/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {
QString roleText(StaffRole role)
{
    switch (role) {
    case StaffRole::Paralegal:
        return TeamDialog::tr("Paralegal");
    case StaffRole::Partner:
        return TeamDialog::tr("Partner");
    case StaffRole::Admin:
        return TeamDialog::tr("Administrator");
    }
    return {};
}
} // namespace

TeamDialog::TeamDialog(Session *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_list(new QTreeWidget(this)), m_email(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_role(new QComboBox(this)), m_message(new QLabel(this)),
      m_password(new QLineEdit(this))
{
    setWindowTitle(tr("Team"));
    setAccessibleName(tr("Team"));
    m_list->setAccessibleName(tr("Staff members"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Email"), tr("Role"), tr("Two-factor"), tr("State")});
    m_list->header()->setStretchLastSection(true);
    m_email->setPlaceholderText(tr("colleague@yourfirm.com"));
    m_email->setAccessibleName(tr("New colleague's email"));
    m_name->setPlaceholderText(tr("Full name"));
    m_name->setAccessibleName(tr("New colleague's name"));
    m_role->setAccessibleName(tr("Role"));
    for (const auto role : {StaffRole::Paralegal, StaffRole::Partner, StaffRole::Admin})
        m_role->addItem(roleText(role), int(role));
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Team message"));
    m_password->setReadOnly(true);
    m_password->setVisible(false);
    m_password->setAccessibleName(tr("First password"));

    auto *add = new QPushButton(tr("&Add"), this);
    auto *makeRole = new QComboBox(this);
    makeRole->setAccessibleName(tr("Change role to"));
    for (const auto role : {StaffRole::Paralegal, StaffRole::Partner, StaffRole::Admin})
        makeRole->addItem(roleText(role), int(role));
    auto *applyRole = new QPushButton(tr("Change &role"), this);
    auto *disable = new QPushButton(tr("&Disable / enable"), this);
    auto *reset = new QPushButton(tr("Reset &two-factor"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addStaff(m_email->text().trimmed(), m_name->text().trimmed(), StaffRole(m_role->currentData().toInt()));
    });
    connect(applyRole, &QPushButton::clicked, this,
            [this, makeRole] { setRole(selectedId(), StaffRole(makeRole->currentData().toInt())); });
    connect(disable, &QPushButton::clicked, this, [this] {
        const auto *item = m_list->currentItem();
        if (item)
            setDisabled(selectedId(), !item->data(4, Qt::UserRole).toBool());
    });
    connect(reset, &QPushButton::clicked, this, [this] { resetTwoFactor(selectedId()); });

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_email, 2);
    addRow->addWidget(m_name, 2);
    addRow->addWidget(m_role);
    addRow->addWidget(add);
    auto *editRow = new QHBoxLayout;
    editRow->addWidget(makeRole);
    editRow->addWidget(applyRole);
    editRow->addWidget(disable);
    editRow->addWidget(reset);
    editRow->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(editRow);
    layout->addWidget(new QLabel(tr("Add a colleague:"), this));
    layout->addLayout(addRow);
    layout->addWidget(m_message);
    layout->addWidget(m_password);
    layout->addWidget(buttons);
    resize(760, 460);
    reload();
}

QString TeamDialog::messageText() const
{
    return m_message->text();
}

QString TeamDialog::shownPassword() const
{
    return m_password->isVisible() ? m_password->text() : QString();
}

void TeamDialog::say(const QString &text)
{
    m_message->setText(text);
}

qint64 TeamDialog::selectedId() const
{
    const auto *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void TeamDialog::reload()
{
    QPointer<TeamDialog> guard(this);
    m_session->client()->staffList([guard](Result<QList<StaffMember>> staff) {
        if (!guard)
            return;
        if (!staff)
            return guard->say(tr("The team could not be loaded: %1").arg(staff.error().message));
        const qint64 keep = guard->selectedId();
        guard->m_list->clear();
        for (const auto &s : *staff) {
            auto *item = new QTreeWidgetItem(guard->m_list,
                                             {s.name, s.email, roleText(s.role), s.totpEnrolled ? tr("on") : tr("off"),
                                              s.disabled ? tr("disabled") : tr("active")});
            item->setData(0, Qt::UserRole, s.id);
            item->setData(4, Qt::UserRole, s.disabled);
            if (s.id == keep)
                guard->m_list->setCurrentItem(item);
        }
    });
}

void TeamDialog::addStaff(const QString &email, const QString &name, StaffRole role)
{
    if (!email.contains(u'@') || name.isEmpty())
        return say(tr("Enter the colleague's work email and full name."));
    QPointer<TeamDialog> guard(this);
    m_session->client()->createStaff(email, name, role, [guard, email](Result<NewStaff> r) {
        if (!guard)
            return;
        if (!r)
            return guard->say(tr("%1 was not added: %2").arg(email, r.error().message));
        guard->m_email->clear();
        guard->m_name->clear();
        if (!r->initialPassword.isEmpty()) {
            // Shown once: the server keeps only its hash.
            guard->m_password->setText(r->initialPassword);
            guard->m_password->setVisible(true);
            guard->say(tr("%1 was added. Give them this first password privately; it is shown only now.").arg(email));
        } else {
            guard->say(tr("%1 was added.").arg(email));
        }
        guard->reload();
    });
}

void TeamDialog::setRole(qint64 id, StaffRole role)
{
    if (id == 0)
        return say(tr("Select a colleague first."));
    QPointer<TeamDialog> guard(this);
    m_session->client()->updateStaff(id, {{QStringLiteral("role"), roleName(role)}}, [guard](Result<StaffMember> r) {
        if (!guard)
            return;
        guard->say(r ? tr("%1 is now %2.").arg(r->name, roleText(r->role))
                     : tr("The role was not changed: %1").arg(r.error().message));
        guard->reload();
    });
}

void TeamDialog::setDisabled(qint64 id, bool disabled)
{
    if (id == 0)
        return say(tr("Select a colleague first."));
    QPointer<TeamDialog> guard(this);
    m_session->client()->updateStaff(id, {{QStringLiteral("disabled"), disabled}}, [guard](Result<StaffMember> r) {
        if (!guard)
            return;
        guard->say(
            r ? (r->disabled ? tr("%1 can no longer sign in.").arg(r->name) : tr("%1 can sign in again.").arg(r->name))
              : tr("Nothing was changed: %1").arg(r.error().message));
        guard->reload();
    });
}

void TeamDialog::resetTwoFactor(qint64 id)
{
    if (id == 0)
        return say(tr("Select a colleague first."));
    QPointer<TeamDialog> guard(this);
    m_session->client()->resetTwoFactor(id, [guard](Result<StaffMember> r) {
        if (!guard)
            return;
        guard->say(
            r ? tr("Two-factor sign-in was reset for %1; they set it up again at their next sign-in.").arg(r->name)
              : tr("Two-factor sign-in was not reset: %1").arg(r.error().message));
        guard->reload();
    });
}

} // namespace Gatehouse
