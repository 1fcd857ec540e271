// SPDX-License-Identifier: Apache-2.0
#include "mailsender.h"

#include "audit/auditlog.h"
#include "clock.h"
#include "common/crypto.h"
#include "config.h"
#include "log.h"
#include "mailcipher.h"
#include "mailtransport.h"
#include "ratelimit/ratelimiter.h"
#include "secrets/keyring.h"
#include "storage/database.h"
#include "storage/outboxstore.h"
#include "storage/writetransaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>
#include <algorithm>
#include <chrono>
#include <curl/curl.h>

namespace Gatehouse::Server {

namespace {

// How much longer than the SMTP timeout a claim lasts: long enough that a live sender
// always finishes (or gives up) first, short enough that a crashed one's mail moves on.
constexpr int LeaseMarginSeconds = 10;
constexpr qint64 PruneEverySeconds = 300;

} // namespace

MailSender::MailSender(const Database &database, const Config &config, const Keyring &keyring)
    : m_database(database), m_config(config), m_keyring(keyring), m_transport(MailTransport::create(config)),
      m_claimer(QStringLiteral("%1:%2:%3")
                    .arg(QSysInfo::machineHostName())
                    .arg(QCoreApplication::applicationPid())
                    .arg(QString::fromLatin1(Crypto::randomBytes(4).toHex())))
{}

MailSender::~MailSender()
{
    stop();
}

void MailSender::start()
{
    if (m_thread.joinable())
        return;
    // libcurl's global state is set up once, here on the starting thread, before the
    // worker exists (curl_global_init is not thread-safe on every platform).
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void MailSender::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    curl_global_cleanup();
}

void MailSender::nudge()
{
    {
        std::lock_guard lock(m_mutex);
        m_nudged = true;
    }
    m_wake.notify_all();
}

void MailSender::run()
{
    const RateLimiter limiter(m_database);
    QDateTime lastPrune;
    while (!m_stopping) {
        runOnce();
        const QDateTime now = Clock::now();
        if (!lastPrune.isValid() || lastPrune.secsTo(now) >= PruneEverySeconds) {
            // Housekeeping rides along: expired rate-limit counters go.
            if (auto pruned = limiter.prune(now); !pruned)
                Log::warning(QStringLiteral("rate_limit.prune_failed"),
                             {{QStringLiteral("error"), pruned.error().message}});
            lastPrune = now;
        }
        // Sleep until the poll interval passes, the next message falls due, or a nudge.
        qint64 waitMs = m_config.mailPollMilliseconds;
        if (auto db = m_database.connection(); db) {
            if (auto due = OutboxStore::nextDue(*db); due && *due)
                waitMs = std::clamp<qint64>(Clock::now().msecsTo(**due), 0, waitMs);
        }
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return m_stopping || m_nudged; });
        m_nudged = false;
    }
    // Qt warns about connections still open when their thread ends.
    Database::closeThreadConnection();
}

int MailSender::runOnce()
{
    int attempted = 0;
    while (!m_stopping && processNext())
        ++attempted;
    return attempted;
}

int MailSender::backoffSeconds(int attempts) const
{
    // base · 2^(attempts-1), capped; then "equal jitter" (half fixed, half random) so
    // mail that failed together does not retry in lockstep against a recovering server.
    const qint64 base = m_config.mailBackoffBaseSeconds;
    const qint64 cap = std::max<qint64>(m_config.mailBackoffMaxSeconds, 1);
    const int shift = std::clamp(attempts - 1, 0, 30);
    const qint64 delay = std::min(cap, base << shift);
    const qint64 half = std::max<qint64>(delay / 2, 1);
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

bool MailSender::processNext()
{
    const QDateTime now = Clock::now();
    std::optional<OutboxStore::Claimed> claimed;
    {
        WriteTransaction transaction(m_database);
        if (auto begun = transaction.begin(); !begun) {
            Log::warning(QStringLiteral("mail.claim_failed"), {{QStringLiteral("error"), begun.error().message}});
            return false;
        }
        QSqlDatabase db = transaction.connection();
        const QDateTime leaseUntil = now.addSecs(m_config.smtpTimeoutSeconds * 2 + LeaseMarginSeconds);
        auto next = OutboxStore::claimNext(db, now, m_claimer, leaseUntil);
        if (!next || !*next || !transaction.commit()) {
            if (!next)
                Log::warning(QStringLiteral("mail.claim_failed"), {{QStringLiteral("error"), next.error().message}});
            return false;
        }
        claimed = std::move(*next);
    }

    MailTransport::Outcome outcome;
    const QByteArray key = m_keyring.derive(u"outbox", claimed->keyId);
    auto message = key.isEmpty() ? Result<QByteArray>(Error{QString(), QStringLiteral("outbox key %1 is no longer in "
                                                                                      "the keyring")
                                                                           .arg(claimed->keyId)})
                                 : MailCipher::open(key, claimed->sealed);
    if (!message) {
        // Undecryptable mail can never be sent; waiting would not help.
        outcome = MailTransport::Outcome{false, true, false, message.error().message};
    } else {
        outcome = m_transport->send(MailTransport::Envelope{claimed->id, m_config.mailFromAddress, claimed->toAddress},
                                    *message, m_stopping);
        message->fill('\0');
    }

    const QDateTime done = Clock::now();
    WriteTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun) {
        // The lease will expire and the message be tried again; nothing else to do.
        Log::error(QStringLiteral("mail.record_failed"), {{QStringLiteral("error"), begun.error().message}});
        return false;
    }
    QSqlDatabase db = transaction.connection();
    const bool tooOld =
        claimed->queuedAt.isValid() && claimed->queuedAt.secsTo(done) >= qint64(m_config.mailMaxAgeHours) * 3600;
    Result<bool> recorded = false;
    QString event;
    if (outcome.delivered) {
        recorded = OutboxStore::markSent(db, claimed->id, m_claimer, done);
        event = QStringLiteral("mail.sent");
    } else if (outcome.aborted) {
        recorded = OutboxStore::markRetry(db, claimed->id, m_claimer, done, outcome.error, false);
        event = QStringLiteral("mail.deferred");
    } else if (outcome.permanent || claimed->attempts >= m_config.mailMaxAttempts || tooOld) {
        recorded = OutboxStore::markDead(db, claimed->id, m_claimer, done, outcome.error);
        event = QStringLiteral("mail.dead_lettered");
        if (recorded && *recorded) {
            AuditRecord record;
            record.type = QString(AuditType::MailDeadLettered);
            record.actorKind = QStringLiteral("system");
            record.clientId = claimed->clientId;
            record.time = done;
            record.details = QJsonObject{{QStringLiteral("outbox_id"), claimed->id},
                                         {QStringLiteral("template"), claimed->templateName},
                                         {QStringLiteral("attempts"), claimed->attempts},
                                         {QStringLiteral("error"), outcome.error.left(200)}};
            if (auto appended = AuditLog(m_database).append(db, record); !appended)
                recorded = appended.error();
        }
    } else {
        recorded = OutboxStore::markRetry(db, claimed->id, m_claimer, done.addSecs(backoffSeconds(claimed->attempts)),
                                          outcome.error, true);
        event = QStringLiteral("mail.retry_scheduled");
    }
    if (!recorded || !transaction.commit()) {
        Log::error(QStringLiteral("mail.record_failed"),
                   {{QStringLiteral("outbox_id"), claimed->id},
                    {QStringLiteral("error"), recorded ? QStringLiteral("commit failed") : recorded.error().message}});
        return false;
    }
    // The outbox id and template only: addresses are personal data, bodies carry links.
    Log::info(event, {{QStringLiteral("outbox_id"), claimed->id},
                      {QStringLiteral("template"), claimed->templateName},
                      {QStringLiteral("attempts"), claimed->attempts},
                      {QStringLiteral("error"), outcome.error}});
    return !outcome.aborted;
}

} // namespace Gatehouse::Server
