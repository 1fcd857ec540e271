// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QString>

class QSqlError;
class QSqlQuery;

namespace Gatehouse::Server {

// The one way storage reports a failed statement: ErrorCode::StorageError with what
// was being done and the driver's text. Handlers answer it as a 500 without the text
// (Problem::internalError logs it); never shown to a client.
Error storageError(const QString &what, const QString &detail);
Error storageError(const QString &what, const QSqlError &error);
Error storageError(const QString &what, const QSqlQuery &query);

} // namespace Gatehouse::Server
