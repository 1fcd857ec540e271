// SPDX-License-Identifier: Apache-2.0
#include "teamapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "auth/totp.h"
#include "clock.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "http/problem.h"
#include "passwordhasher.h"
#include "storage/writetransaction.h"
#include "validation.h"

#include <QJsonArray>

namespace Gatehouse::Server {

using namespace ApiSupport;

namespace {

const QString Issuer = QStringLiteral("Gatehouse");

} // namespace

void TeamApi::registerRoutes(Router &router) const
{
    const auto anyStaff = Access::staff(StaffRole::Paralegal);
    const auto admin = Access::staff(StaffRole::Admin);
    auto bind = [this](HttpResponse (TeamApi::*handler)(const RequestContext &) const) {
        return [this, handler](const RequestContext &c) { return (this->*handler)(c); };
    };
    router.add("GET", QStringLiteral("/api/v1/staff"), anyStaff, bind(&TeamApi::listStaff));
    router.add("POST", QStringLiteral("/api/v1/staff"), admin, bind(&TeamApi::createStaff));
    router.add("PATCH", QStringLiteral("/api/v1/staff/{id}"), admin, bind(&TeamApi::patchStaff));
    router.add("POST", QStringLiteral("/api/v1/staff/{id}/reset-2fa"), admin, bind(&TeamApi::resetTwoFactor));
    router.add("POST", QStringLiteral("/api/v1/me/totp"), anyStaff, bind(&TeamApi::startTotp));
    router.add("POST", QStringLiteral("/api/v1/me/totp/confirm"), anyStaff, bind(&TeamApi::confirmTotp));
}

HttpResponse TeamApi::listStaff(const RequestContext &) const
{
    auto staff = m_staff.list();
    if (!staff)
        return Problem::internalError(staff.error());
    QJsonArray array;
    for (const auto &m : std::as_const(*staff))
        array.append(m.toJson());
    return HttpResponse::json(200, {{QStringLiteral("staff"), array}});
}

HttpResponse TeamApi::createStaff(const RequestContext &context) const
{
    auto parsed = JsonBody::parse(context.request, {QStringLiteral("email"), QStringLiteral("name"),
                                                    QStringLiteral("role"), QStringLiteral("password")});
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QJsonObject &object = body.object();
    const QString email = body.requiredString(QStringLiteral("email"), 254);
    const QString name = body.requiredString(QStringLiteral("name"), 200);
    const QString roleText = body.requiredString(QStringLiteral("role"), 20);
    QString password;
    if (object.contains(QStringLiteral("password"))) {
        password = body.requiredString(QStringLiteral("password"), 1024);
        if (!password.isEmpty() && password.size() < 12)
            body.addError(QStringLiteral("password"), QStringLiteral("must be at least 12 characters"));
    }
    if (!email.isEmpty() && email.size() <= 254 && !isPlausibleEmail(email))
        body.addError(QStringLiteral("email"), QStringLiteral("is not a valid email address"));
    const auto role = roleFromName(roleText);
    if (!roleText.isEmpty() && !role)
        body.addError(QStringLiteral("role"), QStringLiteral("must be admin, partner or paralegal"));
    if (body.hasErrors())
        return body.validationProblem();

    // 18 random bytes → 24 base64url characters, 144 bits: strong and typeable.
    const bool generated = password.isEmpty();
    const QByteArray secret = generated ? Crypto::toBase64Url(Crypto::randomBytes(18)) : password.toUtf8();
    auto hash = PasswordHasher::hash(secret);
    if (!hash)
        return Problem::internalError(hash.error());

    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto created = m_storage.insertStaff(email, name, *role, *hash);
        if (!created) {
            if (created.error().code == ErrorCode::Conflict)
                return Problem::make(409, ErrorCode::Conflict,
                                     QStringLiteral("A staff account with this email exists."));
            return Problem::internalError(created.error());
        }
        if (auto r = m_audit.append(db, staffAction(context, AuditType::StaffCreated, 0,
                                                    {{QStringLiteral("staff_id"), created->id},
                                                     {QStringLiteral("email"), created->email},
                                                     {QStringLiteral("role"), roleName(*role)}}));
            !r)
            return Problem::internalError(r.error());
        QJsonObject answer{{QStringLiteral("staff"), created->toJson()}};
        if (generated)
            answer.insert(QStringLiteral("initial_password"), QString::fromLatin1(secret));
        auto response = HttpResponse::json(201, answer);
        response.setHeader("Location", "/api/v1/staff/" + QByteArray::number(created->id));
        return response;
    });
}

HttpResponse TeamApi::patchStaff(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("staff member"));
    auto parsed =
        JsonBody::parse(context.request, {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("disabled")});
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QJsonObject &object = body.object();
    StaffStore::StaffChange change;
    if (object.contains(QStringLiteral("name")))
        change.name = body.requiredString(QStringLiteral("name"), 200);
    if (object.contains(QStringLiteral("role"))) {
        const QString text = body.requiredString(QStringLiteral("role"), 20);
        change.role = roleFromName(text);
        if (!text.isEmpty() && !change.role)
            body.addError(QStringLiteral("role"), QStringLiteral("must be admin, partner or paralegal"));
    }
    if (object.contains(QStringLiteral("disabled"))) {
        if (!object.value(QStringLiteral("disabled")).isBool())
            body.addError(QStringLiteral("disabled"), QStringLiteral("must be true or false"));
        else
            change.disabled = object.value(QStringLiteral("disabled")).toBool();
    }
    if (body.hasErrors())
        return body.validationProblem();
    // An admin who disables or demotes themself could leave the firm with no admin;
    // another admin must do it.
    if (*id == context.staff->member.id &&
        ((change.disabled && *change.disabled) || (change.role && *change.role != StaffRole::Admin)))
        return Problem::make(409, ErrorCode::Conflict,
                             QStringLiteral("You cannot disable or demote your own account; ask another admin."));

    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto before = m_staff.find(db, *id);
        if (!before)
            return Problem::internalError(before.error());
        if (!before->has_value())
            return notFound(QStringLiteral("staff member"));
        QJsonArray fields;
        if (change.name && *change.name != (*before)->name)
            fields.append(QStringLiteral("name"));
        if (change.role && *change.role != (*before)->role)
            fields.append(QStringLiteral("role"));
        if (change.disabled && *change.disabled != (*before)->disabled)
            fields.append(QStringLiteral("disabled"));
        if (fields.isEmpty())
            return HttpResponse::json(200, (*before)->toJson());
        if (auto r = m_staff.update(db, *id, change, now); !r)
            return Problem::internalError(r.error());
        // A disabled account's tokens die with it, not at their expiry.
        if (change.disabled && *change.disabled) {
            if (auto r = m_staff.revokeTokens(db, *id, now); !r)
                return Problem::internalError(r.error());
        }
        QJsonObject details{{QStringLiteral("staff_id"), *id}, {QStringLiteral("fields"), fields}};
        if (change.role)
            details.insert(QStringLiteral("role"), roleName(*change.role));
        if (auto r = m_audit.append(db, staffAction(context, AuditType::StaffUpdated, 0, details)); !r)
            return Problem::internalError(r.error());
        auto after = m_staff.find(db, *id);
        if (!after || !after->has_value())
            return Problem::internalError(after ? Error{QString(ErrorCode::StorageError), QStringLiteral("lost staff")}
                                                : after.error());
        return HttpResponse::json(200, (*after)->toJson());
    });
}

HttpResponse TeamApi::resetTwoFactor(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("staff member"));
    if (!context.request.body.isEmpty()) {
        auto parsed = JsonBody::parse(context.request, {});
        if (auto *problem = std::get_if<HttpResponse>(&parsed))
            return *problem;
    }
    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto before = m_staff.find(db, *id);
        if (!before)
            return Problem::internalError(before.error());
        if (!before->has_value())
            return notFound(QStringLiteral("staff member"));
        if (auto r = m_staff.resetTotp(db, *id, now); !r)
            return Problem::internalError(r.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::StaffUpdated, 0,
                                                    {{QStringLiteral("staff_id"), *id},
                                                     {QStringLiteral("fields"), QJsonArray{QStringLiteral("totp")}},
                                                     {QStringLiteral("action"), QStringLiteral("reset_2fa")}}));
            !r)
            return Problem::internalError(r.error());
        StaffMember after = **before;
        after.totpEnrolled = false;
        return HttpResponse::json(200, after.toJson());
    });
}

HttpResponse TeamApi::startTotp(const RequestContext &context) const
{
    const auto &me = context.staff->member;
    if (me.totpEnrolled)
        return Problem::make(409, ErrorCode::Conflict,
                             QStringLiteral("Two-step sign-in is already on; an admin can reset it."));
    const QByteArray secret = Totp::newSecret();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        if (auto r = m_staff.setPendingTotp(db, me.id, secret); !r)
            return Problem::internalError(r.error());
        // The secret goes to the caller once, here; it is never logged or audited.
        return HttpResponse::json(201,
                                  {{QStringLiteral("secret"), Totp::toBase32(secret)},
                                   {QStringLiteral("otpauth_uri"), Totp::provisioningUri(Issuer, me.email, secret)}});
    });
}

HttpResponse TeamApi::confirmTotp(const RequestContext &context) const
{
    auto parsed = JsonBody::parse(context.request, {QStringLiteral("code")});
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QString code = body.requiredString(QStringLiteral("code"), 16);
    if (body.hasErrors())
        return body.validationProblem();

    const auto &me = context.staff->member;
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto state = m_staff.totp(db, me.id);
        if (!state)
            return Problem::internalError(state.error());
        if (state->pending.isEmpty())
            return Problem::make(409, ErrorCode::Conflict,
                                 QStringLiteral("Start enrolment with POST /api/v1/me/totp."));
        const auto step = Totp::verify(state->pending, code, Clock::now(), 0);
        if (!step)
            return Problem::make(400, ErrorCode::InvalidCode,
                                 QStringLiteral("The code does not match; check the authenticator app's clock."));
        if (auto r = m_staff.confirmTotp(db, me.id, *step); !r)
            return Problem::internalError(r.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::StaffUpdated, 0,
                                                    {{QStringLiteral("staff_id"), me.id},
                                                     {QStringLiteral("fields"), QJsonArray{QStringLiteral("totp")}},
                                                     {QStringLiteral("action"), QStringLiteral("totp_enrolled")}}));
            !r)
            return Problem::internalError(r.error());
        StaffMember after = me;
        after.totpEnrolled = true;
        return HttpResponse::json(200, after.toJson());
    });
}

} // namespace Gatehouse::Server
