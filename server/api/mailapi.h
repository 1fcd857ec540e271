// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "storage/database.h"

namespace Gatehouse::Server {

// Admin view of the mail outbox (SPEC F16): what is queued, retrying, sent or
// dead-lettered, and a retry for dead mail. Never the body: it carries the link.
//   GET  /api/v1/mail/outbox?state=queued|sending|retrying|sent|dead&limit=N   (admin)
//   POST /api/v1/mail/outbox/{id}/retry                                        (admin)
class MailApi
{
public:
    explicit MailApi(const Database &database);

    void registerRoutes(Router &router) const;

private:
    HttpResponse list(const RequestContext &context) const;
    HttpResponse retry(const RequestContext &context) const;

    const Database &m_database;
    AuditLog m_audit;
};

} // namespace Gatehouse::Server
