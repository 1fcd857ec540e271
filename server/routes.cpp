// SPDX-License-Identifier: Apache-2.0
#include "routes.h"

#include "api/auditapi.h"
#include "api/clientaccessapi.h"
#include "api/clientsapi.h"
#include "api/documentsapi.h"
#include "api/eventsapi.h"
#include "api/mailapi.h"
#include "api/mailpreviewapi.h"
#include "api/staffapi.h"
#include "api/teamapi.h"
#include "config.h"
#include "http/router.h"
#include "ops/opsroutes.h"
#include "pages/pages.h"
#include "pages/staticroutes.h"
#include "portal/portallimits.h"
#include "portal/portalroutes.h"
#include "portal/sessionroutes.h"
#include "portal/verifyroutes.h"
#include "push/pushhub.h"
#include "storage/database.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

std::unique_ptr<RouteSet> registerAllRoutes(Router &router, const Config &config, const Database &database,
                                            const Storage &storage, const Keyring &keyring)
{
    auto set = std::make_unique<RouteSet>();

    // Staff API: also installs the bearer-token authenticator for every staff route.
    const StaffApi &staffApi = set->make<StaffApi>(storage, config, keyring);
    staffApi.registerRoutes(router);
    set->make<ClientsApi>(storage).registerRoutes(router);
    set->make<DocumentsApi>(storage, config, keyring).registerRoutes(router);
    set->make<AuditApi>(database).registerRoutes(router);
    set->make<TeamApi>(storage, keyring).registerRoutes(router);

    // Other APIs register below, one block each (keep this list in docs/api.md order).
    // Mail outbox for admins: dead letters and retry (F16).
    set->make<MailApi>(database).registerRoutes(router);
    // Previews of client mail from the real templates, for staff dialogs.
    set->make<MailPreviewApi>(database, config, keyring).registerRoutes(router);

    // Client access (invite, regenerate, revoke, sessions, browsers, phone codes).
    set->make<ClientAccessApi>(storage, config, keyring).registerRoutes(router);
    // Client session actions of the pages (sign out, phone status): fixed /portal/... paths,
    // so before /portal/{token}.
    set->make<SessionRoutes>(config, database, keyring).registerRoutes(router);
    set->make<VerifyRoutes>(config, database, keyring).registerRoutes(router);
    // F13: portal pages per source address, checked before any route runs.
    set->make<PortalLimits>(config, database, keyring).installGuard(router);
    // The client-facing consume core: /portal/{token}, /portal/sign-in, /portal/hub.
    set->make<PortalRoutes>(config, database, keyring).registerRoutes(router);

    // The push channel (D9): apps hear "something changed" over a WebSocket. Each
    // socket's token is checked again while it is open, as the router checks it per
    // request.
    auto &push = set->make<PushHub>(
        database, [&staffApi](const QByteArray &authorization) { return staffApi.tokenIsLive(authorization); });
    set->push = &push;
    set->make<EventsApi>(push).registerRoutes(router);

    // Operations: /readyz for load balancers, /metrics for Prometheus (SPEC I2).
    set->make<OpsRoutes>(config, database).registerRoutes(router);

    // Portal pages: stylesheet and script under /static/.
    set->make<StaticRoutes>(config).registerRoutes(router);

    // A person who mistypes a portal address or submits a form the wrong way gets a
    // page, not JSON; programs under /api/ keep problem+json.
    const Pages &pages = set->make<Pages>(config, keyring);
    router.setErrorPageRenderer([&pages](const HttpRequest &request, int status) -> std::optional<HttpResponse> {
        if (request.path.startsWith(QLatin1StringView("/api/")) || request.path == u"/healthz" ||
            request.path == u"/readyz" || request.path == u"/metrics")
            return std::nullopt;
        return pages.problem(request, status == 405 ? ProblemPage::MethodNotAllowed : ProblemPage::NotFound);
    });

    return set;
}

} // namespace Gatehouse::Server
