// SPDX-License-Identifier: Apache-2.0
#include "eventsapi.h"

#include "common/errorcode.h"
#include "http/problem.h"
#include "push/pushhub.h"

namespace Gatehouse::Server {

void EventsApi::registerRoutes(Router &router) const
{
    router.add("GET", QStringLiteral("/api/v1/events"), Access::staff(StaffRole::Paralegal),
               [this](const RequestContext &c) { return upgrade(c); });
}

HttpResponse EventsApi::upgrade(const RequestContext &context) const
{
    const auto &request = context.request;
    const bool wantsWebSocket = request.header("upgrade").toLower() == "websocket" &&
                                request.header("connection").toLower().contains("upgrade");
    if (!wantsWebSocket) {
        auto r =
            Problem::make(426, ErrorCode::UpgradeRequired,
                          QStringLiteral("This address is a WebSocket: connect with an Upgrade: websocket request."));
        r.setHeader("Upgrade", "websocket");
        r.setHeader("Connection", "Upgrade");
        return r;
    }
    if (!m_hub.admits(request.header("authorization"))) {
        auto r = Problem::make(503, ErrorCode::Unavailable,
                               QStringLiteral("Too many open push connections; the app keeps polling meanwhile."));
        r.setHeader("Retry-After", "30");
        return r;
    }
    HttpResponse switching;
    switching.status = 101; // the HTTP edge hands the socket to the hub
    return switching;
}

} // namespace Gatehouse::Server
