// SPDX-License-Identifier: Apache-2.0
#include "relativetime.h"

#include <QCoreApplication>

namespace Gatehouse {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Gatehouse::RelativeTime", text, nullptr, n);
}

} // namespace

QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return tr("never");
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return minutes == 1 ? tr("1 minute ago") : tr("%n minutes ago", int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return hours == 1 ? tr("1 hour ago") : tr("%n hours ago", int(hours));
    const qint64 days = hours / 24;
    if (days < 31)
        return days == 1 ? tr("yesterday") : tr("%n days ago", int(days));
    const qint64 months = days / 30;
    if (months < 12)
        return months == 1 ? tr("1 month ago") : tr("%n months ago", int(months));
    const qint64 years = days / 365;
    return years <= 1 ? tr("1 year ago") : tr("%n years ago", int(years));
}

} // namespace Gatehouse
