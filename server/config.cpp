// SPDX-License-Identifier: Apache-2.0
#include "config.h"

#include "clock.h"
#include "common/errorcode.h"
#include "http/clientaddress.h"
#include "validation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QUrl>
#include <functional>

namespace Gatehouse::Server {

namespace {

// Applies one textual value to the config; returns an empty string or what is wrong.
using Setter = std::function<QString(Config &, const QString &value)>;

struct KeySpec
{
    QString section;
    QString key;
    Setter apply;
};

QString parseInt(const QString &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return QStringLiteral("'%1' is not a whole number from %2 to %3").arg(value).arg(min).arg(max);
    *out = v;
    return {};
}

Setter intSetter(qint64 min, qint64 max, std::function<void(Config &, qint64)> store)
{
    return [=](Config &c, const QString &value) {
        qint64 v = 0;
        auto problem = parseInt(value, min, max, &v);
        if (problem.isEmpty())
            store(c, v);
        return problem;
    };
}

// A positive decimal amount of `unitSeconds` (e.g. "0.5" hours), stored as whole
// seconds; at least one second, at most `maxUnits`.
Setter durationSetter(qint64 unitSeconds, double maxUnits, std::function<void(Config &, qint64)> store)
{
    return [=](Config &c, const QString &value) {
        bool ok = false;
        const double v = value.toDouble(&ok);
        const double seconds = v * double(unitSeconds);
        if (!ok || !(v > 0) || v > maxUnits || seconds < 1)
            return QStringLiteral("'%1' is not a number above 0 (at least one second) and up to %2")
                .arg(value)
                .arg(maxUnits);
        store(c, qint64(seconds));
        return QString();
    };
}

const QList<KeySpec> &keySpecs()
{
    static const QList<KeySpec> specs{
        {QStringLiteral("server"), QStringLiteral("address"),
         [](Config &c, const QString &v) {
             if (v.isEmpty())
                 return QStringLiteral("must not be empty");
             c.serverAddress = v;
             return QString();
         }},
        {QStringLiteral("server"), QStringLiteral("port"),
         intSetter(0, 65535, [](Config &c, qint64 v) { c.serverPort = quint16(v); })},
        {QStringLiteral("server"), QStringLiteral("public_url"),
         [](Config &c, const QString &v) {
             const QUrl url(v, QUrl::StrictMode);
             if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
                 return QStringLiteral("'%1' is not an http(s) URL").arg(v);
             c.publicUrl = v;
             return QString();
         }},
        {QStringLiteral("server"), QStringLiteral("threads"),
         intSetter(1, 64, [](Config &c, qint64 v) { c.threads = int(v); })},
        {QStringLiteral("server"), QStringLiteral("workers"),
         intSetter(0, 256, [](Config &c, qint64 v) { c.workers = int(v); })},
        {QStringLiteral("server"), QStringLiteral("worker_queue"),
         intSetter(0, 100000, [](Config &c, qint64 v) { c.workerQueue = int(v); })},
        {QStringLiteral("metrics"), QStringLiteral("allow"),
         [](Config &c, const QString &v) {
             QStringList entries;
             QStringList addresses;
             for (const auto &part : v.split(u',', Qt::SkipEmptyParts)) {
                 const QString entry = part.trimmed();
                 if (entry.isEmpty())
                     continue;
                 entries << entry;
                 if (entry != u"loopback" && entry != u"none")
                     addresses << entry;
             }
             if (entries.isEmpty())
                 return QStringLiteral("must not be empty (use 'none' to turn /metrics off)");
             if (entries.contains(QStringLiteral("none")) && entries.size() > 1)
                 return QStringLiteral("'none' cannot be combined with other entries");
             QString bad;
             if (!validTrustedProxies(addresses, &bad))
                 return QStringLiteral("'%1' is not loopback, none, an IP address or a CIDR").arg(bad);
             c.metricsAllow = entries;
             return QString();
         }},
        {QStringLiteral("server"), QStringLiteral("max_body_bytes"),
         intSetter(1024, qint64(64) * 1024 * 1024, [](Config &c, qint64 v) { c.maxBodyBytes = v; })},
        {QStringLiteral("server"), QStringLiteral("max_connections"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.maxConnections = int(v); })},
        {QStringLiteral("database"), QStringLiteral("path"),
         [](Config &c, const QString &v) {
             if (v.isEmpty())
                 return QStringLiteral("must not be empty");
             c.databasePath = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("transport"),
         [](Config &c, const QString &v) {
             if (v != u"folder" && v != u"smtp")
                 return QStringLiteral("'%1' is not one of: folder, smtp").arg(v);
             c.mailTransport = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("folder"),
         [](Config &c, const QString &v) {
             c.mailFolder = v;
             return QString();
         }},
        {QStringLiteral("log"), QStringLiteral("level"),
         [](Config &c, const QString &v) {
             const auto level = Log::levelFromName(v);
             if (!level)
                 return QStringLiteral("'%1' is not one of: debug, info, warning, error").arg(v);
             c.logLevel = *level;
             return QString();
         }},
        {QStringLiteral("security"), QStringLiteral("staff_token_ttl_hours"),
         intSetter(1, 24 * 365, [](Config &c, qint64 v) { c.staffTokenTtlHours = int(v); })},
        {QStringLiteral("security"), QStringLiteral("sign_in_max_failures"),
         intSetter(1, 1000, [](Config &c, qint64 v) { c.signInMaxFailures = int(v); })},
        {QStringLiteral("security"), QStringLiteral("sign_in_lockout_seconds"),
         intSetter(1, 86400, [](Config &c, qint64 v) { c.signInLockoutSeconds = int(v); })},
        {QStringLiteral("security"), QStringLiteral("sign_in_lockout_max_seconds"),
         intSetter(1, 7 * 86400, [](Config &c, qint64 v) { c.signInLockoutMaxSeconds = int(v); })},
        {QStringLiteral("documents"), QStringLiteral("max_bytes"),
         intSetter(1024, qint64(1024) * 1024 * 1024, [](Config &c, qint64 v) { c.documentsMaxBytes = v; })},
        {QStringLiteral("security"), QStringLiteral("invite_ttl_hours"),
         durationSetter(3600, 24 * 30, [](Config &c, qint64 v) { c.inviteTtlSeconds = v; })},
        {QStringLiteral("security"), QStringLiteral("sign_in_ttl_minutes"),
         durationSetter(60, 24 * 60, [](Config &c, qint64 v) { c.signInTtlSeconds = v; })},
        {QStringLiteral("security"), QStringLiteral("session_lifetime_days"),
         durationSetter(86400, 30, [](Config &c, qint64 v) { c.sessionLifetimeSeconds = v; })},
        {QStringLiteral("security"), QStringLiteral("session_idle_hours"),
         durationSetter(3600, 24 * 30, [](Config &c, qint64 v) { c.sessionIdleSeconds = v; })},
        {QStringLiteral("security"), QStringLiteral("link_policy"),
         [](Config &c, const QString &v) {
             if (v != u"single_use" && v != u"reusable")
                 return QStringLiteral("'%1' is not one of: single_use, reusable").arg(v);
             c.linkPolicyReusable = v == u"reusable";
             return QString();
         }},
        {QStringLiteral("security"), QStringLiteral("secret_file"),
         [](Config &c, const QString &v) {
             if (v.isEmpty())
                 return QStringLiteral("must not be empty");
             c.secretFile = v;
             return QString();
         }},
        // Mail (F16) and rate limits (F13, B3)
        {QStringLiteral("server"), QStringLiteral("trusted_proxies"),
         [](Config &c, const QString &v) {
             QStringList entries;
             for (const auto &part : v.split(u',', Qt::SkipEmptyParts)) {
                 if (!part.trimmed().isEmpty())
                     entries << part.trimmed();
             }
             QString bad;
             if (!validTrustedProxies(entries, &bad))
                 return QStringLiteral("'%1' is not an IP address or CIDR").arg(bad);
             c.trustedProxies = entries;
             return QString();
         }},
        {QStringLiteral("firm"), QStringLiteral("name"),
         [](Config &c, const QString &v) {
             if (v.isEmpty())
                 return QStringLiteral("must not be empty");
             c.firmName = v;
             return QString();
         }},
        {QStringLiteral("firm"), QStringLiteral("colour"),
         [](Config &c, const QString &v) {
             static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
             if (!hex.match(v).hasMatch())
                 return QStringLiteral("'%1' is not a colour like #1f4e79").arg(v);
             c.firmColour = v;
             return QString();
         }},
        {QStringLiteral("firm"), QStringLiteral("logo_url"),
         [](Config &c, const QString &v) {
             // The page CSP admits the logo's origin only (see pages/pageresponse.cpp), so
             // it must be https (or inline data); a plain-http logo would be mixed content.
             const QUrl url(v, QUrl::StrictMode);
             const bool https = url.isValid() && url.scheme() == u"https" && !url.host().isEmpty();
             if (!v.isEmpty() && !https && !v.startsWith(u"data:image/"))
                 return QStringLiteral("'%1' is not an https:// or data:image/ URL").arg(v.left(80));
             c.firmLogoUrl = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("from_name"),
         [](Config &c, const QString &v) {
             c.mailFromName = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("from_address"),
         [](Config &c, const QString &v) {
             if (!isPlausibleEmail(v))
                 return QStringLiteral("'%1' is not an email address").arg(v);
             c.mailFromAddress = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_url"),
         [](Config &c, const QString &v) {
             const QUrl url(v, QUrl::StrictMode);
             if (!url.isValid() || (url.scheme() != u"smtp" && url.scheme() != u"smtps") || url.host().isEmpty() ||
                 !url.userInfo().isEmpty())
                 return QStringLiteral("'%1' is not smtp://host[:port] or smtps://host[:port] (credentials go in "
                                       "smtp_username and smtp_password_file)")
                     .arg(v);
             c.smtpUrl = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_starttls"),
         [](Config &c, const QString &v) {
             if (v != u"required" && v != u"optional" && v != u"off")
                 return QStringLiteral("'%1' is not one of: required, optional, off").arg(v);
             c.smtpStartTls = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_username"),
         [](Config &c, const QString &v) {
             c.smtpUsername = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_password_file"),
         [](Config &c, const QString &v) {
             c.smtpPasswordFile = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_ca_file"),
         [](Config &c, const QString &v) {
             c.smtpCaFile = v;
             return QString();
         }},
        {QStringLiteral("mail"), QStringLiteral("smtp_timeout_seconds"),
         intSetter(1, 600, [](Config &c, qint64 v) { c.smtpTimeoutSeconds = int(v); })},
        {QStringLiteral("mail"), QStringLiteral("poll_interval_ms"),
         intSetter(50, 600000, [](Config &c, qint64 v) { c.mailPollMilliseconds = int(v); })},
        {QStringLiteral("mail"), QStringLiteral("max_attempts"),
         intSetter(1, 1000, [](Config &c, qint64 v) { c.mailMaxAttempts = int(v); })},
        {QStringLiteral("mail"), QStringLiteral("max_age_hours"),
         intSetter(1, 24 * 30, [](Config &c, qint64 v) { c.mailMaxAgeHours = int(v); })},
        {QStringLiteral("mail"), QStringLiteral("backoff_base_seconds"),
         intSetter(1, 86400, [](Config &c, qint64 v) { c.mailBackoffBaseSeconds = int(v); })},
        {QStringLiteral("mail"), QStringLiteral("backoff_max_seconds"),
         intSetter(1, 7 * 86400, [](Config &c, qint64 v) { c.mailBackoffMaxSeconds = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("window_seconds"),
         intSetter(1, 7 * 86400, [](Config &c, qint64 v) { c.rateLimitWindowSeconds = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("invite_per_client"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.inviteLimitPerClient = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("invite_per_staff"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.inviteLimitPerStaff = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("sign_in_per_address"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.signInLimitPerAddress = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("sign_in_per_email"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.signInLimitPerEmail = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("portal_pages_per_minute"),
         intSetter(1, 1000000, [](Config &c, qint64 v) { c.portalPagesPerMinute = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("failed_attempts_per_address"),
         intSetter(1, 100000, [](Config &c, qint64 v) { c.failedAttemptsPerAddress = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("failed_attempts_window_seconds"),
         intSetter(1, 7 * 86400, [](Config &c, qint64 v) { c.failedAttemptsWindowSeconds = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("resend_cooldown_seconds"),
         intSetter(0, 86400, [](Config &c, qint64 v) { c.resendCooldownSeconds = int(v); })},
        {QStringLiteral("ratelimit"), QStringLiteral("mail_per_hour"),
         intSetter(1, 10000000, [](Config &c, qint64 v) { c.mailPerHour = int(v); })},
        // Tests only: lets a test move the server's clock forward (server/clock.h).
        {QStringLiteral("testing"), QStringLiteral("clock_offset_file"),
         [](Config &c, const QString &v) {
             if (!Clock::testHooksBuiltIn())
                 return QStringLiteral("is only available in builds with the test suite");
             if (v.isEmpty())
                 return QStringLiteral("must not be empty");
             c.testClockOffsetFile = v;
             return QString();
         }},
    };
    return specs;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// " (did you mean 'port'?)" when a known name is close enough to be the likely intent.
QString suggestion(const QString &wrong, const QStringList &known)
{
    QString best;
    int bestDistance = 3; // more than two edits away is not a typo
    for (const auto &k : known) {
        const int d = editDistance(wrong, k);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(best);
}

const KeySpec *findSpec(const QString &section, const QString &key)
{
    for (const auto &s : keySpecs()) {
        if (s.section == section && s.key == key)
            return &s;
    }
    return nullptr;
}

Error configError(const QString &path, const QString &what)
{
    return Error{QString(ErrorCode::ConfigError), QStringLiteral("config %1: %2").arg(path, what)};
}

QString resolve(const QDir &base, const QString &path)
{
    return QDir::cleanPath(base.absoluteFilePath(path));
}

} // namespace

Result<Config> Config::load(const QString &path, const QProcessEnvironment &env)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return configError(path, QStringLiteral("no such file"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return configError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));

    Config config;
    config.filePath = QFileInfo(path).absoluteFilePath();
    QStringList sections;
    for (const auto &s : keySpecs()) {
        if (!sections.contains(s.section))
            sections << s.section;
    }

    QString section;
    QSet<QString> seen;
    int lineNumber = 0;
    const QString text = QString::fromUtf8(file.readAll());
    for (const auto &rawLine : text.split(u'\n')) {
        ++lineNumber;
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        const auto where = QStringLiteral("line %1: ").arg(lineNumber);
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return configError(path, where + QStringLiteral("malformed section header '%1'").arg(line));
            section = line.mid(1, line.size() - 2).trimmed();
            if (!sections.contains(section))
                return configError(
                    path, QStringLiteral("unknown section '[%1]'%2").arg(section, suggestion(section, sections)));
            continue;
        }
        const auto eq = line.indexOf(u'=');
        if (eq <= 0)
            return configError(path, where + QStringLiteral("expected 'key = value', found '%1'").arg(line));
        if (section.isEmpty())
            return configError(path, where + QStringLiteral("key outside of any [section]"));
        const QString key = line.left(eq).trimmed();
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const auto *spec = findSpec(section, key);
        if (!spec) {
            QStringList keys;
            for (const auto &s : keySpecs()) {
                if (s.section == section)
                    keys << s.key;
            }
            return configError(path, QStringLiteral("unknown key '%1/%2'%3").arg(section, key, suggestion(key, keys)));
        }
        const QString fullKey = section + u'/' + key;
        if (seen.contains(fullKey))
            return configError(path, where + QStringLiteral("'%1' is set twice").arg(fullKey));
        seen.insert(fullKey);
        if (const auto problem = spec->apply(config, value); !problem.isEmpty())
            return configError(path, QStringLiteral("%1: %2").arg(fullKey, problem));
    }

    // Environment overrides win over the file: GATEHOUSE_SERVER_PORT=8443. A variable
    // that names a known section but no key of it is a typo, and refused like one in the
    // file (other GATEHOUSE_* variables, such as a test's, are none of the server's business).
    for (const auto &name : env.keys()) {
        if (!name.startsWith(QLatin1StringView("GATEHOUSE_")))
            continue;
        for (const auto &envSection : std::as_const(sections)) {
            const QString prefix = QStringLiteral("GATEHOUSE_%1_").arg(envSection.toUpper());
            if (!name.startsWith(prefix))
                continue;
            const QString key = name.mid(prefix.size()).toLower();
            if (findSpec(envSection, key))
                break;
            QStringList keys;
            for (const auto &s : keySpecs()) {
                if (s.section == envSection)
                    keys << s.key;
            }
            return configError(path, QStringLiteral("environment %1: unknown key '%2/%3'%4")
                                         .arg(name, envSection, key, suggestion(key, keys)));
        }
    }
    for (const auto &spec : keySpecs()) {
        const auto name = QStringLiteral("GATEHOUSE_%1_%2").arg(spec.section.toUpper(), spec.key.toUpper());
        if (!env.contains(name))
            continue;
        if (const auto problem = spec.apply(config, env.value(name)); !problem.isEmpty())
            return configError(path, QStringLiteral("environment %1: %2").arg(name, problem));
    }

    // Relative paths mean "next to the config file", not "wherever the service was started".
    const QDir base = QFileInfo(config.filePath).absoluteDir();
    config.databasePath =
        resolve(base, config.databasePath.isEmpty() ? QStringLiteral("gatehouse.db") : config.databasePath);
    config.mailFolder = resolve(base, config.mailFolder.isEmpty() ? QStringLiteral("mail") : config.mailFolder);
    // By default the keys sit beside the database, in a file of their own.
    config.secretFile = config.secretFile.isEmpty()
                            ? QFileInfo(config.databasePath).absoluteDir().filePath(QStringLiteral("portal.secrets"))
                            : resolve(base, config.secretFile);
    if (!config.smtpPasswordFile.isEmpty())
        config.smtpPasswordFile = resolve(base, config.smtpPasswordFile);
    if (!config.smtpCaFile.isEmpty())
        config.smtpCaFile = resolve(base, config.smtpCaFile);
    if (!config.testClockOffsetFile.isEmpty())
        config.testClockOffsetFile = resolve(base, config.testClockOffsetFile);
    if (config.mailFromName.isEmpty())
        config.mailFromName = config.firmName;
    // Handlers mostly wait (Argon2id, SQLite's write lock), so a few per core keep the
    // CPUs busy without letting a burst of sign-ins reserve gigabytes of Argon2 memory.
    if (config.workers == 0)
        config.workers = std::clamp(4 * QThread::idealThreadCount(), 4, 64);
    if (config.publicUrl.isEmpty())
        config.publicUrl = QStringLiteral("http://%1:%2").arg(config.serverAddress).arg(config.serverPort);
    return config;
}

} // namespace Gatehouse::Server
