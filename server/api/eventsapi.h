// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/router.h"

namespace Gatehouse::Server {

class PushHub;

// GET /api/v1/events: the push channel's door (D9). Any signed-in staff member may
// upgrade to a WebSocket here (the router has checked the bearer token before this
// runs); a plain GET is told to upgrade (426), and over the socket limits the answer is
// 503. The socket itself belongs to push/PushHub.
class EventsApi
{
public:
    explicit EventsApi(const PushHub &hub) : m_hub(hub) {}

    void registerRoutes(Router &router) const;

private:
    HttpResponse upgrade(const RequestContext &context) const;

    const PushHub &m_hub;
};

} // namespace Gatehouse::Server
