// SPDX-License-Identifier: Apache-2.0
#include "staffapi.h"

#include "api/jsonbody.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/problem.h"
#include "passwordhasher.h"
#include "validation.h"

#include <QRegularExpression>

namespace Gatehouse::Server {

namespace {

constexpr int DefaultPageSize = 500;
constexpr int MaxPageSize = 1000;

QByteArray etagOf(const ClientRecord &client)
{
    return "\"v" + QByteArray::number(client.version) + '"';
}

HttpResponse clientResponse(int status, const ClientRecord &client)
{
    auto r = HttpResponse::json(status, client.toJson());
    r.setHeader("ETag", etagOf(client));
    return r;
}

Error unauthenticated(const QString &message)
{
    return Error{QString(ErrorCode::Unauthenticated), message};
}

// Query parameters arrive as text; this one accepts only plain decimal digits so
// "1e3", "-1" or " 5" are errors rather than guesses.
std::optional<qint64> parseDecimal(const QString &text, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const qint64 v = text.toLongLong();
    return v <= max ? std::optional<qint64>(v) : std::nullopt;
}

} // namespace

StaffApi::StaffApi(const Storage &storage, const Config &config)
    : m_storage(storage), m_tokenTtlHours(config.staffTokenTtlHours)
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
    router.add("GET", QStringLiteral("/api/v1/clients"), anyStaff, bind(&StaffApi::listClients));
    router.add("POST", QStringLiteral("/api/v1/clients"), anyStaff, bind(&StaffApi::createClient));
    router.add("GET", QStringLiteral("/api/v1/clients/{id}"), anyStaff, bind(&StaffApi::getClient));
    router.setAuthenticator([this](const HttpRequest &request) { return authenticate(request); });
}

Result<AuthenticatedStaff> StaffApi::authenticate(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return unauthenticated(QStringLiteral("Sign in first and send the token as 'Authorization: Bearer <token>'."));
    const bool bearer = authorization.size() > 7 && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0;
    const QString token = bearer ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString();
    const auto invalid = QStringLiteral("The token is invalid, expired or revoked. Sign in again.");
    // Shape check first: garbage never reaches the database.
    if (!Crypto::looksLikeToken(token))
        return unauthenticated(invalid);
    const auto now = QDateTime::currentDateTimeUtc();
    auto owner = m_storage.findLiveToken(Crypto::sha256Hex(token.toLatin1()), now);
    if (!owner)
        return owner.error();
    if (!owner->has_value())
        return unauthenticated(invalid);
    if (auto touched = m_storage.touchApiToken((*owner)->tokenId, now); !touched)
        return touched.error();
    return AuthenticatedStaff{(*owner)->tokenId, (*owner)->staff};
}

HttpResponse StaffApi::healthz(const RequestContext &) const
{
    return HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
}

HttpResponse StaffApi::createSession(const RequestContext &context) const
{
    auto parsed = JsonBody::parseObject(context.request);
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    JsonBody body(std::get<QJsonObject>(parsed), {QStringLiteral("email"), QStringLiteral("password")});
    if (auto problem = body.unknownFieldProblem())
        return *problem;
    const QString email = body.requiredString(QStringLiteral("email"), 254);
    const QString password = body.requiredString(QStringLiteral("password"), 1024);
    if (body.hasErrors())
        return body.validationProblem();

    const auto wrong =
        Problem::make(401, ErrorCode::InvalidCredentials, QStringLiteral("The email or password is not correct."));
    auto staff = m_storage.findStaffByEmail(email);
    if (!staff)
        return Problem::internalError(staff.error());
    // Unknown accounts cost the same Argon2 work as known ones, so response time does
    // not reveal which emails have accounts.
    if (!staff->has_value()) {
        PasswordHasher::verifyDummy(password.toUtf8());
        return wrong;
    }
    const auto &account = **staff;
    if (!PasswordHasher::verify(account.passwordHash, password.toUtf8()) || account.member.disabled)
        return wrong;

    const QString token = Crypto::newToken();
    Storage::NewApiToken record;
    record.staffId = account.member.id;
    record.tokenHash = Crypto::sha256Hex(token.toLatin1());
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.expiresAt = record.createdAt.addSecs(qint64(m_tokenTtlHours) * 3600);
    record.userAgent = QString::fromUtf8(context.request.header("user-agent").left(256));
    record.address = context.request.remoteAddress;
    if (auto stored = m_storage.insertApiToken(record); !stored)
        return Problem::internalError(stored.error());
    return HttpResponse::json(201, {{QStringLiteral("token"), token},
                                    {QStringLiteral("expires_at"), toWireTime(record.expiresAt)},
                                    {QStringLiteral("staff"), account.member.toJson()}});
}

HttpResponse StaffApi::deleteSession(const RequestContext &context) const
{
    if (auto revoked = m_storage.revokeApiToken(context.staff->tokenId, QDateTime::currentDateTimeUtc()); !revoked)
        return Problem::internalError(revoked.error());
    return HttpResponse::noContent();
}

HttpResponse StaffApi::me(const RequestContext &context) const
{
    return HttpResponse::json(200, context.staff->member.toJson());
}

HttpResponse StaffApi::listClients(const RequestContext &context) const
{
    const auto &query = context.request.query;
    JsonBody errors(QJsonObject(), {});
    qint64 cursor = 0;
    int limit = DefaultPageSize;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto text = query.queryItemValue(QStringLiteral("cursor"));
        const auto parsed =
            text.isEmpty() ? std::optional<qint64>(0) : parseDecimal(text, std::numeric_limits<qint64>::max());
        if (parsed)
            cursor = *parsed;
        else
            errors.addError(QStringLiteral("cursor"), QStringLiteral("is not a cursor this server issued"));
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const auto parsed = parseDecimal(query.queryItemValue(QStringLiteral("limit")), MaxPageSize);
        if (parsed && *parsed >= 1)
            limit = int(*parsed);
        else
            errors.addError(QStringLiteral("limit"),
                            QStringLiteral("must be a whole number from 1 to %1").arg(MaxPageSize));
    }
    if (errors.hasErrors())
        return errors.validationProblem();

    auto changes = m_storage.clientsChangedAfter(cursor, limit);
    if (!changes)
        return Problem::internalError(changes.error());
    ClientPage page;
    page.clients = std::move(changes->clients);
    page.hasMore = changes->hasMore;
    page.nextCursor = QString::number(page.clients.isEmpty() ? cursor : page.clients.constLast().changeSeq);
    return HttpResponse::json(200, page.toJson());
}

HttpResponse StaffApi::createClient(const RequestContext &context) const
{
    auto parsed = JsonBody::parseObject(context.request);
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    JsonBody body(std::get<QJsonObject>(parsed),
                  {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("matter"),
                   QStringLiteral("partner_id"), QStringLiteral("require_sign_in"),
                   QStringLiteral("phone_confirmation")});
    if (auto problem = body.unknownFieldProblem())
        return *problem;
    Storage::NewClient client;
    client.name = body.requiredString(QStringLiteral("name"), 200);
    client.email = body.requiredString(QStringLiteral("email"), 254);
    client.matter = body.requiredString(QStringLiteral("matter"), 200);
    client.partnerId = body.optionalId(QStringLiteral("partner_id"));
    client.requireSignIn = body.optionalBool(QStringLiteral("require_sign_in"), false);
    client.phoneConfirmation = body.optionalBool(QStringLiteral("phone_confirmation"), false);
    if (!client.email.isEmpty() && client.email.size() <= 254 && !isPlausibleEmail(client.email))
        body.addError(QStringLiteral("email"), QStringLiteral("is not a valid email address"));
    if (client.partnerId > 0) {
        auto partner = m_storage.findStaffById(client.partnerId);
        if (!partner)
            return Problem::internalError(partner.error());
        if (!partner->has_value())
            body.addError(QStringLiteral("partner_id"), QStringLiteral("no staff member has this id"));
    }
    if (body.hasErrors())
        return body.validationProblem();

    auto created = m_storage.insertClient(client);
    if (!created)
        return Problem::internalError(created.error());
    auto r = clientResponse(201, *created);
    r.setHeader("Location", "/api/v1/clients/" + QByteArray::number(created->id));
    return r;
}

HttpResponse StaffApi::getClient(const RequestContext &context) const
{
    const auto id = parseDecimal(context.params.value(QStringLiteral("id")), std::numeric_limits<qint64>::max());
    const auto notFound = Problem::make(404, ErrorCode::NotFound, QStringLiteral("There is no client with this id."));
    if (!id)
        return notFound;
    auto client = m_storage.findClient(*id);
    if (!client)
        return Problem::internalError(client.error());
    if (!client->has_value())
        return notFound;
    return clientResponse(200, **client);
}

} // namespace Gatehouse::Server
