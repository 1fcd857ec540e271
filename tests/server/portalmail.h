// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the portal tests read back from the server's side: the mail the development
// transport wrote to its folder (links and codes as the client receives them) and the
// outbox rows in the database (the positive signal that a mail was or was not queued).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <algorithm>

namespace Gatehouse::Test::PortalMail {

// The text of every .eml in `folder` addressed to `email`, oldest first, with
// quoted-printable soft line breaks undone so a link or code reads as one string.
inline QList<QByteArray> mailsTo(const QString &folder, const QString &email)
{
    QList<QFileInfo> files;
    QDirIterator it(folder, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.append(it.fileInfo());
    }
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() != b.lastModified() ? a.lastModified() < b.lastModified() : a.fileName() < b.fileName();
    });
    QList<QByteArray> texts;
    for (const auto &info : files) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray text = f.readAll();
        text.replace("=\r\n", "");
        text.replace("=\n", "");
        if (text.contains(email.toUtf8()))
            texts.append(text);
    }
    return texts;
}

// The first capture of `pattern` in the newest mail to `email` that matches it.
inline QString latestMatch(const QString &folder, const QString &email, const QString &pattern)
{
    const QRegularExpression re(pattern);
    const auto texts = mailsTo(folder, email);
    for (auto it = texts.crbegin(); it != texts.crend(); ++it) {
        const auto m = re.match(QString::fromUtf8(*it));
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

// Rows in mail_outbox of `templateName` for the client (any state). Read through a
// connection of its own; the server's WAL makes committed rows visible at once.
inline int outboxCount(const QString &databasePath, const QString &templateName, qint64 clientId)
{
    const QString name = QUuid::createUuid().toString();
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM mail_outbox WHERE template = ? AND client_id = ?"));
            q.addBindValue(templateName);
            q.addBindValue(clientId);
            if (q.exec() && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace Gatehouse::Test::PortalMail
