// SPDX-License-Identifier: Apache-2.0
#include "devicestore.h"

#include "common/apitypes.h"
#include "database.h"
#include "storageerror.h"
#include "tokenstore.h"

#include <QVariant>

namespace Gatehouse::Server {

Result<DeviceStore::Seen> DeviceStore::recordUse(QSqlDatabase &db, qint64 clientId, const QString &deviceHash,
                                                 const QDateTime &now)
{
    const QString at = toWireTime(now);
    auto &touch = cachedQuery(db, QStringLiteral("UPDATE client_devices SET last_seen_at = ? "
                                                 "WHERE client_id = ? AND device_hash = ?"));
    touch.addBindValue(at);
    touch.addBindValue(clientId);
    touch.addBindValue(deviceHash);
    if (!touch.exec())
        return storageError(QStringLiteral("cannot update a client device"), touch);
    const int touched = touch.numRowsAffected();
    touch.finish();
    if (touched > 0)
        return Seen::KnownDevice;

    auto &count = cachedQuery(db, QStringLiteral("SELECT COUNT(*) FROM client_devices WHERE client_id = ?"));
    count.addBindValue(clientId);
    if (!count.exec() || !count.next())
        return storageError(QStringLiteral("cannot count client devices"), count);
    const bool first = count.value(0).toLongLong() == 0;
    count.finish();

    auto &insert = cachedQuery(db, QStringLiteral("INSERT INTO client_devices (client_id, device_hash, "
                                                  "first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(clientId);
    insert.addBindValue(deviceHash);
    insert.addBindValue(at);
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(QStringLiteral("cannot record a client device"), insert);
    insert.finish();
    return first ? Seen::FirstDeviceOfClient : Seen::NewDevice;
}

} // namespace Gatehouse::Server
