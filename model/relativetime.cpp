// SPDX-License-Identifier: Apache-2.0
#include "relativetime.h"

#include <QCoreApplication>

namespace Gatehouse {

// Each text names its context in full so lupdate files it under the context the lookup
// uses; a local tr() helper made lupdate file these under "Gatehouse", where the
// translations were never found at run time.
QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QCoreApplication::translate("Gatehouse::RelativeTime", "never");
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return QCoreApplication::translate("Gatehouse::RelativeTime", "just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return minutes == 1
                   ? QCoreApplication::translate("Gatehouse::RelativeTime", "1 minute ago")
                   : QCoreApplication::translate("Gatehouse::RelativeTime", "%n minutes ago", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return hours == 1 ? QCoreApplication::translate("Gatehouse::RelativeTime", "1 hour ago")
                          : QCoreApplication::translate("Gatehouse::RelativeTime", "%n hours ago", nullptr, int(hours));
    const qint64 days = hours / 24;
    if (days < 31)
        return days == 1 ? QCoreApplication::translate("Gatehouse::RelativeTime", "yesterday")
                         : QCoreApplication::translate("Gatehouse::RelativeTime", "%n days ago", nullptr, int(days));
    const qint64 months = days / 30;
    if (months < 12)
        return months == 1
                   ? QCoreApplication::translate("Gatehouse::RelativeTime", "1 month ago")
                   : QCoreApplication::translate("Gatehouse::RelativeTime", "%n months ago", nullptr, int(months));
    const qint64 years = days / 365;
    return years <= 1 ? QCoreApplication::translate("Gatehouse::RelativeTime", "1 year ago")
                      : QCoreApplication::translate("Gatehouse::RelativeTime", "%n years ago", nullptr, int(years));
}

} // namespace Gatehouse
