// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace Gatehouse {

// The app's own log: every qDebug/qInfo/qWarning/qCritical line, redacted (redaction.h),
// with time, level and category, appended to a size-capped file that rotates
// (gatehouse.log, gatehouse.log.1 … .N; the oldest is dropped). IT finds it at
//   Windows  %LOCALAPPDATA%\Gatehouse\Gatehouse\logs\gatehouse.log
//   macOS    ~/Library/Application Support/Gatehouse/Gatehouse/logs/gatehouse.log
//   Linux    ~/.local/share/Gatehouse/Gatehouse/logs/gatehouse.log
// (docs/deployment.md). The previous message handler still runs, with the redacted
// text, so messages also reach the console, the debugger or the system log.
class LogFile
{
public:
    static constexpr qint64 DefaultMaxBytes = 1024 * 1024;
    static constexpr int DefaultKeptFiles = 5;

    explicit LogFile(const QString &path, qint64 maxBytes = DefaultMaxBytes, int keptFiles = DefaultKeptFiles);

    QString path() const { return m_path; }
    // Appends one line (redacted first, cut to a quarter of the cap), rotating when the
    // file would pass the cap.
    void write(const QString &line);
    // The newest `count` lines across the current and the previous file.
    QStringList lastLines(int count) const;

    // The platform's log file path (see above).
    static QString defaultPath();
    // Routes Qt's messages to `log` (which must outlive the app) from now on; chains to
    // the handler that was installed before. Pass nullptr to restore that handler.
    static void install(LogFile *log);
    // The installed log, or nullptr.
    static LogFile *installed();
    // How one message is written: "2026-12-05T08:50:01.123Z warning gatehouse.sync: text".
    static QString format(QtMsgType type, const QMessageLogContext &context, const QString &message);

private:
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keptFiles;
    mutable QMutex m_mutex;
};

} // namespace Gatehouse
