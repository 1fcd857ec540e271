// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::AppResources {

// Where the local cache's numbered migration files live in the resource system.
// Keeping the path in one place lets the cache and its tests agree on it.
QString migrationsPath();

} // namespace Gatehouse::AppResources
