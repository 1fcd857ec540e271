// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "storage/database.h"

namespace Gatehouse::Server {

// Reading the audit log (F14): keyset-paged, filtered. Partners and admins may read
// all of it; a paralegal only one client's history at a time (SPEC R6).
class AuditApi
{
public:
    explicit AuditApi(const Database &database) : m_audit(database) {}

    void registerRoutes(Router &router) const;

private:
    HttpResponse events(const RequestContext &context) const;
    HttpResponse head(const RequestContext &context) const;

    AuditLog m_audit;
};

} // namespace Gatehouse::Server
