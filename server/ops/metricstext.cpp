// SPDX-License-Identifier: Apache-2.0
#include "metricstext.h"

#include "http/router.h"
#include "log.h"
#include "storage/database.h"
#include "storage/outboxstore.h"
#include "storage/sessionstore.h"

#include <QLocale>

namespace Gatehouse::Server {

namespace {

// Taken when the program is loaded, before main(): as close to the process start as a
// portable program gets without parsing /proc.
const qint64 g_startMs = QDateTime::currentMSecsSinceEpoch();

// Label values may hold only what the exposition format can carry: \ " and newline are
// escaped. Patterns come from code, but a future route must not be able to break the page.
QByteArray labelValue(const QByteArray &raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (const char c : raw) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    // Shortest exact form: "0.0025", not "0.0025000000000000001".
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

QByteArray number(qint64 v)
{
    return QByteArray::number(v);
}

QByteArray number(std::uint64_t v)
{
    return QByteArray::number(quint64(v));
}

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

void sample(QByteArray &out, const char *name, const QByteArray &labels, const QByteArray &value)
{
    out += name;
    if (!labels.isEmpty()) {
        out += '{';
        out += labels;
        out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
}

struct Series
{
    QByteArray labels; // method="GET",route="/healthz"
    const RouteCounters *counters = nullptr;
};

QList<Series> seriesOf(const Router &router)
{
    QList<Series> list;
    const auto routes = router.routes();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const QByteArray labels = "method=\"" + labelValue(routes.at(i).method) + "\",route=\"" +
                                  labelValue(routes.at(i).pattern.toUtf8()) + '"';
        list.append(Series{labels, &router.counters(int(i))});
    }
    // 404s, 405s and edge errors (400/413/431/503) that no route produced.
    list.append(Series{QByteArrayLiteral("method=\"other\",route=\"unmatched\""), &router.counters(-1)});
    return list;
}

void renderRequests(QByteArray &out, const QList<Series> &series)
{
    family(out, "gatehouse_http_requests_total", "counter",
           "HTTP answers by route pattern and status class (HEAD counts under GET).");
    for (const auto &s : series) {
        for (int statusClass = 1; statusClass <= 5; ++statusClass) {
            const auto n = s.counters->countByClass(statusClass);
            if (n == 0)
                continue; // a route never answered 1xx: no series rather than a wall of zeros
            sample(out, "gatehouse_http_requests_total",
                   s.labels + ",status=\"" + QByteArray::number(statusClass) + "xx\"", number(n));
        }
    }
    family(out, "gatehouse_http_request_duration_seconds", "histogram",
           "Time from the end of the request header to the answer being handed to the socket.");
    for (const auto &s : series) {
        const auto total = s.counters->count();
        if (total == 0)
            continue;
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < RouteCounters::BucketBounds.size(); ++b) {
            cumulative += s.counters->bucketCount(b);
            sample(out, "gatehouse_http_request_duration_seconds_bucket",
                   s.labels + ",le=\"" + number(RouteCounters::BucketBounds[b]) + '"', number(cumulative));
        }
        cumulative += s.counters->bucketCount(RouteCounters::BucketBounds.size());
        sample(out, "gatehouse_http_request_duration_seconds_bucket", s.labels + ",le=\"+Inf\"", number(cumulative));
        sample(out, "gatehouse_http_request_duration_seconds_sum", s.labels, number(s.counters->sumSeconds()));
        sample(out, "gatehouse_http_request_duration_seconds_count", s.labels, number(cumulative));
    }
}

void renderTokens(QByteArray &out, const Router &router)
{
    // Counted at the edge from the consume route's answers: 303 is a consumed link (a
    // new session), 404/410 a refused one (unknown, used, expired, revoked).
    std::uint64_t consumed = 0;
    std::uint64_t rejected = 0;
    const auto routes = router.routes();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        if (routes.at(i).method != "POST" || routes.at(i).pattern != u"/portal/{token}")
            continue;
        const auto &c = router.counters(int(i));
        consumed += c.countByStatus(303);
        rejected += c.countByStatus(404) + c.countByStatus(410);
    }
    family(out, "gatehouse_tokens_consumed_total", "counter", "Portal links consumed (a client session started).");
    sample(out, "gatehouse_tokens_consumed_total", {}, number(consumed));
    family(out, "gatehouse_tokens_rejected_total", "counter",
           "Portal links refused as unknown, used, expired or revoked.");
    sample(out, "gatehouse_tokens_rejected_total", {}, number(rejected));
}

void renderEdge(QByteArray &out, const EdgeCounters &edge)
{
    constexpr auto Relaxed = std::memory_order_relaxed;
    family(out, "gatehouse_http_connections_open", "gauge", "Open client TCP connections.");
    sample(out, "gatehouse_http_connections_open", {}, number(qint64(edge.connectionsOpen.load(Relaxed))));
    family(out, "gatehouse_http_workers", "gauge", "Threads that run route handlers ([server] workers).");
    sample(out, "gatehouse_http_workers", {}, number(qint64(edge.workers)));
    family(out, "gatehouse_http_handlers_running", "gauge", "Route handlers running on the worker pool.");
    sample(out, "gatehouse_http_handlers_running", {}, number(qint64(edge.handlersRunning.load(Relaxed))));
    family(out, "gatehouse_http_handlers_queued", "gauge", "Requests waiting for a worker.");
    sample(out, "gatehouse_http_handlers_queued", {}, number(qint64(edge.handlersQueued.load(Relaxed))));
    family(out, "gatehouse_http_busy_rejections_total", "counter",
           "Requests answered 503 because the worker queue was full ([server] worker_queue).");
    sample(out, "gatehouse_http_busy_rejections_total", {}, number(edge.busyRejections.load(Relaxed)));
}

} // namespace

double processStartSeconds()
{
    return double(g_startMs) / 1000.0;
}

std::optional<StoredGauges> readStoredGauges(const Database &database, const QDateTime &now, qint64 sessionIdleSeconds)
{
    auto db = database.connection();
    if (!db)
        return std::nullopt;
    // Once per scrape, never on the request path; each count is served by an index or a
    // small table scan.
    auto backlog = OutboxStore::backlog(*db);
    auto open =
        backlog ? SessionStore::countOpen(*db, now, now.addSecs(-sessionIdleSeconds)) : Result<qint64>(backlog.error());
    if (!open) {
        Log::warning(QStringLiteral("metrics.query_failed"), {{QStringLiteral("error"), open.error().message}});
        return std::nullopt;
    }
    return StoredGauges{backlog->pending, backlog->dead, *open};
}

QByteArray renderMetrics(const Router &router, const std::optional<StoredGauges> &stored)
{
    QByteArray out;
    out.reserve(16 * 1024);
    const auto series = seriesOf(router);
    renderRequests(out, series);
    renderTokens(out, router);
    renderEdge(out, router.edgeCounters());

    family(out, "gatehouse_database_up", "gauge", "1 when the database answered this scrape's queries.");
    sample(out, "gatehouse_database_up", {}, stored ? "1" : "0");
    if (stored) {
        family(out, "gatehouse_mail_outbox_depth", "gauge", "Mail waiting to be sent (queued, retrying, sending).");
        sample(out, "gatehouse_mail_outbox_depth", {}, number(stored->outboxDepth));
        family(out, "gatehouse_mail_dead_letters", "gauge", "Mail given up on (dead); admins may retry it.");
        sample(out, "gatehouse_mail_dead_letters", {}, number(stored->deadLetters));
        family(out, "gatehouse_client_sessions_open", "gauge", "Client portal sessions neither expired nor idle.");
        sample(out, "gatehouse_client_sessions_open", {}, number(stored->openSessions));
    }
    family(out, "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.");
    sample(out, "process_start_time_seconds", {}, number(processStartSeconds()));
    return out;
}

} // namespace Gatehouse::Server
