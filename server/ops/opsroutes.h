// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/router.h"
#include "readiness.h"

#include <QStringList>

namespace Gatehouse::Server {

class Database;
struct Config;

// Operations endpoints for the platform around the portal (SPEC I2):
//   GET /readyz  — 200 {"status":"ready"} or 503 {"status":"not_ready","reason":...};
//                  for load balancers and orchestrators (/healthz stays liveness only).
//   GET /metrics — Prometheus text; only for [metrics] allow (default: loopback callers
//                  that did not come through a proxy), 404 for everyone else.
class OpsRoutes
{
public:
    OpsRoutes(const Config &config, const Database &database);

    void registerRoutes(Router &router);

    // Whether a request may read /metrics under `allow` (see Config::metricsAllow).
    // Public for the unit test of the rule.
    static bool metricsAllowed(const HttpRequest &request, const QStringList &allow);

private:
    HttpResponse readyz(const RequestContext &context) const;
    HttpResponse metrics(const RequestContext &context) const;

    const Database &m_database;
    Readiness m_readiness;
    QStringList m_metricsAllow;
    qint64 m_sessionIdleSeconds;
    const Router *m_router = nullptr;
};

} // namespace Gatehouse::Server
