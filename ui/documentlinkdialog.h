// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/portaltypes.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Gatehouse {

class Session;

// After an upload (F10): each new document's own link, shown this once with a Copy
// button (the server keeps only its hash), and a button that emails the link to the
// client instead. Used for one document or for a batch dropped at once.
class DocumentLinkDialog : public QDialog
{
    Q_OBJECT

public:
    DocumentLinkDialog(Session *session, qint64 clientId, const QString &clientName,
                       const QList<UploadedDocument> &documents, QWidget *parent = nullptr);

    int documentCount() const { return int(m_rows.size()); }
    QString linkAt(int i) const;
    QPushButton *copyButton(int i) const { return m_rows.at(i).copy; }
    QPushButton *emailButton(int i) const { return m_rows.at(i).email; }
    QString statusText() const;

signals:
    // What happened, for the window's status bar.
    void message(const QString &text);

private:
    struct Row
    {
        UploadedDocument document;
        QLineEdit *link = nullptr;
        QPushButton *copy = nullptr;
        QPushButton *email = nullptr;
    };
    void emailDocument(int i);

    Session *m_session;
    qint64 m_clientId;
    QList<Row> m_rows;
    QLabel *m_status;
};

} // namespace Gatehouse
