// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Gatehouse {

// "just now", "5 minutes ago", "3 days ago": how long ago `then` was, seen at `now`.
// Both are compared in UTC; an invalid `then` reads "never". Times in the future
// (clock skew between server and desktop) read "just now" rather than confusing anyone.
QString relativeTime(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace Gatehouse
