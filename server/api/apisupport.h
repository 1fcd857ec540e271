// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "common/apitypes.h"
#include "http/router.h"

#include <QJsonObject>
#include <optional>

namespace Gatehouse::Server::ApiSupport {

// Plain decimal digits only, so "1e3", "-1" or " 5" are errors rather than guesses.
std::optional<qint64> parseDecimal(const QString &text, qint64 max);
// A route's "{name}" parameter as a positive id.
std::optional<qint64> idParam(const RequestContext &context, const QString &name);

HttpResponse notFound(const QString &what);
QByteArray etagOf(const ClientRecord &client);
HttpResponse clientResponse(int status, const ClientRecord &client);

// An audit record for an action by the signed-in staff member of `context`.
AuditRecord staffAction(const RequestContext &context, QLatin1StringView type, qint64 clientId,
                        const QJsonObject &details = {});
QString userAgentOf(const HttpRequest &request);

} // namespace Gatehouse::Server::ApiSupport
