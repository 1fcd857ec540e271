// SPDX-License-Identifier: Apache-2.0
#include "documentlinkdialog.h"

#include "documentsend.h"
#include "model/session.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gatehouse {

DocumentLinkDialog::DocumentLinkDialog(Session *session, qint64 clientId, const QString &clientName,
                                       const QList<UploadedDocument> &documents, QWidget *parent)
    : QDialog(parent), m_session(session), m_clientId(clientId), m_status(new QLabel(this))
{
    setWindowTitle(tr("Document links for %1").arg(clientName));
    setAccessibleName(tr("Document links"));
    auto *intro = new QLabel(tr("<b>Attached.</b> Each document has its own link, shown only this once — copy it "
                                "now if you pass it on yourself, or let Gatehouse email it to %1.")
                                 .arg(clientName.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    for (const auto &d : documents) {
        const int i = int(m_rows.size());
        Row row;
        row.document = d;
        auto *name = new QLabel(d.document.name, this);
        row.link = new QLineEdit(d.documentUrl, this);
        row.link->setReadOnly(true);
        row.link->setMinimumWidth(360);
        row.link->setAccessibleName(tr("Link to %1").arg(d.document.name));
        row.copy = new QPushButton(tr("&Copy link"), this);
        row.copy->setAccessibleName(tr("Copy link to %1").arg(d.document.name));
        row.email = new QPushButton(tr("&Email it to the client"), this);
        row.email->setAccessibleName(tr("Email %1 to the client").arg(d.document.name));
        connect(row.copy, &QPushButton::clicked, this, [this, i] {
            QApplication::clipboard()->setText(m_rows.at(i).link->text());
            m_rows.at(i).copy->setText(tr("Copied"));
        });
        connect(row.email, &QPushButton::clicked, this, [this, i] { emailDocument(i); });
        grid->addWidget(name, i, 0);
        grid->addWidget(row.link, i, 1);
        grid->addWidget(row.copy, i, 2);
        grid->addWidget(row.email, i, 3);
        m_rows.append(row);
    }

    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Document link status"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    if (!m_rows.isEmpty())
        m_rows.constFirst().copy->setFocus();
}

QString DocumentLinkDialog::linkAt(int i) const
{
    return m_rows.at(i).link->text();
}

QString DocumentLinkDialog::statusText() const
{
    return m_status->text();
}

void DocumentLinkDialog::emailDocument(int i)
{
    auto &row = m_rows[i];
    row.email->setEnabled(false);
    m_status->setText(tr("Sending “%1”…").arg(row.document.document.name));
    QPointer<DocumentLinkDialog> guard(this);
    DocumentSend::send(m_session, m_clientId, row.document.document, [guard, i](bool sent, const QString &text) {
        if (!guard)
            return;
        guard->m_status->setText(text);
        // A refusal can be fixed (an email address added) and tried again.
        guard->m_rows.at(i).email->setEnabled(!sent);
        if (sent)
            guard->m_rows.at(i).email->setText(tr("Emailed"));
        emit guard->message(text);
    });
}

} // namespace Gatehouse
