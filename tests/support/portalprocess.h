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
    void stop();  // SIGTERM (QProcess::terminate) and wait
    void kill();  // SIGKILL, as if the machine died
    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString errorString() const { return m_error; }
    QByteArray serverLog();

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
};

} // namespace Gatehouse::Test
