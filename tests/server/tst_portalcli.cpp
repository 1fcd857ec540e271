// SPDX-License-Identifier: Apache-2.0
// The gatehouse-portal command line as IT and scripts use it: exit codes and the one
// clear line on stderr for every failure.
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

QStringList stderrLines(const QByteArray &err)
{
    QStringList lines;
    for (const auto &line : QString::fromUtf8(err).split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines << line;
    }
    return lines;
}

PortalProcess::CliResult runWithEnvironment(const QStringList &args, const QProcessEnvironment &env)
{
    PortalProcess::CliResult result;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(PortalProcess::binaryPath(), args);
    if (!p.waitForFinished(30000))
        return result;
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    return result;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

class TestPortalCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!PortalProcess::binaryPath().isEmpty(), "GATEHOUSE_PORTAL_BIN is not set; run through ctest");
    }

    void version_printsNameAndVersion()
    {
        const auto r = PortalProcess::runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("gatehouse-portal 0.1.0"));
    }

    void help_listsEverySubcommand()
    {
        const auto r = PortalProcess::runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"serve", "migrate", "check-config", "create-admin", "seed-demo"})
            QVERIFY2(r.out.contains(command), command);
    }

    void unknownSubcommand_printsUsage_exits2()
    {
        const auto r = PortalProcess::runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(stderrLines(r.err).size(), 1);
        QVERIFY(r.err.contains("usage"));
    }

    void serve_missingConfigFile_oneLineExit2()
    {
        PortalProcess p;
        const QString missing = p.directory() + QStringLiteral("/absent.conf");
        const auto r = PortalProcess::runCli({QStringLiteral("serve"), QStringLiteral("--config"), missing});
        QCOMPARE(r.exitCode, 2);
        const auto lines = stderrLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().startsWith(QLatin1StringView("gatehouse-portal: config ")));
        QVERIFY(lines.first().contains(QLatin1StringView("no such file")));
    }

    void checkConfig_badFile_oneLineExit2_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key with suggestion")
            << QByteArray("[server]\nprot = 8080\n")
            << QStringLiteral("unknown key 'server/prot' (did you mean 'port'?)");
        QTest::newRow("unknown section") << QByteArray("[sevrer]\nport = 1\n")
                                         << QStringLiteral("unknown section '[sevrer]'");
        QTest::newRow("not key=value") << QByteArray("[server]\njust some words\n")
                                       << QStringLiteral("expected 'key = value'");
        QTest::newRow("key before section") << QByteArray("port = 1\n") << QStringLiteral("outside of any [section]");
        QTest::newRow("port out of range") << QByteArray("[server]\nport = 70000\n") << QStringLiteral("server/port");
        QTest::newRow("port not a number") << QByteArray("[server]\nport = http\n") << QStringLiteral("server/port");
        QTest::newRow("zero threads") << QByteArray("[server]\nthreads = 0\n") << QStringLiteral("server/threads");
        QTest::newRow("bad transport") << QByteArray("[mail]\ntransport = pigeon\n")
                                       << QStringLiteral("mail/transport");
        QTest::newRow("bad log level") << QByteArray("[log]\nlevel = loud\n") << QStringLiteral("log/level");
        QTest::newRow("bad public url") << QByteArray("[server]\npublic_url = ftp://x\n")
                                        << QStringLiteral("server/public_url");
        QTest::newRow("duplicate key") << QByteArray("[server]\nport = 1\nport = 2\n") << QStringLiteral("set twice");
    }

    void checkConfig_badFile_oneLineExit2()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        PortalProcess p;
        const QString path = p.directory() + QStringLiteral("/bad.conf");
        writeFile(path, content);
        for (const auto &command : {QStringLiteral("check-config"), QStringLiteral("serve")}) {
            const auto r = PortalProcess::runCli({command, QStringLiteral("--config"), path});
            QCOMPARE(r.exitCode, 2);
            const auto lines = stderrLines(r.err);
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.first().contains(expected), qPrintable(lines.first()));
        }
    }

    // GATEHOUSE_<SECTION>_<KEY> overrides the file; a wrong value or a key the section
    // does not have is one line naming the variable, as a bad line in the file is.
    void environment_badOverride_oneLineNamingIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong type") << QStringLiteral("GATEHOUSE_SERVER_PORT") << QStringLiteral("http")
                                    << QStringLiteral("environment GATEHOUSE_SERVER_PORT: ");
        QTest::newRow("unknown key") << QStringLiteral("GATEHOUSE_SERVER_PROT") << QStringLiteral("8443")
                                     << QStringLiteral("environment GATEHOUSE_SERVER_PROT: unknown key 'server/prot' "
                                                       "(did you mean 'port'?)");
        QTest::newRow("bad choice") << QStringLiteral("GATEHOUSE_MAIL_TRANSPORT") << QStringLiteral("pigeon")
                                    << QStringLiteral("environment GATEHOUSE_MAIL_TRANSPORT: ");
    }

    void environment_badOverride_oneLineNamingIt()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        PortalProcess p;
        p.writeConfig();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(name, value);
        const auto r =
            runWithEnvironment({QStringLiteral("check-config"), QStringLiteral("--config"), p.configPath()}, env);
        QCOMPARE(r.exitCode, 2);
        const auto lines = stderrLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(expected), qPrintable(lines.first()));
    }

    void environment_override_winsOverTheFile()
    {
        PortalProcess p;
        p.writeConfig(); // names portal.db
        const QString other = p.directory() + QStringLiteral("/from-environment.db");
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_DATABASE_PATH"), other);
        const auto r = runWithEnvironment({QStringLiteral("migrate"), QStringLiteral("--config"), p.configPath()}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("database %1 is at schema version").arg(other).toUtf8()),
                 r.out.constData());
        QVERIFY(QFile::exists(other));
        QVERIFY(!QFile::exists(p.databasePath()));
    }

    void checkConfig_validFile_printsOk()
    {
        PortalProcess p;
        p.writeConfig();
        const auto r =
            PortalProcess::runCli({QStringLiteral("check-config"), QStringLiteral("--config"), p.configPath()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("config OK"));
        QVERIFY(r.err.isEmpty());
    }

    void serve_uncreatableDatabase_oneLineExit1()
    {
        PortalProcess p;
        p.setConfig(QStringLiteral("database/path"), p.directory() + QStringLiteral("/no/such/folder/portal.db"));
        p.writeConfig();
        const auto r = PortalProcess::runCli({QStringLiteral("serve"), QStringLiteral("--config"), p.configPath()});
        QCOMPARE(r.exitCode, 1);
        const auto lines = stderrLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QLatin1StringView("cannot open database")), qPrintable(lines.first()));
    }

    void serve_portInUse_oneLineExit1()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        PortalProcess p;
        p.setConfig(QStringLiteral("server/port"), QString::number(blocker.serverPort()));
        p.writeConfig();
        const auto r = PortalProcess::runCli({QStringLiteral("serve"), QStringLiteral("--config"), p.configPath()});
        QCOMPARE(r.exitCode, 1);
        const auto lines = stderrLines(r.err);
        QCOMPARE(lines.size(), 1);
        const auto expected =
            QStringLiteral("cannot listen on 127.0.0.1:%1: address already in use; choose another server.port")
                .arg(blocker.serverPort());
        QVERIFY2(lines.first().contains(expected), qPrintable(lines.first()));
    }

    void serve_sigterm_stopsGracefully()
    {
        PortalProcess p;
        QVERIFY2(p.start(), qPrintable(p.errorString()));
        QCOMPARE(httpRequest("GET", p.baseUrl().resolved(QUrl(QStringLiteral("/healthz")))).status, 200);
        p.stop();
        const auto log = p.serverLog();
        QVERIFY2(log.contains("\"event\":\"stopped\""), log.constData());
    }

    void createAdmin_sameEmailTwice_secondExits1()
    {
        PortalProcess p;
        QVERIFY2(p.createStaff(QStringLiteral("it@firm.example"), QStringLiteral("correct horse battery")),
                 qPrintable(p.errorString()));
        const auto r = PortalProcess::runCli({QStringLiteral("create-admin"), QStringLiteral("--config"),
                                              p.configPath(), QStringLiteral("--email"),
                                              QStringLiteral("IT@firm.example"), QStringLiteral("--password-stdin")},
                                             "another password\n");
        QCOMPARE(r.exitCode, 1);
        const auto lines = stderrLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QLatin1StringView("already exists")), qPrintable(lines.first()));
    }

    void createAdmin_invalidEmail_exits2()
    {
        PortalProcess p;
        p.writeConfig();
        const auto r =
            PortalProcess::runCli({QStringLiteral("create-admin"), QStringLiteral("--config"), p.configPath(),
                                   QStringLiteral("--email"), QStringLiteral("not-an-email")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(stderrLines(r.err).size(), 1);
    }

    void createAdmin_ifNone_whenAdminExists_createsNothing()
    {
        PortalProcess p;
        QVERIFY2(p.createStaff(QStringLiteral("first@firm.example"), QStringLiteral("correct horse battery")),
                 qPrintable(p.errorString()));
        const auto args = QStringList{QStringLiteral("create-admin"),
                                      QStringLiteral("--config"),
                                      p.configPath(),
                                      QStringLiteral("--email"),
                                      QStringLiteral("second@firm.example"),
                                      QStringLiteral("--if-none")};
        const auto r = PortalProcess::runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("an admin account already exists; nothing created"));
        // Proof that nothing was created: the second address can now be added normally.
        QVERIFY(p.createStaff(QStringLiteral("second@firm.example"), QStringLiteral("correct horse battery")));
    }

    void createAdmin_withoutPassword_printsWorkingPasswordOnce()
    {
        PortalProcess p;
        p.writeConfig();
        const auto r = PortalProcess::runCli({QStringLiteral("create-admin"), QStringLiteral("--config"),
                                              p.configPath(), QStringLiteral("--email"),
                                              QStringLiteral("boss@firm.example"), QStringLiteral("--if-none")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("boss@firm.example"));
        const auto match = QRegularExpression(QStringLiteral("password: (\\S+)")).match(QString::fromUtf8(r.out));
        QVERIFY(match.hasMatch());
        const auto password = match.captured(1);
        QVERIFY(password.size() >= 20);

        QVERIFY2(p.start(), qPrintable(p.errorString()));
        const auto signIn =
            httpRequest("POST", p.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/session"))),
                        QStringLiteral(R"({"email":"boss@firm.example","password":"%1"})").arg(password).toUtf8());
        QCOMPARE(signIn.status, 201);
        // The password is shown to the operator once and never logged.
        QVERIFY(!p.serverLog().contains(password.toUtf8()));
    }

    void seedDemo_twice_seedsOnce()
    {
        PortalProcess p;
        p.writeConfig();
        const auto args = QStringList{QStringLiteral("seed-demo"), QStringLiteral("--config"), p.configPath(),
                                      QStringLiteral("--clients"), QStringLiteral("5")};
        auto r = PortalProcess::runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("seeded 5 demo clients"));
        r = PortalProcess::runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("nothing seeded"));
    }

    void migrate_freshDatabase_reportsSchemaVersion()
    {
        PortalProcess p;
        p.writeConfig();
        const auto r = PortalProcess::runCli({QStringLiteral("migrate"), QStringLiteral("--config"), p.configPath()});
        QCOMPARE(r.exitCode, 0);
        // Every migration runs on a fresh database, and a second run has nothing to do.
        const auto m = QRegularExpression(QStringLiteral("schema version (\\d+) \\((\\d+) migrations applied\\)"))
                           .match(QString::fromUtf8(r.out));
        QVERIFY2(m.hasMatch(), r.out.constData());
        QVERIFY(m.captured(1).toInt() >= 2);
        QCOMPARE(m.captured(2), m.captured(1));
        QVERIFY(QFile::exists(p.databasePath()));
        const auto again =
            PortalProcess::runCli({QStringLiteral("migrate"), QStringLiteral("--config"), p.configPath()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("(0 migrations applied)"), again.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPortalCli)
#include "tst_portalcli.moc"
