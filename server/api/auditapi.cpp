// SPDX-License-Identifier: Apache-2.0
#include "auditapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "common/errorcode.h"
#include "http/problem.h"

#include <QJsonArray>

namespace Gatehouse::Server {

using namespace ApiSupport;

namespace {

constexpr int DefaultLimit = 200;
constexpr int MaxLimit = 500; // AuditLog::query caps at 1000; one extra row is asked for

const QStringList KnownParameters{
    QStringLiteral("after_id"),  QStringLiteral("before_id"), QStringLiteral("limit"),
    QStringLiteral("client_id"), QStringLiteral("type"),      QStringLiteral("actor_kind"),
    QStringLiteral("actor_id"),  QStringLiteral("from"),      QStringLiteral("to")};

} // namespace

void AuditApi::registerRoutes(Router &router) const
{
    // Paralegals reach the handler, which insists on client_id for them.
    router.add("GET", QStringLiteral("/api/v1/audit"), Access::staff(StaffRole::Paralegal),
               [this](const RequestContext &c) { return events(c); });
    router.add("GET", QStringLiteral("/api/v1/audit/head"), Access::staff(StaffRole::Partner),
               [this](const RequestContext &c) { return head(c); });
}

HttpResponse AuditApi::events(const RequestContext &context) const
{
    const auto &query = context.request.query;
    JsonBody errors(QJsonObject(), {});
    for (const auto &[key, value] : query.queryItems()) {
        if (!KnownParameters.contains(key))
            errors.addError(key, QStringLiteral("is not a parameter of this route"));
    }
    const auto id = [&](const QString &name) -> qint64 {
        if (!query.hasQueryItem(name))
            return 0;
        const auto v = parseDecimal(query.queryItemValue(name), std::numeric_limits<qint64>::max());
        if (!v) {
            errors.addError(name, QStringLiteral("must be a whole number"));
            return 0;
        }
        return *v;
    };
    const auto time = [&](const QString &name) -> QDateTime {
        if (!query.hasQueryItem(name))
            return {};
        const QDateTime t = fromWireTime(query.queryItemValue(name, QUrl::FullyDecoded));
        if (!t.isValid())
            errors.addError(name, QStringLiteral("must be a UTC time like 2026-11-28T08:31:00.000Z"));
        return t;
    };

    AuditQuery q;
    q.afterId = id(QStringLiteral("after_id"));
    q.oldestFirst = query.hasQueryItem(QStringLiteral("after_id")); // after_id=0: the whole log, oldest first
    q.beforeId = id(QStringLiteral("before_id"));
    q.clientId = id(QStringLiteral("client_id"));
    q.actorId = id(QStringLiteral("actor_id"));
    q.limit = DefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const auto v = parseDecimal(query.queryItemValue(QStringLiteral("limit")), MaxLimit);
        if (v && *v >= 1)
            q.limit = int(*v);
        else
            errors.addError(QStringLiteral("limit"),
                            QStringLiteral("must be a whole number from 1 to %1").arg(MaxLimit));
    }
    q.type = query.queryItemValue(QStringLiteral("type"), QUrl::FullyDecoded);
    q.actorKind = query.queryItemValue(QStringLiteral("actor_kind"));
    if (!q.actorKind.isEmpty() && !QStringList{QStringLiteral("staff"), QStringLiteral("client"),
                                               QStringLiteral("system"), QStringLiteral("anonymous")}
                                       .contains(q.actorKind))
        errors.addError(QStringLiteral("actor_kind"), QStringLiteral("must be staff, client, system or anonymous"));
    q.from = time(QStringLiteral("from"));
    q.to = time(QStringLiteral("to"));
    if (q.afterId > 0 && q.beforeId > 0)
        errors.addError(QStringLiteral("before_id"), QStringLiteral("cannot be combined with after_id"));
    if (errors.hasErrors())
        return errors.validationProblem();

    if (context.staff->member.role == StaffRole::Paralegal && q.clientId <= 0)
        return Problem::make(403, ErrorCode::Forbidden,
                             QStringLiteral("Paralegals can read one client's history at a time; pass client_id."));

    // One row more than asked tells whether another page follows.
    const int limit = q.limit;
    q.limit = limit + 1;
    auto events = m_audit.query(q);
    if (!events)
        return Problem::internalError(events.error());
    const bool hasMore = events->size() > limit;
    QJsonArray array;
    for (qsizetype i = 0; i < std::min<qsizetype>(limit, events->size()); ++i)
        array.append(events->at(i).toJson());
    return HttpResponse::json(200, {{QStringLiteral("events"), array}, {QStringLiteral("has_more"), hasMore}});
}

HttpResponse AuditApi::head(const RequestContext &) const
{
    auto head = m_audit.head();
    if (!head)
        return Problem::internalError(head.error());
    return HttpResponse::json(200, {{QStringLiteral("id"), head->id}, {QStringLiteral("hash"), head->hash}});
}

} // namespace Gatehouse::Server
