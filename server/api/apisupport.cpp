// SPDX-License-Identifier: Apache-2.0
#include "apisupport.h"

#include "common/errorcode.h"
#include "http/problem.h"

#include <QRegularExpression>

namespace Gatehouse::Server::ApiSupport {

std::optional<qint64> parseDecimal(const QString &text, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const qint64 v = text.toLongLong();
    return v <= max ? std::optional<qint64>(v) : std::nullopt;
}

std::optional<qint64> idParam(const RequestContext &context, const QString &name)
{
    const auto id = parseDecimal(context.params.value(name), std::numeric_limits<qint64>::max());
    return id && *id > 0 ? id : std::nullopt;
}

HttpResponse notFound(const QString &what)
{
    return Problem::make(404, ErrorCode::NotFound, QStringLiteral("There is no %1 with this id.").arg(what));
}

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

QString userAgentOf(const HttpRequest &request)
{
    return QString::fromUtf8(request.header("user-agent").left(256));
}

AuditRecord staffAction(const RequestContext &context, QLatin1StringView type, qint64 clientId,
                        const QJsonObject &details)
{
    AuditRecord record;
    record.type = QString(type);
    record.actorKind = QStringLiteral("staff");
    if (context.staff) {
        record.actorId = context.staff->member.id;
        record.actorLabel = context.staff->member.email;
    }
    record.clientId = clientId;
    record.address = context.request.remoteAddress;
    record.userAgent = userAgentOf(context.request);
    record.details = details;
    return record;
}

} // namespace Gatehouse::Server::ApiSupport
