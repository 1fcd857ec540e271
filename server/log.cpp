// SPDX-License-Identifier: Apache-2.0
#include "log.h"

#include "common/apitypes.h"

#include <QDateTime>
#include <QJsonDocument>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace Gatehouse::Server {

namespace {

std::atomic<int> g_level{int(Log::Level::Info)};
std::mutex g_writeMutex;

QString levelName(Log::Level level)
{
    switch (level) {
    case Log::Level::Debug:
        return QStringLiteral("debug");
    case Log::Level::Warning:
        return QStringLiteral("warning");
    case Log::Level::Error:
        return QStringLiteral("error");
    case Log::Level::Info:
        break;
    }
    return QStringLiteral("info");
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    Log::Level level = Log::Level::Info;
    switch (type) {
    case QtDebugMsg:
        level = Log::Level::Debug;
        break;
    case QtInfoMsg:
        level = Log::Level::Info;
        break;
    case QtWarningMsg:
        level = Log::Level::Warning;
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        level = Log::Level::Error;
        break;
    }
    QJsonObject details{{QStringLiteral("message"), message}};
    if (context.category && qstrcmp(context.category, "default") != 0)
        details.insert(QStringLiteral("category"), QString::fromLatin1(context.category));
    Log::write(level, QStringLiteral("qt_message"), details);
}

} // namespace

void Log::setLevel(Level level)
{
    g_level = int(level);
}

std::optional<Log::Level> Log::levelFromName(QStringView name)
{
    for (auto l : {Level::Debug, Level::Info, Level::Warning, Level::Error}) {
        if (name == levelName(l))
            return l;
    }
    return std::nullopt;
}

void Log::debug(const QString &event, const QJsonObject &details)
{
    write(Level::Debug, event, details);
}

void Log::info(const QString &event, const QJsonObject &details)
{
    write(Level::Info, event, details);
}

void Log::warning(const QString &event, const QJsonObject &details)
{
    write(Level::Warning, event, details);
}

void Log::error(const QString &event, const QJsonObject &details)
{
    write(Level::Error, event, details);
}

void Log::write(Level level, const QString &event, const QJsonObject &details)
{
    if (int(level) < g_level)
        return;
    // Fixed fields go in last so a detail can never overwrite them.
    QJsonObject line = details;
    line.insert(QStringLiteral("time"), toWireTime(QDateTime::currentDateTimeUtc()));
    line.insert(QStringLiteral("level"), levelName(level));
    line.insert(QStringLiteral("event"), event);
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(g_writeMutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void Log::installQtMessageHandler()
{
    qInstallMessageHandler(qtMessageHandler);
}

} // namespace Gatehouse::Server
