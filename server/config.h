// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "log.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Gatehouse::Server {

// The portal's settings, read from an INI file with GATEHOUSE_<SECTION>_<KEY>
// environment overrides (containers and systemd units set those). Every key has a
// safe default except where the operator must decide; anything unknown or malformed
// is an error, because a silently ignored typo ("prot = 80") is worse than a refusal.
struct Config
{
    QString filePath; // absolute path of the file the settings came from

    QString serverAddress = QStringLiteral("127.0.0.1");
    quint16 serverPort = 8080; // 0: let the OS choose (tests)
    QString publicUrl;         // base of links sent to clients; never taken from Host
    int threads = 2;
    // Route handlers run on a pool of their own ([server] workers; 0 in the file means
    // the default, 4 per CPU core), so a slow handler never holds an io thread; past
    // workers + worker_queue waiting requests the edge answers 503 (see http/workerpool.h).
    int workers = 0;
    int workerQueue = 256;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxConnections = 512;

    QString databasePath; // absolute

    // [metrics] allow: who may read /metrics ("loopback", "none", or addresses/CIDRs,
    // comma-separated, "loopback" among them allowed); everyone else gets 404.
    QStringList metricsAllow{QStringLiteral("loopback")};

    QString mailTransport = QStringLiteral("folder");
    QString mailFolder; // absolute

    Log::Level logLevel = Log::Level::Info;

    int staffTokenTtlHours = 12;
    // Staff sign-in backoff (R7): after signInMaxFailures failures per account or per
    // address, each further failure locks for base * 2^(n - max) seconds, capped.
    int signInMaxFailures = 5;
    int signInLockoutSeconds = 30;
    int signInLockoutMaxSeconds = 3600;

    qint64 documentsMaxBytes = qint64(25) * 1024 * 1024; // per upload; other routes keep maxBodyBytes
    QString secretFile;                                  // absolute; the server's keys (see secrets/keyring.h)

    // Token engine (SPEC F2, F5, F12). Stored in seconds; the keys take decimal hours,
    // minutes or days, so tests can configure lifetimes of a few seconds.
    qint64 inviteTtlSeconds = 24 * 3600;        // [security] invite_ttl_hours
    qint64 signInTtlSeconds = 15 * 60;          // [security] sign_in_ttl_minutes
    bool linkPolicyReusable = false;            // [security] link_policy = single_use|reusable
    qint64 sessionLifetimeSeconds = 14 * 86400; // [security] session_lifetime_days (7-30 in production)
    qint64 sessionIdleSeconds = 72 * 3600;      // [security] session_idle_hours

    // Mail (F16) and rate limits (F13, B3); see mail/ and ratelimit/.
    QStringList trustedProxies; // [server] trusted_proxies: addresses/CIDRs allowed to set X-Forwarded-For
    QString firmName = QStringLiteral("Gatehouse");
    QString firmColour = QStringLiteral("#1f4e79");
    QString firmLogoUrl; // [firm] logo_url: https:// or data:image/ URL shown in the page header; empty: none
    QString mailFromName; // defaults to firmName
    QString mailFromAddress = QStringLiteral("portal@localhost");
    QString smtpUrl = QStringLiteral("smtp://127.0.0.1:25"); // smtp:// (STARTTLS) or smtps:// (implicit TLS)
    QString smtpStartTls = QStringLiteral("required");       // required | optional | off (smtp:// only)
    QString smtpUsername;
    QString smtpPasswordFile; // absolute; the password is read from here, never written inline
    QString smtpCaFile;       // absolute; empty: the system's CA store
    QString testClockOffsetFile; // [testing] clock_offset_file, test builds only (server/clock.h)
    int smtpTimeoutSeconds = 30;
    int mailPollMilliseconds = 2000;
    int mailMaxAttempts = 10;
    int mailMaxAgeHours = 48;
    int mailBackoffBaseSeconds = 30;
    int mailBackoffMaxSeconds = 3600;
    int rateLimitWindowSeconds = 3600;
    int inviteLimitPerClient = 5;
    int inviteLimitPerStaff = 50;
    int signInLimitPerAddress = 5;
    int signInLimitPerEmail = 5;
    int mailPerHour = 1000; // B3: global budget, enforced when mail is queued
    // F13/B3 on the client side: requests to portal pages (/portal/..., /d/...) per source
    // address and minute; failed link consumes and wrong short codes per source address
    // and window; and the quiet time before a link or code for the same email is mailed
    // again (0: none).
    int portalPagesPerMinute = 60;
    int failedAttemptsPerAddress = 20;
    int failedAttemptsWindowSeconds = 3600;
    int resendCooldownSeconds = 60;

    // Loads and validates FILE. The error message is one line naming the file, the
    // key and what is wrong, ready to print after "gatehouse-portal: ".
    static Result<Config> load(const QString &path,
                               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
};

} // namespace Gatehouse::Server
