// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "auth/signinguard.h"
#include "http/router.h"
#include "storage/staffstore.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

struct Config;
class Keyring;

// The staff REST API's sign-in under /api/v1 (see docs/api.md) plus /healthz: staff
// sign-in with bearer tokens and second factor, sign-out, and the current account.
// Handlers are synchronous and run on an io thread; everything they need from the
// database goes through Storage.
class StaffApi
{
public:
    // `keyring` seals TOTP secrets at rest; it must outlive this object.
    StaffApi(const Storage &storage, const Config &config, const Keyring &keyring);

    void registerRoutes(Router &router) const;

    // Bearer-token authentication for the router: looks the token up by its SHA-256,
    // never by the token itself.
    Result<AuthenticatedStaff> authenticate(const HttpRequest &request) const;
    // The same check without recording a use (read-only): whether an open push socket's
    // token still belongs to a live, enabled staff member.
    bool tokenIsLive(const QByteArray &authorization) const;

private:
    // The live token behind an Authorization header and its enabled owner, or why not.
    Result<Storage::TokenOwner> liveTokenOwner(const QByteArray &authorization) const;
    struct SignInAttempt
    {
        const RequestContext &context;
        QString email;
        QDateTime now;
    };

    AuditRecord signInAudit(const SignInAttempt &attempt, const StaffMember *member, const QString &reason) const;
    // Audits (and with `counts` also counts toward lockout) a failed sign-in; answers 401.
    HttpResponse signInFailed(const SignInAttempt &attempt, const StaffMember *member, const QString &reason,
                              bool counts) const;
    // Password accepted: checks the second factor, issues the token, audits.
    HttpResponse completeSignIn(const SignInAttempt &attempt, const StaffMember &member, const QString &totp,
                                bool totpSent) const;

    HttpResponse healthz(const RequestContext &context) const;
    HttpResponse createSession(const RequestContext &context) const;
    HttpResponse deleteSession(const RequestContext &context) const;
    HttpResponse me(const RequestContext &context) const;
    // The program and schema version, for the app's About box and diagnostics. Staff only:
    // an anonymous visitor learns nothing about what the server runs.
    HttpResponse serverInfo(const RequestContext &context) const;

    const Storage &m_storage;
    AuditLog m_audit;
    SignInGuard m_guard;
    TotpVault m_vault; // before m_staffStore, which keeps a reference to it
    StaffStore m_staffStore;
    int m_tokenTtlHours;
    QString m_firmName; // for GET /api/v1/server
};

} // namespace Gatehouse::Server
