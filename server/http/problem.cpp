// SPDX-License-Identifier: Apache-2.0
#include "problem.h"

#include "common/errorcode.h"
#include "log.h"

#include <QJsonDocument>

namespace Gatehouse::Server::Problem {

QString statusTitle(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 412:
        return QStringLiteral("Precondition Failed");
    case 413:
        return QStringLiteral("Content Too Large");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        break;
    }
    return QStringLiteral("Error");
}

HttpResponse make(int status, QLatin1StringView code, const QString &detail, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("type"), QStringLiteral("about:blank"));
    body.insert(QStringLiteral("title"), statusTitle(status));
    body.insert(QStringLiteral("status"), status);
    body.insert(QStringLiteral("code"), QString(code));
    body.insert(QStringLiteral("detail"), detail);
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.setHeader("Content-Type", "application/problem+json");
    return r;
}

HttpResponse internalError(const Error &cause)
{
    Log::error(QStringLiteral("internal_error"),
               {{QStringLiteral("code"), cause.code}, {QStringLiteral("message"), cause.message}});
    return make(500, ErrorCode::Internal,
                QStringLiteral("The server could not complete the request. The details are in the server log."));
}

} // namespace Gatehouse::Server::Problem
