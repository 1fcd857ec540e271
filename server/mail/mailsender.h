// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace Gatehouse::Server {

class Database;
class Keyring;
class MailTransport;
struct Config;

// Delivers the outbox (SPEC F16): a thread of its own with its own database
// connection claims one due message at a time (atomically, so several server
// processes on one database never send a message twice), decrypts it, hands it to the
// transport, and records the outcome. Failures back off exponentially with jitter
// ([mail] backoff_base_seconds … backoff_max_seconds); after [mail] max_attempts or
// max_age_hours a message is dead-lettered and audited. A claim is a lease: if this
// process dies mid-send, another (or the restarted one) picks the message up once
// the lease runs out.
class MailSender
{
public:
    MailSender(const Database &database, const Config &config, const Keyring &keyring);
    ~MailSender(); // stops and joins
    MailSender(const MailSender &) = delete;
    MailSender &operator=(const MailSender &) = delete;

    void start();
    void stop();
    // Wakes the thread to look for due mail now (after an enqueue or an admin retry).
    void nudge();

    // Processes everything due right now on the calling thread; returns how many
    // messages were attempted (used by the loop, and handy for one-shot tools).
    int runOnce();

private:
    void run();
    bool processNext();
    int backoffSeconds(int attempts) const;

    const Database &m_database;
    const Config &m_config;
    const Keyring &m_keyring;
    std::unique_ptr<MailTransport> m_transport;
    QString m_claimer;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_nudged = false;
    std::atomic<bool> m_stopping{false};
};

} // namespace Gatehouse::Server
