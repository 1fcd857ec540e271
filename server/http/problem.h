// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "httptypes.h"

#include <QJsonObject>
#include <QLatin1StringView>

namespace Gatehouse::Server::Problem {

// An RFC 9457 problem+json answer:
//   {"type":"about:blank","title":"Not Found","status":404,"code":"not_found","detail":"..."}
// `code` is a stable ErrorCode; `extra` adds members such as "errors" for validation.
HttpResponse make(int status, QLatin1StringView code, const QString &detail, const QJsonObject &extra = {});

// 500 internal_error for the caller, the real cause only in the log: answers never
// carry SQL text, paths or stack traces.
HttpResponse internalError(const Error &cause);

QString statusTitle(int status);

} // namespace Gatehouse::Server::Problem
