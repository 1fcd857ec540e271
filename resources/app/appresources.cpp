// SPDX-License-Identifier: Apache-2.0
#include "appresources.h"

namespace Gatehouse::AppResources {

QString migrationsPath()
{
    return QStringLiteral(":/gatehouse/app/migrations");
}

} // namespace Gatehouse::AppResources
