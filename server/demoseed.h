// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

namespace Gatehouse::Server {

class Storage;

// Fills an empty portal with believable law-firm data (two partners and `clients`
// clients) so the product can be run and looked at right after installing. Does
// nothing when any client exists, so running it twice is harmless. Returns how many
// clients it created.
Result<int> seedDemoData(const Storage &storage, int clients);

} // namespace Gatehouse::Server
