// SPDX-License-Identifier: Apache-2.0
#include "router.h"

#include "common/errorcode.h"
#include "problem.h"

#include <QUrl>

namespace Gatehouse::Server {

namespace {

int roleRank(StaffRole role)
{
    switch (role) {
    case StaffRole::Admin:
        return 2;
    case StaffRole::Partner:
        return 1;
    case StaffRole::Paralegal:
        break;
    }
    return 0;
}

bool isParameter(const QString &segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

QStringList splitPath(const QString &path)
{
    // "/api/v1/clients" → ["api","v1","clients"]; a trailing slash is a different
    // resource on purpose, so empty segments are kept and simply will not match.
    return path.mid(1).split(u'/');
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Access access, RouteHandler handler,
                 std::uint64_t maxBodyBytes)
{
    Route route{method, splitPath(pattern), access, std::move(handler), maxBodyBytes, std::make_shared<RouteCounters>(),
                {}};
    for (const auto &segment : route.segments)
        route.shape.append(isParameter(segment) ? '0' : '1');
    m_routes.append(std::move(route));
}

QList<qsizetype> Router::owners(const QStringList &pathSegments) const
{
    // Only patterns with as many segments as the path match, so shapes compare as
    // equal-length strings: '1' (literal) sorts above '0' at the leftmost difference.
    QList<qsizetype> owning;
    QByteArray best;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const auto &route = m_routes.at(i);
        QMap<QString, QString> ignored;
        if (!match(route, pathSegments, &ignored))
            continue;
        if (owning.isEmpty() || route.shape > best) {
            owning.clear();
            best = route.shape;
        }
        if (route.shape == best)
            owning.append(i);
    }
    return owning;
}

void Router::recordAnswer(int routeIndex, int status, std::chrono::microseconds duration) const
{
    // The counters are atomics behind a pointer: recording changes no routing state.
    auto &counters = routeIndex < 0 || routeIndex >= m_routes.size() ? *m_unmatched : *m_routes.at(routeIndex).counters;
    counters.record(status, duration);
}

const RouteCounters &Router::counters(int routeIndex) const
{
    if (routeIndex < 0 || routeIndex >= m_routes.size())
        return *m_unmatched;
    return *m_routes.at(routeIndex).counters;
}

HttpResponse Router::notFound(const HttpRequest &request) const
{
    if (m_errorPages && request.path.startsWith(u'/')) {
        if (auto page = m_errorPages(request, 404))
            return *page;
    }
    return Problem::make(404, ErrorCode::NotFound, QStringLiteral("There is nothing at this address."));
}

std::uint64_t Router::bodyLimitFor(const QByteArray &method, const QString &path, std::uint64_t fallback) const
{
    if (!path.startsWith(u'/'))
        return fallback;
    for (const auto index : owners(splitPath(path))) {
        const auto &route = m_routes.at(index);
        if (route.method == method)
            return route.maxBodyBytes > 0 ? route.maxBodyBytes : fallback;
    }
    return fallback;
}

std::uint64_t Router::largestBodyLimit(std::uint64_t fallback) const
{
    std::uint64_t largest = fallback;
    for (const auto &route : m_routes)
        largest = std::max(largest, route.maxBodyBytes);
    return largest;
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> list;
    list.reserve(m_routes.size());
    for (const auto &route : m_routes)
        list.append(RouteInfo{route.method, u'/' + route.segments.join(u'/'), route.access});
    return list;
}

void Router::setAuthenticator(Authenticator authenticator)
{
    m_authenticator = std::move(authenticator);
}

bool Router::match(const Route &route, const QStringList &pathSegments, QMap<QString, QString> *params)
{
    if (route.segments.size() != pathSegments.size())
        return false;
    for (qsizetype i = 0; i < route.segments.size(); ++i) {
        const auto &want = route.segments.at(i);
        if (isParameter(want)) {
            if (pathSegments.at(i).isEmpty())
                return false;
            params->insert(want.mid(1, want.size() - 2), QUrl::fromPercentEncoding(pathSegments.at(i).toUtf8()));
        } else if (want != pathSegments.at(i)) {
            return false;
        }
    }
    return true;
}

void Router::setErrorPageRenderer(ErrorPageRenderer renderer)
{
    m_errorPages = std::move(renderer);
}

void Router::setRequestGuard(RequestGuard guard)
{
    m_guard = std::move(guard);
}

HttpResponse Router::dispatch(const HttpRequest &request, int *routeIndex) const
{
    if (routeIndex)
        *routeIndex = -1;
    if (!request.path.startsWith(u'/'))
        return Problem::make(404, ErrorCode::NotFound, QStringLiteral("There is nothing at this address."));
    if (m_guard) {
        if (auto refused = m_guard(request))
            return *refused;
    }
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const QStringList segments = splitPath(request.path);

    const Route *found = nullptr;
    QMap<QString, QString> params;
    QList<QByteArray> allowed;
    for (const auto i : owners(segments)) {
        const auto &route = m_routes.at(i);
        if (!allowed.contains(route.method))
            allowed.append(route.method);
        if (route.method == method && !found) {
            found = &route;
            match(route, segments, &params);
            if (routeIndex)
                *routeIndex = int(i);
        }
    }
    if (allowed.isEmpty())
        return notFound(request);
    if (!found) {
        if (allowed.contains("GET"))
            allowed.append("HEAD");
        std::sort(allowed.begin(), allowed.end());
        std::optional<HttpResponse> page;
        if (m_errorPages)
            page = m_errorPages(request, 405);
        auto r = page
                     ? *page
                     : Problem::make(
                           405, ErrorCode::MethodNotAllowed,
                           QStringLiteral("This address does not accept %1.").arg(QString::fromLatin1(request.method)));
        r.setHeader("Allow", allowed.join(", "));
        return r;
    }

    RequestContext context{request, params, std::nullopt};
    if (found->access.signInRequired) {
        if (!m_authenticator)
            return Problem::internalError(Error{QString(ErrorCode::Internal), QStringLiteral("no authenticator set")});
        auto who = m_authenticator(request);
        if (!who) {
            if (who.error().code != ErrorCode::Unauthenticated)
                return Problem::internalError(who.error());
            auto r = Problem::make(401, ErrorCode::Unauthenticated, who.error().message);
            r.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
            return r;
        }
        if (roleRank(who->member.role) < roleRank(found->access.minimumRole))
            return Problem::make(
                403, ErrorCode::Forbidden,
                QStringLiteral("This needs the %1 role or higher.").arg(roleName(found->access.minimumRole)));
        context.staff = std::move(who).value();
    }
    return found->handler(context);
}

} // namespace Gatehouse::Server
