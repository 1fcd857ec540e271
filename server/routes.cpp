// SPDX-License-Identifier: Apache-2.0
#include "routes.h"

#include "api/auditapi.h"
#include "api/clientsapi.h"
#include "api/documentsapi.h"
#include "api/staffapi.h"
#include "api/teamapi.h"
#include "config.h"
#include "http/router.h"
#include "storage/database.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

std::unique_ptr<RouteSet> registerAllRoutes(Router &router, const Config &config, const Database &database,
                                            const Storage &storage)
{
    auto set = std::make_unique<RouteSet>();

    // Staff API: also installs the bearer-token authenticator for every staff route.
    set->make<StaffApi>(storage, config).registerRoutes(router);
    set->make<ClientsApi>(storage).registerRoutes(router);
    set->make<DocumentsApi>(storage, config).registerRoutes(router);
    set->make<AuditApi>(database).registerRoutes(router);
    set->make<TeamApi>(storage).registerRoutes(router);

    // Other APIs register below, one block each (keep this list in docs/api.md order).

    return set;
}

} // namespace Gatehouse::Server
