// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"
#include "edgemetrics.h"
#include "httptypes.h"

#include <QMap>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Gatehouse::Server {

// Who may call a route. Every route states it, so a new route cannot forget the
// authorisation decision (SPEC R6): either public, or signed-in staff of at least
// a given role (paralegal < partner < admin).
struct Access
{
    bool signInRequired = true;
    StaffRole minimumRole = StaffRole::Paralegal;

    static Access publicRoute() { return Access{false, StaffRole::Paralegal}; }
    static Access staff(StaffRole minimum) { return Access{true, minimum}; }
};

struct AuthenticatedStaff
{
    qint64 tokenId = 0;
    StaffMember member;
};

struct RequestContext
{
    const HttpRequest &request;
    QMap<QString, QString> params; // "{id}" segments of the route pattern, decoded
    std::optional<AuthenticatedStaff> staff;
};

using RouteHandler = std::function<HttpResponse(const RequestContext &)>;

// Resolves the caller of a request. Fails with ErrorCode::Unauthenticated for a
// missing or bad credential (answered 401), anything else is a server fault (500).
using Authenticator = std::function<Result<AuthenticatedStaff>(const HttpRequest &)>;

// Renders the router's own 404/405 answers for people rather than programs (the
// client-facing pages); returns nullopt to keep the problem+json answer.
using ErrorPageRenderer = std::function<std::optional<HttpResponse>(const HttpRequest &, int status)>;

// Looks at every request before routing and may answer it instead (the portal's
// per-address request limit); nullopt lets the request through.
using RequestGuard = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

// Maps method + path pattern ("/api/v1/clients/{id}") to a handler, and answers the
// routing errors itself. When several patterns match a path, the most specific one owns
// it: the one with a literal segment where the others have a parameter, leftmost
// difference first ("/clients/import" over "/clients/{id}"), whatever the order the
// routes were registered in. Errors: 404 for an unknown path, 405 with Allow for a known path
// with another method, 401/403 from the route's Access. HEAD is served by the GET
// route (the edge drops the body). Routes are registered at startup, then only read,
// so dispatch needs no locking across threads.
class Router
{
public:
    // `maxBodyBytes` 0 keeps the server-wide limit (server.max_body_bytes); a route that
    // takes uploads declares its own, larger limit, and only it gets one.
    void add(const QByteArray &method, const QString &pattern, Access access, RouteHandler handler,
             std::uint64_t maxBodyBytes = 0);
    void setAuthenticator(Authenticator authenticator);
    void setErrorPageRenderer(ErrorPageRenderer renderer);
    void setRequestGuard(RequestGuard guard);

    // `routeIndex`, when given, receives the index (in routes() order) of the route that
    // matched method and path, or -1 when none did (404, 405): the edge labels its
    // metrics with the route's pattern, never with the raw path (it may hold a token).
    HttpResponse dispatch(const HttpRequest &request, int *routeIndex = nullptr) const;
    // The router's own 404 for this request (page or problem+json, as for an unknown
    // path): for handlers that must look exactly like "nothing here".
    HttpResponse notFound(const HttpRequest &request) const;

    // Per-route answer counters and duration histogram (index -1: answers no route
    // produced). Recorded by the edge once the answer is on its way; lock-free.
    void recordAnswer(int routeIndex, int status, std::chrono::microseconds duration) const;
    const RouteCounters &counters(int routeIndex) const;
    // Edge-wide counters (connections, worker pool); the edge writes, /metrics reads.
    EdgeCounters &edgeCounters() const { return *m_edge; }

    // What is registered, in registration order (the contract test compares this
    // with docs/api.md).
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
        Access access;
    };
    QList<RouteInfo> routes() const;

    // The body limit for a request, decided from its method and path alone (the edge asks
    // after the header and before reading any body byte).
    std::uint64_t bodyLimitFor(const QByteArray &method, const QString &path, std::uint64_t fallback) const;
    // The largest limit any route declares, for the header-stage check.
    std::uint64_t largestBodyLimit(std::uint64_t fallback) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Access access;
        RouteHandler handler;
        std::uint64_t maxBodyBytes = 0;
        std::shared_ptr<RouteCounters> counters; // shared: QList copies routes
        QByteArray shape;                        // per segment '1' literal, '0' parameter
    };

    static bool match(const Route &route, const QStringList &pathSegments, QMap<QString, QString> *params);
    // The routes owning the path (matching, and of the most specific shape among those
    // that match), in registration order; empty when no pattern matches.
    QList<qsizetype> owners(const QStringList &pathSegments) const;

    QList<Route> m_routes;
    Authenticator m_authenticator;
    ErrorPageRenderer m_errorPages;
    RequestGuard m_guard;
    std::shared_ptr<RouteCounters> m_unmatched = std::make_shared<RouteCounters>();
    std::shared_ptr<EdgeCounters> m_edge = std::make_shared<EdgeCounters>();
};

} // namespace Gatehouse::Server
