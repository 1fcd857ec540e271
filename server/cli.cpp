// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include "audit/auditlog.h"
#include "clock.h"
#include "common/crypto.h"
#include "config.h"
#include "demoseed.h"
#include "http/httpserver.h"
#include "http/router.h"
#include "log.h"
#include "mail/mailsender.h"
#include "mail/testmail.h"
#include "passwordhasher.h"
#include "push/pushhub.h"
#include "routes.h"
#include "secrets/keyring.h"
#include "storage/database.h"
#include "storage/storage.h"
#include "validation.h"

#include <QFile>
#include <QMap>
#include <cstdio>

namespace Gatehouse::Server {

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

const char UsageText[] =
    "usage: gatehouse-portal <command> --config FILE [options]\n"
    "\n"
    "commands:\n"
    "  serve         --config FILE                 run the portal server until SIGTERM/SIGINT\n"
    "  migrate       --config FILE                 apply pending database migrations and exit\n"
    "  check-config  --config FILE                 validate the configuration and exit\n"
    "  create-admin  --config FILE --email E [--name N] [--role admin|partner|paralegal]\n"
    "                [--password-stdin] [--if-none]\n"
    "                                              create a staff account; without --password-stdin a\n"
    "                                              strong password is generated and printed once\n"
    "  seed-demo     --config FILE [--clients N]   add demo partners and clients to an empty portal\n"
    "  rotate-secret --config FILE                 add a new signing/encryption key; values made with\n"
    "                                              older keys stay valid until they expire\n"
    "  verify-audit  --config FILE                 re-check the audit log's hash chain; exit 1 and name\n"
    "                                              the first bad entry if it was tampered with\n"
    "  send-test-mail --config FILE --to ADDRESS   queue a test message through the outbox; the running\n"
    "                                              server delivers it (checks the mail settings)\n"
    "  backup        --config FILE OUT             write a consistent copy of the database to OUT while\n"
    "                                              the server runs (the key file is not in it: keep it\n"
    "                                              separately; see docs/deployment.md)\n"
    "\n"
    "options:\n"
    "  --help        show this help\n"
    "  --version     show the version\n"
    "\n"
    "Settings may be overridden with environment variables GATEHOUSE_<SECTION>_<KEY>,\n"
    "e.g. GATEHOUSE_SERVER_PORT=8443.\n";

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(int code, const QString &message)
{
    const QByteArray bytes = "gatehouse-portal: " + message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return code;
}

struct Options
{
    QMap<QString, QString> values; // "--config" → "FILE"; flags map to ""
};

// Options each command accepts, and whether each takes a value.
const QMap<QString, QMap<QString, bool>> &commandOptions()
{
    static const QMap<QString, QMap<QString, bool>> table{
        {QStringLiteral("serve"), {{QStringLiteral("--config"), true}}},
        {QStringLiteral("migrate"), {{QStringLiteral("--config"), true}}},
        {QStringLiteral("check-config"), {{QStringLiteral("--config"), true}}},
        {QStringLiteral("create-admin"),
         {{QStringLiteral("--config"), true},
          {QStringLiteral("--email"), true},
          {QStringLiteral("--name"), true},
          {QStringLiteral("--role"), true},
          {QStringLiteral("--password-stdin"), false},
          {QStringLiteral("--if-none"), false}}},
        {QStringLiteral("seed-demo"), {{QStringLiteral("--config"), true}, {QStringLiteral("--clients"), true}}},
        {QStringLiteral("verify-audit"), {{QStringLiteral("--config"), true}}},
        {QStringLiteral("rotate-secret"), {{QStringLiteral("--config"), true}}},
        {QStringLiteral("send-test-mail"), {{QStringLiteral("--config"), true}, {QStringLiteral("--to"), true}}},
        {QStringLiteral("backup"), {{QStringLiteral("--config"), true}}},
    };
    return table;
}

// The one argument without a name that a command takes (stored under this key).
const QMap<QString, QString> &commandPositional()
{
    static const QMap<QString, QString> table{{QStringLiteral("backup"), QStringLiteral("OUT")}};
    return table;
}

Result<Options> parseOptions(const QString &command, const QStringList &args)
{
    const auto &allowed = commandOptions().value(command);
    Options options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args.at(i);
        QString value;
        const bool inlineValue = name.startsWith(QLatin1StringView("--")) && name.contains(u'=');
        if (inlineValue) {
            value = name.mid(name.indexOf(u'=') + 1);
            name = name.left(name.indexOf(u'='));
        }
        const QString positional = commandPositional().value(command);
        if (!positional.isEmpty() && !name.startsWith(u'-') && !options.values.contains(positional)) {
            options.values.insert(positional, name);
            continue;
        }
        if (!allowed.contains(name))
            return Error{QStringLiteral("usage"),
                         QStringLiteral("%1: unknown option '%2'; see --help").arg(command, name)};
        if (allowed.value(name) && !inlineValue) {
            if (i + 1 >= args.size())
                return Error{QStringLiteral("usage"), QStringLiteral("%1: %2 needs a value").arg(command, name)};
            value = args.at(++i);
        }
        options.values.insert(name, value);
    }
    if (!options.values.contains(QStringLiteral("--config")))
        return Error{QStringLiteral("usage"), QStringLiteral("%1 needs --config FILE").arg(command)};
    if (const QString positional = commandPositional().value(command);
        !positional.isEmpty() && !options.values.contains(positional))
        return Error{QStringLiteral("usage"), QStringLiteral("%1 needs %2").arg(command, positional)};
    return options;
}

int serve(const Config &config, const Database &database, const Keyring &keyring, int migrationsApplied)
{
    Storage storage(database);
    Router router;
    // Every API's routes are wired in routes.cpp, shared with the contract test.
    const auto routes = registerAllRoutes(router, config, database, storage, keyring);

    HttpServer::Options options;
    options.address = config.serverAddress;
    options.port = config.serverPort;
    options.threads = config.threads;
    options.workers = config.workers;
    options.workerQueue = config.workerQueue;
    options.maxBodyBytes = std::uint64_t(config.maxBodyBytes);
    options.maxConnections = config.maxConnections;
    options.trustedProxies = config.trustedProxies;
    // Each thread opened its own SQLite connection on first use (Database keeps one per
    // thread); it is closed as the thread ends, so Qt does not warn at exit.
    options.onThreadExit = [] { Database::closeThreadConnection(); };
    HttpServer server(options, router);
    if (auto listening = server.listen(); !listening)
        return fail(ExitFailure, listening.error().message);

    if (migrationsApplied > 0)
        Log::info(QStringLiteral("migrated"), {{QStringLiteral("applied"), migrationsApplied},
                                               {QStringLiteral("schema_version"), Database::latestSchemaVersion()}});
    const auto url = QStringLiteral("http://%1:%2").arg(config.serverAddress).arg(server.port());
    Log::info(QStringLiteral("listening"), {{QStringLiteral("address"), config.serverAddress},
                                            {QStringLiteral("port"), server.port()},
                                            {QStringLiteral("url"), url},
                                            {QStringLiteral("threads"), config.threads},
                                            {QStringLiteral("workers"), config.workers}});
    // Queued mail goes out on a thread of its own while the server runs (F16); it
    // stops, finishing or abandoning its current message, after run() returns.
    MailSender mailSender(database, config, keyring);
    mailSender.start();
    if (PushHub *push = routes->push) {
        server.setUpgradeHandler(
            [push](auto socket, auto request) { push->adopt(std::move(socket), std::move(request)); },
            [push] { push->stop(); });
        push->start(server.executor());
    }
    server.run();
    if (PushHub *push = routes->push)
        push->release();
    return ExitOk;
}

int createAdmin(const Options &options, const Storage &storage)
{
    const QString email = options.values.value(QStringLiteral("--email")).trimmed();
    if (email.isEmpty())
        return fail(ExitUsage, QStringLiteral("create-admin needs --email ADDRESS"));
    if (!isPlausibleEmail(email))
        return fail(ExitUsage, QStringLiteral("'%1' is not a valid email address").arg(email));
    const auto role = roleFromName(options.values.value(QStringLiteral("--role"), QStringLiteral("admin")));
    if (!role)
        return fail(ExitUsage, QStringLiteral("--role must be admin, partner or paralegal"));

    if (options.values.contains(QStringLiteral("--if-none"))) {
        auto any = storage.anyAdminExists();
        if (!any)
            return fail(ExitFailure, any.error().message);
        if (*any) {
            out(QStringLiteral("an admin account already exists; nothing created"));
            return ExitOk;
        }
    }

    QByteArray password;
    const bool fromStdin = options.values.contains(QStringLiteral("--password-stdin"));
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(ExitFailure, QStringLiteral("cannot read the password from standard input"));
        password = in.readLine(4096);
        while (password.endsWith('\n') || password.endsWith('\r'))
            password.chop(1);
        if (password.size() < 8)
            return fail(ExitUsage, QStringLiteral("the password must be at least 8 characters"));
    } else {
        // 18 random bytes → 24 base64url characters, 144 bits: strong and typeable.
        password = Crypto::toBase64Url(Crypto::randomBytes(18));
    }
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return fail(ExitFailure, hash.error().message);
    QString name = options.values.value(QStringLiteral("--name")).trimmed();
    if (name.isEmpty())
        name = email.section(u'@', 0, 0);
    auto created = storage.insertStaff(email, name, *role, *hash);
    if (!created)
        return fail(ExitFailure, created.error().message);
    out(QStringLiteral("created %1 account %2").arg(roleName(*role), email));
    if (!fromStdin)
        out(QStringLiteral("password: %1\n(shown once; store it in a password manager)")
                .arg(QString::fromLatin1(password)));
    return ExitOk;
}

int seedDemo(const Options &options, const Storage &storage)
{
    int count = 12;
    if (options.values.contains(QStringLiteral("--clients"))) {
        bool ok = false;
        count = options.values.value(QStringLiteral("--clients")).toInt(&ok);
        if (!ok || count < 1 || count > 100000)
            return fail(ExitUsage, QStringLiteral("--clients must be a whole number from 1 to 100000"));
    }
    auto seeded = seedDemoData(storage, count);
    if (!seeded)
        return fail(ExitFailure, seeded.error().message);
    out(*seeded > 0 ? QStringLiteral("seeded %1 demo clients").arg(*seeded)
                    : QStringLiteral("clients already exist; nothing seeded"));
    return ExitOk;
}

int verifyAudit(const Database &database)
{
    const AuditLog audit(database);
    auto result = audit.verify();
    if (!result)
        return fail(ExitFailure, result.error().message);
    if (result->firstBadId)
        return fail(ExitFailure, QStringLiteral("audit log tampered: first bad entry is %1 (%2)")
                                     .arg(*result->firstBadId)
                                     .arg(result->reason));
    out(QStringLiteral("audit log intact: %1 entries verified").arg(result->checked));
    return ExitOk;
}

int sendTestMail(const Options &options, const Config &config, const Database &database, const Keyring &keyring)
{
    const QString to = options.values.value(QStringLiteral("--to")).trimmed();
    if (to.isEmpty())
        return fail(ExitUsage, QStringLiteral("send-test-mail needs --to ADDRESS"));
    auto queued = queueTestMail(config, database, keyring, to);
    if (!queued)
        return fail(ExitFailure, queued.error().message);
    out(QStringLiteral("queued test mail %1 to %2 (transport: %3); check code: %4")
            .arg(queued->outboxId)
            .arg(to, config.mailTransport, queued->checkCode));
    return ExitOk;
}

int runCommand(const QString &command, const Options &options)
{
    auto config = Config::load(options.values.value(QStringLiteral("--config")));
    if (!config)
        return fail(ExitUsage, config.error().message);
    if (command == u"check-config") {
        out(QStringLiteral("config OK"));
        return ExitOk;
    }
    Log::setLevel(config->logLevel);

    CryptoRuntime crypto;
    if (auto ok = crypto.check(); !ok)
        return fail(ExitFailure, ok.error().message);
    if (command == u"rotate-secret") {
        auto keyId = Keyring::rotate(config->secretFile);
        if (!keyId)
            return fail(ExitFailure, keyId.error().message);
        out(QStringLiteral("new key %1 is now current in %2").arg(*keyId, config->secretFile));
        return ExitOk;
    }
    Clock::setOffsetFile(config->testClockOffsetFile);
    const Database database(config->databasePath);
    auto applied = database.migrate();
    if (!applied)
        return fail(ExitFailure, applied.error().message);
    // Created on first use, so a fresh install needs no manual key generation.
    auto keyring = Keyring::loadOrCreate(config->secretFile);
    if (!keyring)
        return fail(ExitFailure, keyring.error().message);

    const Storage storage(database);
    if (command == u"migrate") {
        out(QStringLiteral("database %1 is at schema version %2 (%3 migrations applied)")
                .arg(config->databasePath)
                .arg(Database::latestSchemaVersion())
                .arg(*applied));
        return ExitOk;
    }
    if (command == u"create-admin")
        return createAdmin(options, storage);
    if (command == u"seed-demo")
        return seedDemo(options, storage);
    if (command == u"send-test-mail")
        return sendTestMail(options, *config, database, *keyring);
    if (command == u"verify-audit")
        return verifyAudit(database);
    if (command == u"backup") {
        const QString target = options.values.value(QStringLiteral("OUT"));
        if (auto r = database.backupTo(target); !r)
            return fail(ExitFailure, r.error().message);
        out(QStringLiteral("backup of %1 written to %2").arg(config->databasePath, target));
        return ExitOk;
    }
    return serve(*config, database, *keyring, *applied);
}

} // namespace

int Cli::run(const QStringList &arguments)
{
    Log::installQtMessageHandler();
    if (arguments.size() < 2) {
        std::fputs(UsageText, stderr);
        return ExitUsage;
    }
    const QString command = arguments.at(1);
    if (command == u"--version" || command == u"-v" || command == u"version") {
        out(QStringLiteral("gatehouse-portal %1").arg(QLatin1StringView(GATEHOUSE_VERSION)));
        return ExitOk;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        std::fputs(UsageText, stdout);
        return ExitOk;
    }
    if (!commandOptions().contains(command))
        return fail(ExitUsage, QStringLiteral("unknown command '%1'; usage: gatehouse-portal "
                                              "serve|migrate|check-config|create-admin|seed-demo|verify-audit|rotate-"
                                              "secret|send-test-mail|backup --config FILE")
                                   .arg(command));
    auto options = parseOptions(command, arguments.mid(2));
    if (!options)
        return fail(ExitUsage, options.error().message);
    const int code = runCommand(command, *options);
    Database::closeThreadConnection();
    return code;
}

} // namespace Gatehouse::Server
