// SPDX-License-Identifier: Apache-2.0
#include "mailapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "clock.h"
#include "common/errorcode.h"
#include "http/problem.h"
#include "storage/outboxstore.h"
#include "storage/writetransaction.h"

#include <QJsonArray>

namespace Gatehouse::Server {

namespace {

constexpr int DefaultLimit = 100;
constexpr int MaxLimit = 500;

const QStringList States{QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("retrying"),
                         QStringLiteral("sent"), QStringLiteral("dead")};

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toWireTime(t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const OutboxStore::Summary &m)
{
    const bool waiting = m.state == u"queued" || m.state == u"retrying" || m.state == u"sending";
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("to"), m.toAddress},
                       {QStringLiteral("template"), m.templateName},
                       {QStringLiteral("state"), m.state},
                       {QStringLiteral("attempts"), m.attempts},
                       {QStringLiteral("next_attempt_at"), waiting ? timeOrNull(m.nextAttemptAt) : QJsonValue()},
                       {QStringLiteral("last_error"), m.lastError.isEmpty() ? QJsonValue() : QJsonValue(m.lastError)},
                       {QStringLiteral("created_at"), timeOrNull(m.createdAt)},
                       {QStringLiteral("sent_at"), timeOrNull(m.sentAt)}};
}

} // namespace

MailApi::MailApi(const Database &database) : m_database(database), m_audit(database) {}

void MailApi::registerRoutes(Router &router) const
{
    // Admins only: the outbox names every client's address and IT runs the mail server.
    router.add("GET", QStringLiteral("/api/v1/mail/outbox"), Access::staff(StaffRole::Admin),
               [this](const RequestContext &c) { return list(c); });
    router.add("POST", QStringLiteral("/api/v1/mail/outbox/{id}/retry"), Access::staff(StaffRole::Admin),
               [this](const RequestContext &c) { return retry(c); });
}

HttpResponse MailApi::list(const RequestContext &context) const
{
    const auto &query = context.request.query;
    JsonBody errors(QJsonObject(), {});
    for (const auto &[key, value] : query.queryItems()) {
        if (key != u"state" && key != u"limit")
            errors.addError(key, QStringLiteral("is not a parameter of this route"));
    }
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (query.hasQueryItem(QStringLiteral("state")) && !States.contains(state))
        errors.addError(QStringLiteral("state"), QStringLiteral("must be one of: %1").arg(States.join(u", ")));
    int limit = DefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const auto v = ApiSupport::parseDecimal(query.queryItemValue(QStringLiteral("limit")), MaxLimit);
        if (!v || *v < 1)
            errors.addError(QStringLiteral("limit"),
                            QStringLiteral("must be a whole number from 1 to %1").arg(MaxLimit));
        else
            limit = int(*v);
    }
    if (errors.hasErrors())
        return errors.validationProblem();

    auto db = m_database.connection();
    if (!db)
        return Problem::internalError(db.error());
    auto messages = OutboxStore::list(*db, state, limit);
    if (!messages)
        return Problem::internalError(messages.error());
    QJsonArray out;
    for (const auto &m : *messages)
        out.append(toJson(m));
    auto r = HttpResponse::json(200, {{QStringLiteral("messages"), out}});
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse MailApi::retry(const RequestContext &context) const
{
    const auto id = ApiSupport::idParam(context, QStringLiteral("id"));
    if (!id)
        return ApiSupport::notFound(QStringLiteral("message"));
    // The body is optional; when sent it must be an empty object (R8: no silent extras).
    if (auto parsed = JsonBody::parse(context.request, {}, JsonBody::EmptyBody::IsEmptyObject);
        auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;

    WriteTransaction transaction(m_database);
    if (auto begun = transaction.begin(); !begun)
        return Problem::internalError(begun.error());
    QSqlDatabase db = transaction.connection();
    auto before = OutboxStore::find(db, *id);
    if (!before)
        return Problem::internalError(before.error());
    if (!*before)
        return ApiSupport::notFound(QStringLiteral("message"));
    auto requeued = OutboxStore::requeueDead(db, *id, Clock::now());
    if (!requeued)
        return Problem::internalError(requeued.error());
    if (!*requeued)
        return Problem::make(
            409, ErrorCode::Conflict,
            (*before)->state == u"dead"
                ? QStringLiteral("This message can no longer be sent (its content is gone).")
                : QStringLiteral("Only dead messages can be retried; this one is %1.").arg((*before)->state));
    const QJsonObject details{{QStringLiteral("outbox_id"), *id},
                              {QStringLiteral("template"), (*before)->templateName},
                              {QStringLiteral("previous_attempts"), (*before)->attempts}};
    if (auto appended =
            m_audit.append(db, ApiSupport::staffAction(context, AuditType::MailRetried, (*before)->clientId, details));
        !appended)
        return Problem::internalError(appended.error());
    auto after = OutboxStore::find(db, *id);
    if (!after || !*after)
        return Problem::internalError(after ? Error{QString(ErrorCode::Internal), QStringLiteral("message vanished")}
                                            : after.error());
    if (auto committed = transaction.commit(); !committed)
        return Problem::internalError(committed.error());
    return HttpResponse::json(200, toJson(**after));
}

} // namespace Gatehouse::Server
