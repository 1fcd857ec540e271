// SPDX-License-Identifier: Apache-2.0
#include "opsroutes.h"

#include "clock.h"
#include "config.h"
#include "metricstext.h"
#include "storage/database.h"

#include <QJsonObject>
#include <boost/asio/ip/address.hpp>
#include <optional>

namespace Gatehouse::Server {

namespace {

namespace ip = boost::asio::ip;

std::optional<ip::address> parseAddress(const QString &text)
{
    boost::system::error_code ec;
    auto address = ip::make_address(text.trimmed().toStdString(), ec);
    if (ec)
        return std::nullopt;
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; compare them as IPv4.
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return ip::make_address_v4(ip::v4_mapped, address.to_v6());
    return address;
}

template<typename Bytes> bool samePrefix(const Bytes &a, const Bytes &b, int prefix)
{
    for (int bit = 0; bit < prefix; ++bit) {
        const auto mask = static_cast<unsigned char>(0x80u >> (bit % 8));
        if ((a[std::size_t(bit / 8)] & mask) != (b[std::size_t(bit / 8)] & mask))
            return false;
    }
    return true;
}

// "10.0.0.0/8", "2001:db8::/32" or a single address (validated at config load).
bool inNetwork(const ip::address &address, const QString &entry)
{
    const auto slash = entry.indexOf(u'/');
    const auto base = parseAddress(slash < 0 ? entry : entry.left(slash));
    if (!base || base->is_v4() != address.is_v4())
        return false;
    const int maxPrefix = base->is_v4() ? 32 : 128;
    const int prefix = slash < 0 ? maxPrefix : std::clamp(entry.mid(slash + 1).toInt(), 0, maxPrefix);
    if (base->is_v4())
        return samePrefix(base->to_v4().to_bytes(), address.to_v4().to_bytes(), prefix);
    return samePrefix(base->to_v6().to_bytes(), address.to_v6().to_bytes(), prefix);
}

} // namespace

OpsRoutes::OpsRoutes(const Config &config, const Database &database)
    : m_database(database), m_readiness(database, config), m_metricsAllow(config.metricsAllow),
      m_sessionIdleSeconds(config.sessionIdleSeconds)
{}

void OpsRoutes::registerRoutes(Router &router)
{
    m_router = &router;
    const auto open = Access::publicRoute(); // the checks below decide, not a bearer token
    router.add("GET", QStringLiteral("/readyz"), open, [this](const RequestContext &c) { return readyz(c); });
    router.add("GET", QStringLiteral("/metrics"), open, [this](const RequestContext &c) { return metrics(c); });
}

bool OpsRoutes::metricsAllowed(const HttpRequest &request, const QStringList &allow)
{
    if (allow.contains(QStringLiteral("none")))
        return false;
    // remoteAddress is already the client's address as [server] trusted_proxies resolve it.
    const auto address = parseAddress(request.remoteAddress);
    if (!address)
        return false;
    // "loopback" means a scraper on this machine talking to the portal directly. A request
    // relayed by a reverse proxy on this machine also arrives from 127.0.0.1, so any
    // forwarding header disqualifies it: otherwise the proxy would publish /metrics.
    const bool forwarded = !request.header("x-forwarded-for").isEmpty() || !request.header("forwarded").isEmpty() ||
                           !request.header("x-real-ip").isEmpty();
    for (const auto &entry : allow) {
        if (entry == u"loopback") {
            if (address->is_loopback() && !forwarded)
                return true;
        } else if (inNetwork(*address, entry)) {
            return true;
        }
    }
    return false;
}

HttpResponse OpsRoutes::readyz(const RequestContext &) const
{
    const auto status = m_readiness.check(Clock::now());
    if (status.ready)
        return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}});
    return HttpResponse::json(503, {{QStringLiteral("status"), QStringLiteral("not_ready")},
                                    {QStringLiteral("reason"), status.reason},
                                    {QStringLiteral("detail"), status.detail}});
}

HttpResponse OpsRoutes::metrics(const RequestContext &context) const
{
    // Refused callers get the router's own "nothing here", indistinguishable from a typo.
    if (!metricsAllowed(context.request, m_metricsAllow))
        return m_router->notFound(context.request);
    const auto stored = readStoredGauges(m_database, Clock::now(), m_sessionIdleSeconds);
    HttpResponse response;
    response.status = 200;
    response.body = renderMetrics(*m_router, stored);
    response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    return response;
}

} // namespace Gatehouse::Server
