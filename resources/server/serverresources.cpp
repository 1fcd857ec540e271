// SPDX-License-Identifier: Apache-2.0
#include "serverresources.h"

namespace Gatehouse::Server {

QString migrationsResourceDir()
{
    return QStringLiteral(":/server/migrations");
}

} // namespace Gatehouse::Server
