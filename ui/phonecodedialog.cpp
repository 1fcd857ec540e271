// SPDX-License-Identifier: Apache-2.0
#include "phonecodedialog.h"

#include "model/clientactions.h"
#include "model/session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Gatehouse {

PhoneCodeDialog::PhoneCodeDialog(Session *session, const ClientRecord &client, QWidget *parent)
    : QDialog(parent), m_session(session), m_client(client), m_code(new QLineEdit(this)), m_result(new QLabel(this)),
      m_check(new QPushButton(tr("&Check code"), this))
{
    setWindowTitle(tr("Confirm %1's code").arg(client.name));
    setAccessibleName(windowTitle());
    auto *intro = new QLabel(tr("Ask %1 to read out the code shown in their portal, then type it here.")
                                 .arg(client.name.section(u' ', 0, 0)),
                             this);
    intro->setWordWrap(true);
    m_code->setAccessibleName(tr("Code"));
    m_code->setPlaceholderText(tr("digits only"));
    m_code->setMaxLength(12);
    m_result->setAccessibleName(tr("Result"));
    m_result->setWordWrap(true);
    m_check->setAccessibleName(tr("Check code"));
    m_check->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_check, &QPushButton::clicked, this, &PhoneCodeDialog::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &PhoneCodeDialog::submit);

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    setMinimumWidth(400);
}

QString PhoneCodeDialog::validateCode(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{4,10}$"));
    QString t = text;
    t.remove(u' ');
    if (!digits.match(t).hasMatch())
        return tr("The code is 4 to 10 digits; ask the client to read it again.");
    return {};
}

QString PhoneCodeDialog::resultText() const
{
    return m_result->text();
}

void PhoneCodeDialog::submit()
{
    if (m_busy || m_confirmed)
        return;
    if (const auto problem = validateCode(m_code->text()); !problem.isEmpty()) {
        m_result->setText(problem);
        return;
    }
    QString code = m_code->text();
    code.remove(u' ');
    m_busy = true;
    m_check->setEnabled(false);
    m_result->setText(tr("Checking…"));
    QPointer<PhoneCodeDialog> guard(this);
    m_session->actions()->confirmPhoneCode(m_client.id, code, [guard](Result<void> r) {
        if (!guard)
            return;
        guard->m_busy = false;
        guard->m_check->setEnabled(true);
        if (r) {
            guard->m_confirmed = true;
            guard->m_check->setEnabled(false);
            guard->m_result->setText(tr("✔ Confirmed. The client can now continue in the portal."));
            return;
        }
        const auto &why = r.error().code;
        if (why == u"invalid_code")
            guard->m_result->setText(tr("✘ That code is not right. Ask the client to read it again."));
        else if (why == u"not_found")
            guard->m_result->setText(tr("There is no code waiting for this client, or it has expired. Ask them to "
                                        "reload the portal page for a new code."));
        else if (why == u"code_locked")
            guard->m_result->setText(tr("Too many wrong tries: the code is locked. The client must request a new "
                                        "one from the portal."));
        else
            guard->m_result->setText(tr("The code could not be checked: %1").arg(r.error().message));
        guard->m_code->selectAll();
        guard->m_code->setFocus();
    });
}

} // namespace Gatehouse
