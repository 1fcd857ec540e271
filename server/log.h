// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace Gatehouse::Server {

// Structured log: one JSON object per line on stderr with "time" (UTC), "level",
// "event" and the caller's details. Operators feed it to journald/Loki as is, and the
// tests find the "listening" line in it. Thread-safe: a line is written whole.
//
// Never pass secrets (tokens, passwords, Authorization or Cookie headers) as details;
// the logger cannot tell them apart from ordinary strings.
class Log
{
public:
    enum class Level { Debug = 0, Info = 1, Warning = 2, Error = 3 };

    static void setLevel(Level level);
    static std::optional<Level> levelFromName(QStringView name);

    static void debug(const QString &event, const QJsonObject &details = {});
    static void info(const QString &event, const QJsonObject &details = {});
    static void warning(const QString &event, const QJsonObject &details = {});
    static void error(const QString &event, const QJsonObject &details = {});
    static void write(Level level, const QString &event, const QJsonObject &details);

    // Routes qDebug/qWarning/... (Qt Sql, QCA, plugins) into this log, so a startup
    // problem reads as log lines instead of a wall of raw Qt text.
    static void installQtMessageHandler();
};

} // namespace Gatehouse::Server
