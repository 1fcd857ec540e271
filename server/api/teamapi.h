// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "storage/staffstore.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

class Keyring;

// Staff management for admins (D11) and each member's own TOTP enrolment (R7).
class TeamApi
{
public:
    // `keyring` seals TOTP secrets at rest; it must outlive this object.
    TeamApi(const Storage &storage, const Keyring &keyring)
        : m_storage(storage), m_vault(keyring), m_staff(storage.database(), m_vault), m_audit(storage.database())
    {}

    void registerRoutes(Router &router) const;

private:
    HttpResponse listStaff(const RequestContext &context) const;
    HttpResponse createStaff(const RequestContext &context) const;
    HttpResponse patchStaff(const RequestContext &context) const;
    HttpResponse resetTwoFactor(const RequestContext &context) const;
    HttpResponse startTotp(const RequestContext &context) const;
    HttpResponse confirmTotp(const RequestContext &context) const;

    const Storage &m_storage;
    TotpVault m_vault; // before m_staff, which keeps a reference to it
    StaffStore m_staff;
    AuditLog m_audit;
};

} // namespace Gatehouse::Server
