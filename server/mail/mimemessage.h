// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Gatehouse::Server {

// Builds an RFC 5322 message: Date, Message-ID, From, To, Subject (RFC 2047 encoded
// words when not ASCII), MIME-Version, and a multipart/alternative body with a UTF-8
// plain-text part and an HTML part, both quoted-printable so every line stays under
// the 78-character limit whatever the content.
struct MimeMessage
{
    QString fromName;
    QString fromAddress;
    QString toName;
    QString toAddress;
    QString subject;
    QString text;
    QString html;
    QDateTime date;    // UTC
    QString messageId; // without angle brackets: "random@domain"

    QByteArray build() const;

    // Pieces, public for tests and for the SMTP envelope.
    static QByteArray encodeHeaderWord(const QString &text); // RFC 2047 =?UTF-8?B?...?= when needed
    static QByteArray mailbox(const QString &name, const QString &address);
    static QByteArray quotedPrintable(const QByteArray &utf8);
    static QByteArray rfc5322Date(const QDateTime &time);
    // "<32 hex chars>@<domain of fromAddress>"
    static QString newMessageId(const QString &fromAddress);
};

} // namespace Gatehouse::Server
