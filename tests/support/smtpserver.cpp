// SPDX-License-Identifier: Apache-2.0
#include "smtpserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>

namespace Gatehouse::Test {

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

// Splits a message (or a part) at its first empty line; accepts CRLF and LF, since
// aiosmtpd's mailbox writes files with the platform's line endings.
QPair<QByteArray, QByteArray> splitHead(const QByteArray &raw)
{
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    const auto blank = text.indexOf("\n\n");
    if (blank < 0)
        return {text, {}};
    return {text.left(blank), text.mid(blank + 2)};
}

QList<QPair<QByteArray, QByteArray>> parseHeaders(const QByteArray &head)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const QByteArray &line : head.split('\n')) {
        if (line.isEmpty())
            continue;
        if ((line.startsWith(' ') || line.startsWith('\t')) && !out.isEmpty()) {
            out.last().second += ' ' + line.trimmed(); // unfold (RFC 5322 §2.2.3)
            continue;
        }
        const auto colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        out.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return out;
}

QByteArray headerOf(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &[n, v] : headers) {
        if (n == name.toLower())
            return v;
    }
    return {};
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    const auto at = contentType.indexOf("boundary=");
    if (at < 0)
        return {};
    QByteArray b = contentType.mid(at + 9);
    if (b.startsWith('"'))
        return b.mid(1, b.indexOf('"', 1) - 1);
    const auto end = b.indexOf(';');
    return (end < 0 ? b : b.left(end)).trimmed();
}

} // namespace

QByteArray ReceivedMail::decodeQuotedPrintable(const QByteArray &body)
{
    QByteArray text = body;
    text.replace("\r\n", "\n");
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == '\n') { // soft line break
            ++i;
            continue;
        }
        if (i + 2 < text.size()) {
            bool ok = false;
            const int v = text.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += char(v);
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString ReceivedMail::decodeWords(const QByteArray &value)
{
    // Only what our server writes: =?UTF-8?B?...?= and =?UTF-8?Q?...?= words, with
    // whitespace between adjacent words dropped (RFC 2047 §6.2).
    QString out;
    qsizetype i = 0;
    bool lastWasWord = false;
    while (i < value.size()) {
        const auto start = value.indexOf("=?", i);
        if (start < 0) {
            out += QString::fromUtf8(value.mid(i));
            break;
        }
        const QByteArray between = value.mid(i, start - i);
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += QString::fromUtf8(between);
        const auto q1 = value.indexOf('?', start + 2);
        const auto q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
        const auto end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
        if (end < 0) {
            out += QString::fromUtf8(value.mid(start));
            break;
        }
        const QByteArray encoding = value.mid(q1 + 1, q2 - q1 - 1).toUpper();
        const QByteArray payload = value.mid(q2 + 1, end - q2 - 1);
        if (encoding == "B") {
            out += QString::fromUtf8(QByteArray::fromBase64(payload));
        } else {
            QByteArray q = payload;
            q.replace('_', ' ');
            out += QString::fromUtf8(decodeQuotedPrintable(q));
        }
        lastWasWord = true;
        i = end + 2;
    }
    return out;
}

ReceivedMail ReceivedMail::parse(const QByteArray &raw)
{
    ReceivedMail mail;
    mail.raw = raw;
    const auto [head, body] = splitHead(raw);
    mail.headers = parseHeaders(head);
    mail.contentType = mail.rawHeader("content-type");
    const QByteArray boundary = boundaryOf(mail.contentType);
    if (boundary.isEmpty())
        return mail;
    const QList<QByteArray> parts = body.split('\n');
    // Walk the body line by line, collecting each part between boundary lines.
    QList<QByteArray> current;
    bool inPart = false;
    const auto finishPart = [&]() {
        if (!inPart)
            return;
        const auto [partHead, partBody] = splitHead(current.join('\n'));
        const auto partHeaders = parseHeaders(partHead);
        const QByteArray type = headerOf(partHeaders, "content-type");
        const QByteArray encoding = headerOf(partHeaders, "content-transfer-encoding").toLower();
        const QByteArray decoded = encoding == "quoted-printable" ? decodeQuotedPrintable(partBody)
                                   : encoding == "base64"         ? QByteArray::fromBase64(partBody)
                                                                  : partBody;
        if (type.startsWith("text/plain")) {
            mail.text = QString::fromUtf8(decoded);
            mail.textTransferEncoding = encoding;
        } else if (type.startsWith("text/html")) {
            mail.html = QString::fromUtf8(decoded);
        }
        current.clear();
    };
    for (const QByteArray &line : parts) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed == "--" + boundary || trimmed == "--" + boundary + "--") {
            finishPart();
            inPart = trimmed == "--" + boundary;
            continue;
        }
        if (inPart)
            current << line;
    }
    return mail;
}

QByteArray ReceivedMail::rawHeader(const QByteArray &name) const
{
    return headerOf(headers, name);
}

QString ReceivedMail::header(const QByteArray &name) const
{
    return decodeWords(rawHeader(name));
}

int ReceivedMail::headerCount(const QByteArray &name) const
{
    return int(
        std::count_if(headers.cbegin(), headers.cend(), [&](const auto &h) { return h.first == name.toLower(); }));
}

SmtpServer::SmtpServer() = default;

SmtpServer::~SmtpServer()
{
    stop();
}

QString SmtpServer::url() const
{
    return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port);
}

bool SmtpServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool SmtpServer::start(int timeoutMs)
{
    if (isRunning())
        return true;
    if (!QFileInfo::exists(Python)) {
        m_error =
            QStringLiteral("%1 is missing; install python3 and python3-aiosmtpd (scripts/bootstrap.sh)").arg(Python);
        return false;
    }
    if (m_port == 0) {
        // Ask the OS for a free port once; restarts reuse it.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = QStringLiteral("no free loopback port: %1").arg(probe.errorString());
            return false;
        }
        m_port = probe.serverPort();
        probe.close();
    }
    const QString maildir = m_dir.filePath(QStringLiteral("maildir"));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(Python, {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                              QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-c"),
                              QStringLiteral("aiosmtpd.handlers.Mailbox"), maildir});
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("cannot run %1: %2").arg(Python, m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("aiosmtpd exited (is python3-aiosmtpd installed?): %1")
                          .arg(QString::fromUtf8(m_process->readAll()));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        // Accepting is not enough: wait for the 220 greeting, so the server is ready.
        if (socket.waitForConnected(500) && socket.waitForReadyRead(1000) && socket.readAll().startsWith("220")) {
            socket.write("QUIT\r\n");
            socket.waitForBytesWritten(500);
            return true;
        }
        QTest::qWait(100);
    }
    m_error = QStringLiteral("aiosmtpd did not accept connections on port %1 within %2 ms").arg(m_port).arg(timeoutMs);
    return false;
}

void SmtpServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QList<ReceivedMail> SmtpServer::messages() const
{
    QDir dir(m_dir.filePath(QStringLiteral("maildir/new")));
    const auto entries = dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    QList<ReceivedMail> out;
    for (const auto &entry : entries) {
        QFile file(entry.filePath());
        if (file.open(QIODevice::ReadOnly))
            out << ReceivedMail::parse(file.readAll());
    }
    return out;
}

bool SmtpServer::waitForMessages(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (messages().size() >= count)
            return true;
        QTest::qWait(100);
    }
    return messages().size() >= count;
}

} // namespace Gatehouse::Test
