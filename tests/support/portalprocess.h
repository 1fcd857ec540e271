// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace Gatehouse::Test {

// Runs the real gatehouse-portal binary (path from $GATEHOUSE_PORTAL_BIN, set by the
// CTest helper) on 127.0.0.1 with port 0, a config file and database in a temporary
// directory. start() returns once the server has logged where it listens.
//
// How the server ended is part of every test: stop() (and the destructor) fail the
// running test when a server that started fine exits non-zero, crashes, or left a
// sanitizer report in its output; kill() (a deliberate SIGKILL) checks the report only.
class PortalProcess
{
public:
    struct CliResult
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    PortalProcess();
    ~PortalProcess();

    // Extra "section/key" = value pairs for the config file (written before start()).
    void setConfig(const QString &sectionKey, const QString &value);
    QString configPath() const;
    QString databasePath() const;
    QString mailFolder() const;
    QString directory() const;

    // Writes the config file, starts `serve`, waits for the "listening" log line.
    // On failure returns false and fills errorString() with the server's output.
    bool start(int timeoutMs = 20000);
    // SIGTERM (QProcess::terminate) and wait. Returns false, and fails the running
    // test, when the server did not end cleanly (see shutdownProblem()).
    bool stop();
    void kill(); // SIGKILL, as if the machine died
    // Why the last server did not end cleanly; empty when it did.
    QString shutdownProblem() const { return m_shutdownProblem; }
    // The first sanitizer report (ASan, LSan, UBSan) in a server's output, or empty.
    static QString sanitizerReport(const QByteArray &log);
    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString errorString() const { return m_error; }
    QByteArray serverLog();

    // Moves the server's clock forward by `seconds` (in total, from its start) without
    // waiting: test builds read [testing] clock_offset_file on every "now".
    void advanceClock(qint64 seconds);

    // `gatehouse-portal create-admin` with the password on stdin.
    bool createStaff(const QString &email, const QString &password, const QString &role = QStringLiteral("admin"),
                     const QString &name = QString());

    // Runs the CLI with the given arguments (the config is not added automatically).
    static CliResult runCli(const QStringList &args, const QByteArray &stdinData = QByteArray(), int timeoutMs = 30000);
    static QString binaryPath();

    void writeConfig() const;

private:
    QTemporaryDir m_dir;
    QMap<QString, QString> m_config;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QUrl m_baseUrl;
    QString m_error;
    QString m_shutdownProblem;
    bool m_listening = false;
    qint64 m_clockOffset = 0;

    void judgeShutdown(bool expectCleanExit);
};

} // namespace Gatehouse::Test
