// SPDX-License-Identifier: Apache-2.0
#include "clientevent.h"

#include "http/clientaddress.h"

namespace Gatehouse::Server {

QString userAgentOf(const HttpRequest &request)
{
    return QString::fromUtf8(request.header("user-agent").left(512));
}

bool likelyScanner(const HttpRequest &request)
{
    if (request.method == "HEAD")
        return true;
    const QByteArray ua = request.header("user-agent").toLower();
    if (ua.isEmpty())
        return true;
    for (const char *marker : {"bingpreview", "safelinks", "mimecast", "proofpoint", "barracuda", "python-requests",
                               "go-http-client", "curl/", "wget", "urlscan", "scanner", "bot"}) {
        if (ua.contains(marker))
            return true;
    }
    return false;
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
