// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse {

// Removes what must never leave the machine in a log file or a diagnostics report:
// bearer tokens and Authorization values, cookies, passwords, TOTP secrets and codes,
// magic-link and document tokens (in URLs or as bare long random strings). What is
// removed becomes "[redacted]"; everything else is kept so the line still helps.
// Deliberately greedy: a false positive costs a little detail, a miss leaks access.
QString redacted(const QString &text);

} // namespace Gatehouse
