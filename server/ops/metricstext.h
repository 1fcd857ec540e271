// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace Gatehouse::Server {

class Database;
class Router;

// Gauges that live in the database, read once per scrape (never on the request path).
struct StoredGauges
{
    qint64 outboxDepth = 0;  // queued + retrying + sending
    qint64 deadLetters = 0;  // state dead
    qint64 openSessions = 0; // client sessions neither expired nor idle past the limit
};

// Reads StoredGauges; nullopt when the database does not answer (the scrape then
// says so with gatehouse_database_up 0 instead of failing as a whole).
std::optional<StoredGauges> readStoredGauges(const Database &database, const QDateTime &now, qint64 sessionIdleSeconds);

// Renders everything in the Prometheus text exposition format 0.0.4. Request series are
// labelled by the route's registered pattern ("/portal/{token}"), never by the path
// that was asked for, so no token, id or typo ever becomes a label.
QByteArray renderMetrics(const Router &router, const std::optional<StoredGauges> &stored);

// When this process started (seconds since the epoch), for process_start_time_seconds.
double processStartSeconds();

} // namespace Gatehouse::Server
