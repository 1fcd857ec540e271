// SPDX-License-Identifier: Apache-2.0
#include "clientevent.h"

#include "ratelimit/clientaddress.h"

namespace Gatehouse::Server {

QString userAgentOf(const HttpRequest &request)
{
    return QString::fromUtf8(request.header("user-agent").left(512));
}

AuditRecord clientEvent(const RequestContext &context, const Config &config, QLatin1StringView type, qint64 clientId,
                        const QJsonObject &details)
{
    AuditRecord record;
    record.type = QString(type);
    record.actorKind = clientId > 0 ? QStringLiteral("client") : QStringLiteral("anonymous");
    record.actorId = clientId;
    record.clientId = clientId;
    record.address = clientAddress(context.request, config);
    record.userAgent = userAgentOf(context.request);
    record.details = details;
    return record;
}

} // namespace Gatehouse::Server
