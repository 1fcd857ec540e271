// SPDX-License-Identifier: Apache-2.0
#include "storageerror.h"

#include "common/errorcode.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Gatehouse::Server {

Error storageError(const QString &what, const QString &detail)
{
    return Error{QString(ErrorCode::StorageError), QStringLiteral("%1: %2").arg(what, detail)};
}

Error storageError(const QString &what, const QSqlError &error)
{
    return storageError(what, error.text());
}

Error storageError(const QString &what, const QSqlQuery &query)
{
    return storageError(what, query.lastError());
}

} // namespace Gatehouse::Server
