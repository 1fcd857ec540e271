// SPDX-License-Identifier: Apache-2.0
#include "mimemessage.h"

#include "common/crypto.h"

#include <QLocale>

namespace Gatehouse::Server {

namespace {

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// Header values must not carry line breaks (header injection through a client's
// name); anything else is encoded.
QString singleLine(const QString &text)
{
    QString out = text;
    out.replace(u'\r', u' ');
    out.replace(u'\n', u' ');
    return out.simplified();
}

void appendPart(QByteArray &out, const QByteArray &boundary, const QByteArray &contentType, const QString &body)
{
    out += "--" + boundary + "\r\n";
    out += "Content-Type: " + contentType + "; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += MimeMessage::quotedPrintable(body.toUtf8());
    out += "\r\n";
}

} // namespace

QByteArray MimeMessage::encodeHeaderWord(const QString &text)
{
    const QString line = singleLine(text);
    if (isPlainAscii(line)) {
        // Fold long plain headers at spaces (RFC 5322 §2.2.3), so lines stay readable.
        QByteArray out;
        int column = 0;
        for (const QByteArray &word : line.toLatin1().split(' ')) {
            if (column > 0 && column + 1 + word.size() > 66) {
                out += "\r\n";
                column = 0;
            }
            if (!out.isEmpty()) {
                out += ' ';
                ++column;
            }
            out += word;
            column += int(word.size());
        }
        return out;
    }
    // Encoded words are at most 75 characters and header lines should stay under 78:
    // split the UTF-8 into chunks of at most 39 bytes (52 base64 characters + 12 of
    // framing, leaving room for "Subject: ") that never cut a character in two.
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = std::min<qsizetype>(start + 39, utf8.size());
        while (end < utf8.size() && (uchar(utf8.at(end)) & 0xc0) == 0x80)
            --end; // back off from a continuation byte
        if (!out.isEmpty())
            out += "\r\n "; // folding whitespace between encoded words is ignored by readers
        out += "=?UTF-8?B?" + utf8.mid(start, end - start).toBase64() + "?=";
        start = end;
    }
    return out;
}

QByteArray MimeMessage::mailbox(const QString &name, const QString &address)
{
    const QByteArray addr = singleLine(address).toLatin1();
    const QString cleanName = singleLine(name);
    if (cleanName.isEmpty())
        return addr;
    if (isPlainAscii(cleanName)) {
        // A quoted string, so commas and dots in a firm's name do not split the header.
        QString quoted = cleanName;
        quoted.replace(u'\\', QStringLiteral("\\\\"));
        quoted.replace(u'"', QStringLiteral("\\\""));
        return '"' + quoted.toLatin1() + "\" <" + addr + '>';
    }
    return encodeHeaderWord(cleanName) + " <" + addr + '>';
}

QByteArray MimeMessage::quotedPrintable(const QByteArray &utf8)
{
    // RFC 2045 §6.7 over canonical CRLF lines; soft breaks keep lines ≤ 76 characters.
    static const char hex[] = "0123456789ABCDEF";
    QByteArray normalised = utf8;
    normalised.replace("\r\n", "\n");
    QByteArray out;
    out.reserve(normalised.size() * 5 / 4);
    const QList<QByteArray> lines = normalised.split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const uchar c = uchar(line.at(i));
            const bool last = i == line.size() - 1;
            char piece[3];
            int pieceSize = 1;
            // Trailing whitespace would be stripped by transports, so it is encoded.
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
                piece[0] = char(c);
            } else {
                piece[0] = '=';
                piece[1] = hex[c >> 4];
                piece[2] = hex[c & 15];
                pieceSize = 3;
            }
            if (column + pieceSize > 75) {
                out += "=\r\n";
                column = 0;
            }
            out.append(piece, pieceSize);
            column += pieceSize;
        }
        if (l + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QByteArray MimeMessage::rfc5322Date(const QDateTime &time)
{
    // Day and month names are English by the RFC, never the server's locale.
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " +0000";
}

QString MimeMessage::newMessageId(const QString &fromAddress)
{
    QString domain = fromAddress.section(u'@', -1);
    if (domain.isEmpty() || domain == fromAddress)
        domain = QStringLiteral("gatehouse.invalid");
    return QString::fromLatin1(Crypto::randomBytes(16).toHex()) + u'@' + domain;
}

QByteArray MimeMessage::build() const
{
    const QByteArray boundary = "=_gatehouse_" + Crypto::randomBytes(12).toHex();
    QByteArray out;
    out.reserve(text.size() + html.size() + 1024);
    out += "Date: " + rfc5322Date(date) + "\r\n";
    out += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    out += "From: " + mailbox(fromName, fromAddress) + "\r\n";
    out += "To: " + mailbox(toName, toAddress) + "\r\n";
    out += "Subject: " + encodeHeaderWord(subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    // Tells auto-responders not to answer a message nobody reads replies to (RFC 3834).
    out += "Auto-Submitted: auto-generated\r\n";
    out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a multi-part message in MIME format.\r\n\r\n";
    appendPart(out, boundary, "text/plain", text);
    appendPart(out, boundary, "text/html", html);
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace Gatehouse::Server
