// SPDX-License-Identifier: Apache-2.0
#include "devicename.h"

namespace Gatehouse::Server {

namespace {

bool has(QByteArrayView ua, QByteArrayView needle)
{
    return ua.indexOf(needle) >= 0;
}

QString browserOf(QByteArrayView ua)
{
    // Order matters: Edge and Opera also claim Chrome, Chrome also claims Safari.
    if (has(ua, "Edg/") || has(ua, "EdgA/") || has(ua, "EdgiOS/"))
        return QStringLiteral("Edge");
    if (has(ua, "OPR/") || has(ua, "Opera"))
        return QStringLiteral("Opera");
    if (has(ua, "SamsungBrowser/"))
        return QStringLiteral("Samsung Internet");
    if (has(ua, "Firefox/") || has(ua, "FxiOS/"))
        return QStringLiteral("Firefox");
    if (has(ua, "Chromium/"))
        return QStringLiteral("Chromium");
    if (has(ua, "Chrome/") || has(ua, "CriOS/"))
        return QStringLiteral("Chrome");
    if (has(ua, "Safari/") && has(ua, "Version/"))
        return QStringLiteral("Safari");
    return {};
}

QString systemOf(QByteArrayView ua)
{
    if (has(ua, "iPhone"))
        return QStringLiteral("iPhone");
    if (has(ua, "iPad"))
        return QStringLiteral("iPad");
    if (has(ua, "Android"))
        return QStringLiteral("Android");
    if (has(ua, "Windows"))
        return QStringLiteral("Windows");
    if (has(ua, "CrOS"))
        return QStringLiteral("ChromeOS");
    if (has(ua, "Macintosh") || has(ua, "Mac OS X"))
        return QStringLiteral("Mac");
    if (has(ua, "Linux"))
        return QStringLiteral("Linux");
    return {};
}

} // namespace

QString describeDevice(QByteArrayView userAgent)
{
    const QByteArrayView ua = userAgent.first(std::min<qsizetype>(userAgent.size(), 1024));
    const QString browser = browserOf(ua);
    const QString system = systemOf(ua);
    if (!browser.isEmpty() && !system.isEmpty())
        return QStringLiteral("%1 on %2").arg(browser, system);
    if (!browser.isEmpty())
        return browser;
    if (!system.isEmpty())
        return QStringLiteral("a browser on %1").arg(system);
    return QStringLiteral("an unknown browser");
}

} // namespace Gatehouse::Server
