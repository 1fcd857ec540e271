// SPDX-License-Identifier: Apache-2.0
#include "staffapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "auth/totp.h"
#include "clock.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/problem.h"
#include "passwordhasher.h"
#include "storage/writetransaction.h"
#include "validation.h"

namespace Gatehouse::Server {

using namespace ApiSupport;

namespace {

Error unauthenticated(const QString &message)
{
    return Error{QString(ErrorCode::Unauthenticated), message};
}

} // namespace

StaffApi::StaffApi(const Storage &storage, const Config &config, const Keyring &keyring)
    : m_storage(storage), m_audit(storage.database()), m_guard(storage.database(), config), m_vault(keyring),
      m_staffStore(storage.database(), m_vault), m_tokenTtlHours(config.staffTokenTtlHours), m_firmName(config.firmName)
{}

void StaffApi::registerRoutes(Router &router) const
{
    const auto anyStaff = Access::staff(StaffRole::Paralegal);
    auto bind = [this](HttpResponse (StaffApi::*handler)(const RequestContext &) const) {
        return [this, handler](const RequestContext &c) { return (this->*handler)(c); };
    };
    router.add("GET", QStringLiteral("/healthz"), Access::publicRoute(), bind(&StaffApi::healthz));
    router.add("POST", QStringLiteral("/api/v1/session"), Access::publicRoute(), bind(&StaffApi::createSession));
    router.add("DELETE", QStringLiteral("/api/v1/session"), anyStaff, bind(&StaffApi::deleteSession));
    router.add("GET", QStringLiteral("/api/v1/me"), anyStaff, bind(&StaffApi::me));
    router.add("GET", QStringLiteral("/api/v1/server"), anyStaff, bind(&StaffApi::serverInfo));
    router.setAuthenticator([this](const HttpRequest &request) { return authenticate(request); });
}

Result<Storage::TokenOwner> StaffApi::liveTokenOwner(const QByteArray &authorization) const
{
    if (authorization.isEmpty())
        return unauthenticated(QStringLiteral("Sign in first and send the token as 'Authorization: Bearer <token>'."));
    const bool bearer = authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    const QString token = bearer ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
    const auto invalid = QStringLiteral("The token is invalid, expired or revoked. Sign in again.");
    // Shape check first: garbage never reaches the database.
    if (!Crypto::looksLikeToken(token))
        return unauthenticated(invalid);
    const auto now = Clock::now();
    auto owner = m_storage.findLiveToken(Crypto::sha256Hex(token.toLatin1()), now);
    if (!owner)
        return owner.error();
    if (!owner->has_value())
        return unauthenticated(invalid);
    return std::move(**owner);
}

Result<AuthenticatedStaff> StaffApi::authenticate(const HttpRequest &request) const
{
    auto owner = liveTokenOwner(request.header("authorization"));
    if (!owner)
        return owner.error();
    if (auto touched = m_storage.touchApiToken(owner->tokenId, Clock::now()); !touched)
        return touched.error();
    return AuthenticatedStaff{owner->tokenId, owner->staff};
}

bool StaffApi::tokenIsLive(const QByteArray &authorization) const
{
    return liveTokenOwner(authorization).ok();
}

HttpResponse StaffApi::healthz(const RequestContext &) const
{
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}

HttpResponse StaffApi::createSession(const RequestContext &context) const
{
    auto parsed =
        JsonBody::parse(context.request, {QStringLiteral("email"), QStringLiteral("password"), QStringLiteral("totp")});
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QJsonObject &object = body.object();
    const QString email = body.requiredString(QStringLiteral("email"), 254);
    const QString password = body.requiredString(QStringLiteral("password"), 1024);
    QString totp;
    if (object.contains(QStringLiteral("totp")))
        totp = body.requiredString(QStringLiteral("totp"), 16);
    if (body.hasErrors())
        return body.validationProblem();

    SignInAttempt attempt{context, email, Clock::now()};
    auto wait = m_guard.retryAfter(email, context.request.remoteAddress, attempt.now);
    if (!wait)
        return Problem::internalError(wait.error());
    if (*wait > 0) {
        // No password check while locked: the lock must also cap the Argon2 work an
        // attacker can make the server do.
        if (auto r = m_audit.record(signInAudit(attempt, nullptr, QStringLiteral("locked"))); !r)
            return Problem::internalError(r.error());
        auto r = Problem::make(429, ErrorCode::AccountLocked,
                               QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.").arg(*wait));
        r.setHeader("Retry-After", QByteArray::number(*wait));
        return r;
    }

    auto staff = m_storage.findStaffByEmail(email);
    if (!staff)
        return Problem::internalError(staff.error());
    // Unknown accounts cost the same Argon2 work as known ones, so response time does
    // not reveal which emails have accounts.
    if (!staff->has_value()) {
        PasswordHasher::verifyDummy(password.toUtf8());
        return signInFailed(attempt, nullptr, QStringLiteral("unknown_email"), true);
    }
    const auto &account = **staff;
    if (!PasswordHasher::verify(account.passwordHash, password.toUtf8()))
        return signInFailed(attempt, &account.member, QStringLiteral("wrong_password"), true);
    if (account.member.disabled)
        return signInFailed(attempt, &account.member, QStringLiteral("disabled"), true);
    return completeSignIn(attempt, account.member, totp, object.contains(QStringLiteral("totp")));
}

AuditRecord StaffApi::signInAudit(const SignInAttempt &attempt, const StaffMember *member, const QString &reason) const
{
    AuditRecord record;
    record.type = QString(reason.isEmpty() ? AuditType::StaffSignInSucceeded : AuditType::StaffSignInFailed);
    record.actorKind = member ? QStringLiteral("staff") : QStringLiteral("anonymous");
    record.actorId = member ? member->id : 0;
    // The email as typed is kept only when it looks like one: a password pasted into
    // the email field must not end up in the audit log.
    record.actorLabel = member ? member->email : (isPlausibleEmail(attempt.email) ? attempt.email : QString());
    record.address = attempt.context.request.remoteAddress;
    record.userAgent = userAgentOf(attempt.context.request);
    record.time = attempt.now;
    if (!reason.isEmpty())
        record.details = {{QStringLiteral("reason"), reason}};
    return record;
}

HttpResponse StaffApi::signInFailed(const SignInAttempt &attempt, const StaffMember *member, const QString &reason,
                                    bool counts) const
{
    WriteTransaction tx(m_storage.database());
    if (auto r = tx.begin(); !r)
        return Problem::internalError(r.error());
    auto db = tx.connection();
    if (counts) {
        if (auto r = m_guard.recordFailure(db, attempt.email, attempt.context.request.remoteAddress, attempt.now); !r)
            return Problem::internalError(r.error());
    }
    if (auto r = m_audit.append(db, signInAudit(attempt, member, reason)); !r)
        return Problem::internalError(r.error());
    if (auto r = tx.commit(); !r)
        return Problem::internalError(r.error());
    if (reason == u"totp_missing")
        return Problem::make(401, ErrorCode::TotpRequired,
                             QStringLiteral("This account uses two-step sign-in; send the 6-digit code as \"totp\"."));
    return Problem::make(401, ErrorCode::InvalidCredentials, QStringLiteral("The email or password is not correct."));
}

HttpResponse StaffApi::completeSignIn(const SignInAttempt &attempt, const StaffMember &member, const QString &totp,
                                      bool totpSent) const
{
    WriteTransaction tx(m_storage.database());
    if (auto r = tx.begin(); !r)
        return Problem::internalError(r.error());
    auto db = tx.connection();
    auto factor = m_staffStore.totp(db, member.id);
    if (!factor)
        return Problem::internalError(factor.error());
    if (!factor->secret.isEmpty()) {
        tx.rollback();
        if (!totpSent)
            return signInFailed(attempt, &member, QStringLiteral("totp_missing"), false);
        const auto step = Totp::verify(factor->secret, totp, attempt.now, 0);
        if (!step)
            return signInFailed(attempt, &member, QStringLiteral("totp_wrong"), true);
        if (auto r = tx.begin(); !r)
            return Problem::internalError(r.error());
        db = tx.connection();
        // One conditional UPDATE: of two requests with the same code only one wins.
        auto fresh = m_staffStore.useTotpStep(db, member.id, *step);
        if (!fresh)
            return Problem::internalError(fresh.error());
        if (!*fresh) {
            tx.rollback();
            return signInFailed(attempt, &member, QStringLiteral("totp_reused"), true);
        }
        // A secret from before encryption at rest is accepted this once and sealed now,
        // in the same transaction as the sign-in.
        if (factor->legacy) {
            if (auto r = m_staffStore.resealTotp(db, member.id, factor->secret); !r)
                return Problem::internalError(r.error());
        }
    }

    const QString token = Crypto::newToken();
    Storage::NewApiToken record;
    record.staffId = member.id;
    record.tokenHash = Crypto::sha256Hex(token.toLatin1());
    record.createdAt = attempt.now;
    record.expiresAt = record.createdAt.addSecs(qint64(m_tokenTtlHours) * 3600);
    record.userAgent = userAgentOf(attempt.context.request);
    record.address = attempt.context.request.remoteAddress;
    if (auto stored = m_storage.insertApiToken(record); !stored)
        return Problem::internalError(stored.error());
    if (auto r = m_guard.recordSuccess(db, attempt.email); !r)
        return Problem::internalError(r.error());
    if (auto r = m_audit.append(db, signInAudit(attempt, &member, QString())); !r)
        return Problem::internalError(r.error());
    if (auto r = tx.commit(); !r)
        return Problem::internalError(r.error());
    return HttpResponse::json(201, {{QStringLiteral("token"), token},
                                    {QStringLiteral("expires_at"), toWireTime(record.expiresAt)},
                                    {QStringLiteral("staff"), member.toJson()}});
}

HttpResponse StaffApi::deleteSession(const RequestContext &context) const
{
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        if (auto revoked = m_storage.revokeApiToken(context.staff->tokenId, Clock::now()); !revoked)
            return Problem::internalError(revoked.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::StaffSignedOut, 0)); !r)
            return Problem::internalError(r.error());
        return HttpResponse::noContent();
    });
}

HttpResponse StaffApi::serverInfo(const RequestContext &) const
{
    auto schema = m_storage.database().schemaVersion();
    if (!schema)
        return Problem::internalError(schema.error());
    return HttpResponse::json(200, ServerInfo{QStringLiteral(GATEHOUSE_VERSION), *schema, m_firmName}.toJson());
}

HttpResponse StaffApi::me(const RequestContext &context) const
{
    return HttpResponse::json(200, context.staff->member.toJson());
}

} // namespace Gatehouse::Server
