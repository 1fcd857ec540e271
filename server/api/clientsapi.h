// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

// Clients: the change feed the desktop app syncs (GET /clients with a cursor), create,
// read, changes with optimistic concurrency (PATCH with If-Match) and deletion as a
// tombstone; each change is audited with the staff actor and the changed field names.
class ClientsApi
{
public:
    explicit ClientsApi(const Storage &storage) : m_storage(storage), m_audit(storage.database()) {}

    void registerRoutes(Router &router) const;

private:
    HttpResponse listClients(const RequestContext &context) const;
    HttpResponse createClient(const RequestContext &context) const;
    HttpResponse getClient(const RequestContext &context) const;
    HttpResponse patchClient(const RequestContext &context) const;
    HttpResponse deleteClient(const RequestContext &context) const;

    const Storage &m_storage;
    AuditLog m_audit;
};

} // namespace Gatehouse::Server
