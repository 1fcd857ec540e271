// SPDX-License-Identifier: Apache-2.0
#include "logfile.h"

#include "redaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <atomic>

namespace Gatehouse {

namespace {

std::atomic<LogFile *> g_log{nullptr};
QtMessageHandler g_previous = nullptr;

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A message raised while a line is being written (Qt warning about the file, say)
    // goes only to the previous handler: no recursion into the log's lock.
    static thread_local bool writing = false;
    if (auto *log = g_log.load(); log && !writing) {
        writing = true;
        log->write(LogFile::format(type, context, message));
        writing = false;
    }
    // The console, debugger or system log gets the redacted text too: no secret leaves
    // through any of them.
    if (g_previous)
        g_previous(type, context, redacted(message));
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        break;
    }
    return QStringLiteral("fatal");
}

QStringList linesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

LogFile::LogFile(const QString &path, qint64 maxBytes, int keptFiles)
    : m_path(path), m_maxBytes(std::max<qint64>(maxBytes, 1024)), m_keptFiles(std::max(keptFiles, 1))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
}

QString LogFile::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("logs/gatehouse.log"));
}

QString LogFile::format(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString category =
        context.category && *context.category ? QString::fromUtf8(context.category) : QStringLiteral("default");
    QString text = message;
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + levelName(type) + u' ' + category +
           QStringLiteral(": ") + text;
}

void LogFile::write(const QString &line)
{
    // Redacted before it is cut, so a cut never leaves half a secret that no pattern
    // recognises. One line takes at most a quarter of a file: the cap holds, and one
    // huge message (a whole reply body) does not push out the lines that led to it.
    QByteArray bytes = redacted(line).toUtf8();
    if (const qint64 maxLine = m_maxBytes / 4; bytes.size() > maxLine) {
        const qint64 total = bytes.size();
        qsizetype keep = maxLine - 40;
        while (keep > 0 && (bytes.at(keep) & 0xC0) == 0x80) // not inside a UTF-8 sequence
            --keep;
        bytes.truncate(keep);
        bytes += " … [" + QByteArray::number(total - keep) + " bytes cut]";
    }
    bytes += '\n';
    QMutexLocker lock(&m_mutex);
    if (QFileInfo(m_path).size() + bytes.size() > m_maxBytes)
        rotate();
    QFile file(m_path);
    // A log that cannot be written must never take the app down; the previous handler
    // still gets the message.
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(bytes);
}

void LogFile::rotate()
{
    QFile::remove(m_path + u'.' + QString::number(m_keptFiles - 1));
    for (int i = m_keptFiles - 2; i >= 1; --i)
        QFile::rename(m_path + u'.' + QString::number(i), m_path + u'.' + QString::number(i + 1));
    if (m_keptFiles > 1)
        QFile::rename(m_path, m_path + QStringLiteral(".1"));
    else
        QFile::remove(m_path);
}

QStringList LogFile::lastLines(int count) const
{
    QMutexLocker lock(&m_mutex);
    QStringList lines = linesOf(m_path);
    if (lines.size() < count)
        lines = linesOf(m_path + QStringLiteral(".1")) + lines;
    return lines.mid(std::max<qsizetype>(0, lines.size() - count));
}

void LogFile::install(LogFile *log)
{
    if (log && !g_log.load())
        g_previous = qInstallMessageHandler(handleMessage);
    else if (!log && g_log.load())
        qInstallMessageHandler(g_previous);
    g_log.store(log);
}

LogFile *LogFile::installed()
{
    return g_log.load();
}

} // namespace Gatehouse
