// SPDX-License-Identifier: Apache-2.0
#include "diagnostics.h"

#include "appsettings.h"
#include "certificatetrust.h"
#include "localcache.h"
#include "logfile.h"
#include "redaction.h"
#include "session.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QTextStream>

namespace Gatehouse {

namespace {

QString sourceName(const SettingValue &v)
{
    switch (v.source) {
    case SettingSource::Policy:
        return v.enforced ? QStringLiteral("managed by policy (%1)").arg(v.origin)
                          : QStringLiteral("preset by policy (%1)").arg(v.origin);
    case SettingSource::User:
        return QStringLiteral("set by the user");
    case SettingSource::Default:
        break;
    }
    return v.enforced ? QStringLiteral("default, locked by policy") : QStringLiteral("default");
}

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    const QString text = value.toString();
    return text.isEmpty() ? QStringLiteral("(empty)") : text;
}

} // namespace

Diagnostics Diagnostics::collect(const Session &session, const LogFile *log)
{
    Diagnostics d;
    d.appVersion = QCoreApplication::applicationVersion();
    d.qtVersion = QString::fromLatin1(qVersion());
    d.os = QStringLiteral("%1 (%2, kernel %3 %4)")
               .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(), QSysInfo::kernelType(),
                    QSysInfo::kernelVersion());
    auto *settings = session.settings();
    d.serverUrl = session.serverUrl().toString();
    if (session.isSignedIn()) {
        const auto staff = session.staff();
        d.signedInAs = QStringLiteral("%1 <%2> (%3)").arg(staff.name, staff.email, roleName(staff.role));
    }
    for (const auto &[key, value] : settings->managedSettings())
        d.settings.append({key, value});
    if (auto *cache = session.cache()) {
        d.cachePath = cache->filePath();
        d.syncCursor = cache->cursor();
    } else {
        d.cachePath = settings->cacheFilePath();
    }
    const QFileInfo cacheFile(d.cachePath);
    if (cacheFile.exists()) {
        d.cacheBytes = cacheFile.size();
        // SQLite's write-ahead log belongs to the cache's size on disk.
        const QFileInfo wal(d.cachePath + QStringLiteral("-wal"));
        if (wal.exists())
            d.cacheBytes += wal.size();
    }
    if (auto *sync = session.sync()) {
        d.lastSync = sync->lastSyncedAt();
        d.updates = sync->isLive()
                        ? QStringLiteral("live (push channel connected; safety poll every %1 s)")
                              .arg(SyncEngine::LivePollMs / 1000)
                        : QStringLiteral("polling every %1 s (push channel down)").arg(sync->interval() / 1000.0);
    }
    const QUrl server = session.serverUrl();
    if (server.isValid() && !server.host().isEmpty())
        d.pinnedCertificate = settings->pinnedCertificate(CertificateTrust::serverKey(server));
    if (log)
        d.logLines = log->lastLines(LogLines);
    return d;
}

QString Diagnostics::report() const
{
    QString text;
    QTextStream out(&text);
    const auto line = [&out](const QString &label, const QString &value) {
        out << label << ": " << redacted(value) << '\n';
    };
    out << "Gatehouse diagnostics, " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << '\n';
    line(QStringLiteral("App version"), appVersion);
    line(QStringLiteral("Qt version"), qtVersion);
    line(QStringLiteral("Operating system"), os);
    line(QStringLiteral("Server"), serverUrl.isEmpty() ? QStringLiteral("(none)") : serverUrl);
    line(QStringLiteral("Server version"), server ? server->version : QStringLiteral("(not known: not connected)"));
    line(QStringLiteral("Server schema"), server ? QString::number(server->schema) : QStringLiteral("(not known)"));
    line(QStringLiteral("Signed in as"), signedInAs.isEmpty() ? QStringLiteral("(signed out)") : signedInAs);
    out << "\nSettings:\n";
    for (const auto &s : settings)
        out << "  " << s.key << " = " << redacted(valueText(s.value.value)) << "  [" << sourceName(s.value) << "]\n";
    out << '\n';
    line(QStringLiteral("Cache"), cachePath);
    line(QStringLiteral("Cache size"),
         cacheBytes < 0 ? QStringLiteral("(no cache file)") : QStringLiteral("%1 bytes").arg(cacheBytes));
    line(QStringLiteral("Last sync"),
         lastSync.isValid() ? lastSync.toUTC().toString(Qt::ISODate) : QStringLiteral("(not in this run)"));
    line(QStringLiteral("Sync cursor"), syncCursor.isEmpty() ? QStringLiteral("(none)") : syncCursor);
    line(QStringLiteral("Updates"), updates.isEmpty() ? QStringLiteral("(not signed in)") : updates);
    // A fingerprint identifies a public certificate; it is not a secret and IT needs it
    // whole to compare with the server's.
    out << "Pinned certificate (SHA-256): "
        << (pinnedCertificate.isEmpty() ? QStringLiteral("(none: the system trusts the server's certificate)")
                                        : pinnedCertificate)
        << '\n';
    out << "\nLast " << logLines.size() << " log lines:\n";
    for (const auto &l : logLines)
        out << "  " << redacted(l) << '\n';
    return text;
}

} // namespace Gatehouse
