// SPDX-License-Identifier: Apache-2.0
#include "clientsapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "clock.h"
#include "common/errorcode.h"
#include "http/problem.h"
#include "storage/clientstore.h"
#include "storage/writetransaction.h"
#include "validation.h"

#include <QJsonArray>

namespace Gatehouse::Server {

using namespace ApiSupport;

namespace {

// The fields a client is created or changed with.
QStringList clientFields()
{
    return {QStringLiteral("name"),       QStringLiteral("email"),           QStringLiteral("matter"),
            QStringLiteral("partner_id"), QStringLiteral("require_sign_in"), QStringLiteral("phone_confirmation")};
}

constexpr int DefaultPageSize = 500;
constexpr int MaxPageSize = 1000;

} // namespace

void ClientsApi::registerRoutes(Router &router) const
{
    const auto paralegal = Access::staff(StaffRole::Paralegal);
    router.add("GET", QStringLiteral("/api/v1/clients"), paralegal,
               [this](const RequestContext &c) { return listClients(c); });
    router.add("POST", QStringLiteral("/api/v1/clients"), paralegal,
               [this](const RequestContext &c) { return createClient(c); });
    router.add("GET", QStringLiteral("/api/v1/clients/{id}"), paralegal,
               [this](const RequestContext &c) { return getClient(c); });
    router.add("PATCH", QStringLiteral("/api/v1/clients/{id}"), paralegal,
               [this](const RequestContext &c) { return patchClient(c); });
    router.add("DELETE", QStringLiteral("/api/v1/clients/{id}"), paralegal,
               [this](const RequestContext &c) { return deleteClient(c); });
}

HttpResponse ClientsApi::listClients(const RequestContext &context) const
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

HttpResponse ClientsApi::createClient(const RequestContext &context) const
{
    auto parsed = JsonBody::parse(context.request, clientFields());
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
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

    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto id = m_storage.insertClientIn(db, client);
        if (!id)
            return Problem::internalError(id.error());
        auto created = m_storage.findClient(*id);
        if (!created || !created->has_value())
            return Problem::internalError(
                created ? Error{QString(ErrorCode::StorageError), QStringLiteral("lost client")} : created.error());
        if (auto r = m_audit.append(
                db, staffAction(context, AuditType::ClientCreated, *id,
                                {{QStringLiteral("name"), client.name}, {QStringLiteral("matter"), client.matter}}));
            !r)
            return Problem::internalError(r.error());
        auto r = clientResponse(201, **created);
        r.setHeader("Location", "/api/v1/clients/" + QByteArray::number(*id));
        return r;
    });
}

HttpResponse ClientsApi::getClient(const RequestContext &context) const
{
    const auto id = parseDecimal(context.params.value(QStringLiteral("id")), std::numeric_limits<qint64>::max());
    if (!id)
        return notFound(QStringLiteral("client"));
    auto client = m_storage.findClient(*id);
    if (!client)
        return Problem::internalError(client.error());
    if (!client->has_value() || (*client)->deleted)
        return notFound(QStringLiteral("client"));
    return clientResponse(200, **client);
}

HttpResponse ClientsApi::patchClient(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("client"));
    auto parsed = JsonBody::parse(context.request, clientFields());
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    auto &body = std::get<JsonBody>(parsed);
    const QJsonObject &object = body.object();
    ClientStore::Change change;
    const auto has = [&](const char *field) { return object.contains(QLatin1StringView(field)); };
    if (has("name"))
        change.name = body.requiredString(QStringLiteral("name"), 200);
    if (has("email")) {
        change.email = body.requiredString(QStringLiteral("email"), 254);
        if (!change.email->isEmpty() && change.email->size() <= 254 && !isPlausibleEmail(*change.email))
            body.addError(QStringLiteral("email"), QStringLiteral("is not a valid email address"));
    }
    if (has("matter"))
        change.matter = body.requiredString(QStringLiteral("matter"), 200);
    if (has("partner_id"))
        change.partnerId = body.optionalId(QStringLiteral("partner_id"));
    if (has("require_sign_in"))
        change.requireSignIn = body.optionalBool(QStringLiteral("require_sign_in"), false);
    if (has("phone_confirmation"))
        change.phoneConfirmation = body.optionalBool(QStringLiteral("phone_confirmation"), false);
    if (change.partnerId && *change.partnerId > 0) {
        auto partner = m_storage.findStaffById(*change.partnerId);
        if (!partner)
            return Problem::internalError(partner.error());
        if (!partner->has_value())
            body.addError(QStringLiteral("partner_id"), QStringLiteral("no staff member has this id"));
    }
    if (body.hasErrors())
        return body.validationProblem();

    const QByteArray ifMatch = context.request.header("if-match").trimmed();
    if (ifMatch.isEmpty())
        return Problem::make(428, ErrorCode::PreconditionRequired,
                             QStringLiteral("Send If-Match with the ETag of the client you are changing."));

    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto current = m_storage.findClient(*id);
        if (!current)
            return Problem::internalError(current.error());
        if (!current->has_value() || (*current)->deleted)
            return notFound(QStringLiteral("client"));
        const ClientRecord &before = **current;
        // Weak validators ("W/") are accepted as the same version: the tag names a version.
        const QByteArray tag = ifMatch.startsWith("W/") ? ifMatch.mid(2) : ifMatch;
        if (tag != etagOf(before) && ifMatch != "*")
            return Problem::make(412, ErrorCode::PreconditionFailed,
                                 QStringLiteral("Someone changed this client since you loaded it; review and retry."),
                                 {{QStringLiteral("current"), before.toJson()}});

        // Only fields whose value really changes count, so the audit names real changes.
        QJsonArray fields;
        if (change.name && *change.name != before.name)
            fields.append(QStringLiteral("name"));
        else
            change.name.reset();
        const bool emailChanged = change.email && change.email->compare(before.email, Qt::CaseInsensitive) != 0;
        if (change.email && *change.email != before.email)
            fields.append(QStringLiteral("email"));
        else
            change.email.reset();
        if (change.matter && *change.matter != before.matter)
            fields.append(QStringLiteral("matter"));
        else
            change.matter.reset();
        if (change.partnerId && *change.partnerId != before.partnerId)
            fields.append(QStringLiteral("partner_id"));
        else
            change.partnerId.reset();
        if (change.requireSignIn && *change.requireSignIn != before.requireSignIn)
            fields.append(QStringLiteral("require_sign_in"));
        else
            change.requireSignIn.reset();
        if (change.phoneConfirmation && *change.phoneConfirmation != before.phoneConfirmation)
            fields.append(QStringLiteral("phone_confirmation"));
        else
            change.phoneConfirmation.reset();
        if (fields.isEmpty())
            return clientResponse(200, before); // nothing to do: no new version, no audit noise

        if (auto r = ClientStore::update(db, *id, change, now); !r)
            return Problem::internalError(r.error());
        // B5: a new address means whoever had the old one must not keep access.
        if (emailChanged) {
            if (auto r = ClientStore::endAccess(db, *id, now, true); !r)
                return Problem::internalError(r.error());
        }
        QJsonObject details{{QStringLiteral("fields"), fields}};
        if (emailChanged)
            details.insert(QStringLiteral("access_ended"), true);
        if (auto r = m_audit.append(db, staffAction(context, AuditType::ClientUpdated, *id, details)); !r)
            return Problem::internalError(r.error());
        auto after = m_storage.findClient(*id);
        if (!after || !after->has_value())
            return Problem::internalError(after ? Error{QString(ErrorCode::StorageError), QStringLiteral("lost client")}
                                                : after.error());
        return clientResponse(200, **after);
    });
}

HttpResponse ClientsApi::deleteClient(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("client"));
    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto current = m_storage.findClient(*id);
        if (!current)
            return Problem::internalError(current.error());
        if (!current->has_value() || (*current)->deleted)
            return notFound(QStringLiteral("client"));
        if (auto r = ClientStore::tombstone(db, *id, now); !r)
            return Problem::internalError(r.error());
        if (auto r = m_audit.append(
                db, staffAction(context, AuditType::ClientDeleted, *id, {{QStringLiteral("name"), (*current)->name}}));
            !r)
            return Problem::internalError(r.error());
        return HttpResponse::noContent();
    });
}

} // namespace Gatehouse::Server
