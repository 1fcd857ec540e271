// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"

#include <QJsonObject>
#include <QLatin1StringView>

namespace Gatehouse::Server {

struct Config;

// The audit record of something a client (or, with `clientId` 0, an unidentified
// visitor) did through a portal request: the source address resolved against the
// trusted proxies (F13) and the user agent, as F14 asks of every token event.
AuditRecord clientEvent(const RequestContext &context, const Config &config, QLatin1StringView type, qint64 clientId,
                        const QJsonObject &details);

// The request's user agent as the audit and the token rows keep it (bounded).
QString userAgentOf(const HttpRequest &request);

// B9: mail security scanners fetch links on delivery. Cheap signals only: HEAD, no
// user agent, or a user agent naming a known scanner or HTTP library. Portal links and
// document links judge requests alike.
bool likelyScanner(const HttpRequest &request);

} // namespace Gatehouse::Server
