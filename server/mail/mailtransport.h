// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>

namespace Gatehouse::Server {

struct Config;

// Hands one finished MIME message to the world: over SMTP (libcurl) in production, or
// as an .eml file in a folder for development ([mail] transport = folder). The outbox
// and its retry logic are the same for both, so development exercises the real path.
class MailTransport
{
public:
    struct Envelope
    {
        qint64 outboxId = 0;
        QString from;
        QString to;
    };

    struct Outcome
    {
        bool delivered = false;
        bool permanent = false; // the server refused this message for good (5xx)
        bool aborted = false;   // the sender is stopping; not the message's fault
        QString error;          // for the outbox's last_error and the log; no secrets
    };

    virtual ~MailTransport() = default;
    // `stopping` lets a long SMTP conversation end early when the server shuts down.
    virtual Outcome send(const Envelope &envelope, const QByteArray &message, const std::atomic<bool> &stopping) = 0;

    static std::unique_ptr<MailTransport> create(const Config &config);
};

} // namespace Gatehouse::Server
