// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace Gatehouse::Test {

// A received message, split into what the mail tests check: unfolded, decoded
// headers (RFC 2047 words decoded) and the decoded text/plain and text/html parts.
struct ReceivedMail
{
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower case, raw (unfolded) values
    QString text;
    QString html;
    QByteArray textTransferEncoding;
    QByteArray contentType; // the top-level Content-Type

    static ReceivedMail parse(const QByteArray &raw);
    QByteArray rawHeader(const QByteArray &name) const;
    QString header(const QByteArray &name) const; // RFC 2047 decoded
    int headerCount(const QByteArray &name) const;

    static QByteArray decodeQuotedPrintable(const QByteArray &body);
    static QString decodeWords(const QByteArray &value);
};

// A real SMTP server on loopback: Debian's python3-aiosmtpd, run as
//   /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR
// Each accepted message lands as a file in DIR/new/. The port is chosen once (free
// at the first start) and kept, so stop() + start() brings the same server back the
// way a mail relay comes back after an outage.
class SmtpServer
{
public:
    SmtpServer();
    ~SmtpServer();
    SmtpServer(const SmtpServer &) = delete;
    SmtpServer &operator=(const SmtpServer &) = delete;

    // Starts the server and waits until it accepts connections. On failure returns
    // false and errorString() says why (for example that python3-aiosmtpd is missing).
    bool start(int timeoutMs = 20000);
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const; // "smtp://127.0.0.1:PORT"
    QString errorString() const { return m_error; }

    // Every message received so far, oldest first.
    QList<ReceivedMail> messages() const;
    // Waits (bounded) until at least `count` messages have arrived.
    bool waitForMessages(int count, int timeoutMs);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Gatehouse::Test
