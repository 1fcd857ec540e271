// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "managedsettings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Gatehouse {

class Session;
class LogFile;

// What Help → Copy diagnostics reports for IT: versions, platform, every setting with
// where it came from and whether it is managed, the cache, the last sync, the pinned
// certificate and the newest log lines. Nothing secret: no token, password or cookie is
// ever read for it (the keychain is not touched), and every free text (log lines,
// setting values, the sync cursor) passes redacted() before it is written.
struct Diagnostics
{
    struct Setting
    {
        QString key;
        SettingValue value;
    };

    QString appVersion;
    QString qtVersion;
    QString os;
    QString serverUrl;
    std::optional<ServerInfo> server; // nullopt when not asked or not reachable
    QString signedInAs;               // "name <email> (role)", empty when signed out
    QList<Setting> settings;
    QString cachePath;
    qint64 cacheBytes = -1; // -1: no cache file
    QDateTime lastSync;     // invalid: not synced in this run
    QString syncCursor;
    QString updates;           // how changes arrive, e.g. "polling every 5 s"
    QString pinnedCertificate; // SHA-256 fingerprint, empty when the server's CA is trusted
    QStringList logLines;

    static constexpr int LogLines = 50;

    // Everything above from the running app (the server part is filled in by the caller,
    // who asks the server asynchronously).
    static Diagnostics collect(const Session &session, const LogFile *log);
    // The plain-text report, redacted.
    QString report() const;
};

} // namespace Gatehouse
