// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::Server {

// A deliberately plain address check: one '@', a non-empty local part, a dotted
// domain, no spaces or control characters, RFC 5321 lengths. Deliverability is proven
// by the magic link itself, so this only catches typos and garbage.
bool isPlausibleEmail(const QString &email);

} // namespace Gatehouse::Server
