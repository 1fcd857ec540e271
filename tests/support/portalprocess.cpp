// SPDX-License-Identifier: Apache-2.0
#include "portalprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>
#include <QTextStream>
#include <cstdio>
#include <cstdlib>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Gatehouse::Test {

PortalProcess::PortalProcess()
{
    m_config.insert(QStringLiteral("server/address"), QStringLiteral("127.0.0.1"));
    m_config.insert(QStringLiteral("server/port"), QStringLiteral("0"));
    m_config.insert(QStringLiteral("server/public_url"), QStringLiteral("http://127.0.0.1"));
    m_config.insert(QStringLiteral("database/path"), databasePath());
    m_config.insert(QStringLiteral("mail/transport"), QStringLiteral("folder"));
    m_config.insert(QStringLiteral("mail/folder"), mailFolder());
    m_config.insert(QStringLiteral("testing/clock_offset_file"), m_dir.filePath(QStringLiteral("clock-offset")));
}

void PortalProcess::advanceClock(qint64 seconds)
{
    m_clockOffset += seconds;
    QFile f(m_config.value(QStringLiteral("testing/clock_offset_file")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QByteArray::number(m_clockOffset)) < 0)
        qFatal("cannot write the clock offset file %s", qPrintable(f.fileName()));
}

PortalProcess::~PortalProcess()
{
    stop();
}

QString PortalProcess::sanitizerReport(const QByteArray &log)
{
    static const char *const markers[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                                          "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer",
                                          "WARNING: ThreadSanitizer"};
    for (const char *marker : markers) {
        const auto at = log.indexOf(marker);
        if (at >= 0) {
            const auto from = qMax<qsizetype>(0, log.lastIndexOf('\n', at) + 1);
            return QString::fromUtf8(log.mid(from, 4000));
        }
    }
    return {};
}

void PortalProcess::judgeShutdown(bool expectCleanExit)
{
    m_shutdownProblem.clear();
    if (!m_listening)
        return; // a server that never started is the start-up test's business
    m_listening = false;
    if (expectCleanExit && (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0))
        m_shutdownProblem = QStringLiteral("gatehouse-portal did not exit cleanly (%1, exit code %2)")
                                .arg(m_process->exitStatus() == QProcess::NormalExit ? QStringLiteral("normal exit")
                                                                                     : QStringLiteral("crashed"))
                                .arg(m_process->exitCode());
    if (const auto report = sanitizerReport(m_log); !report.isEmpty())
        m_shutdownProblem += QStringLiteral("\ngatehouse-portal reported:\n") + report;
    if (m_shutdownProblem.isEmpty())
        return;
    const QString message =
        m_shutdownProblem + QStringLiteral("\n--- server output (tail) ---\n") + QString::fromUtf8(m_log.right(6000));
    if (QTest::currentTestFunction()) {
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
        return;
    }
    // Outside any test function (a fixture destroyed after the run) nothing can fail a
    // test any more: end the process with a failing status so CTest still sees it.
    std::fprintf(stderr, "FAIL: %s\n", qPrintable(message));
    std::fflush(stderr);
    std::_Exit(1);
}

void PortalProcess::setConfig(const QString &sectionKey, const QString &value)
{
    m_config.insert(sectionKey, value);
}

QString PortalProcess::directory() const
{
    return m_dir.path();
}

QString PortalProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("portal.conf"));
}

QString PortalProcess::databasePath() const
{
    return m_dir.filePath(QStringLiteral("portal.db"));
}

QString PortalProcess::mailFolder() const
{
    return m_dir.filePath(QStringLiteral("mail"));
}

QString PortalProcess::binaryPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("GATEHOUSE_PORTAL_BIN"));
}

void PortalProcess::writeConfig() const
{
    // Group keys by section into a plain INI file, as an administrator would write it.
    QMap<QString, QStringList> sections;
    for (auto it = m_config.cbegin(); it != m_config.cend(); ++it) {
        const auto slash = it.key().indexOf(u'/');
        sections[it.key().left(slash)] << it.key().mid(slash + 1) + QStringLiteral(" = ") + it.value();
    }
    QFile f(configPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(configPath()));
    QTextStream out(&f);
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        out << '[' << it.key() << "]\n";
        for (const auto &line : it.value())
            out << line << '\n';
        out << '\n';
    }
}

bool PortalProcess::start(int timeoutMs)
{
    if (binaryPath().isEmpty()) {
        m_error = QStringLiteral("GATEHOUSE_PORTAL_BIN is not set; run the tests through ctest");
        return false;
    }
    writeConfig();
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // A test that dies (a crash, CTest's timeout) must not leave its server running.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    m_process->start(binaryPath(), {QStringLiteral("serve"), QStringLiteral("--config"), configPath()});
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process->errorString());
        return false;
    }
    // The server logs one JSON object per line; the "listening" event carries the port.
    QDeadlineTimer deadline(timeoutMs);
    QByteArray pending;
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            continue;
        }
        const auto chunk = m_process->readAll();
        m_log += chunk;
        pending += chunk;
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const auto line = pending.left(nl);
            pending.remove(0, nl + 1);
            const auto obj = QJsonDocument::fromJson(line).object();
            if (obj.value(QStringLiteral("event")).toString() == QLatin1StringView("listening")) {
                m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(obj.value(QStringLiteral("port")).toInt()));
                m_listening = true;
                return true;
            }
        }
    }
    m_error = QStringLiteral("gatehouse-portal did not report listening; exit code %1; output:\n%2")
                  .arg(m_process->exitCode())
                  .arg(QString::fromUtf8(m_log));
    return false;
}

bool PortalProcess::stop()
{
    if (!m_process)
        return m_shutdownProblem.isEmpty();
    bool hung = false;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            hung = true;
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_log += m_process->readAll();
    if (hung && m_listening)
        m_log += "\n(test support: the server did not stop within 15 s of SIGTERM and was killed)\n";
    judgeShutdown(true); // a hung server was killed, so it counts as crashed
    m_process.reset();
    return m_shutdownProblem.isEmpty() && !hung;
}

void PortalProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_log += m_process->readAll();
    judgeShutdown(false);
    m_process.reset();
}

bool PortalProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray PortalProcess::serverLog()
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}

bool PortalProcess::createStaff(const QString &email, const QString &password, const QString &role, const QString &name)
{
    writeConfig();
    QStringList args{
        QStringLiteral("create-admin"),    QStringLiteral("--config"), configPath(), QStringLiteral("--email"), email,
        QStringLiteral("--password-stdin")};
    if (role != QLatin1StringView("admin"))
        args << QStringLiteral("--role") << role;
    if (!name.isEmpty())
        args << QStringLiteral("--name") << name;
    const auto r = runCli(args, password.toUtf8() + '\n');
    if (r.exitCode != 0) {
        m_error = QString::fromUtf8(r.err + r.out);
        return false;
    }
    return true;
}

PortalProcess::CliResult PortalProcess::runCli(const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    CliResult result;
    QProcess p;
    p.start(binaryPath(), args);
    if (!p.waitForStarted(timeoutMs)) {
        result.err = p.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    // A command may fail on purpose (the test checks its exit code), but never with a
    // sanitizer report.
    if (const auto report = sanitizerReport(result.err); !report.isEmpty() && QTest::currentTestFunction())
        QTest::qFail(qPrintable(QStringLiteral("gatehouse-portal %1 reported:\n%2").arg(args.value(0), report)),
                     __FILE__, __LINE__);
    return result;
}

} // namespace Gatehouse::Test
