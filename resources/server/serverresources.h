// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::Server {

// Where the numbered migration files live inside the binary (":/server/migrations").
// One place to name it, so the storage module and the resource list cannot drift.
QString migrationsResourceDir();

} // namespace Gatehouse::Server
