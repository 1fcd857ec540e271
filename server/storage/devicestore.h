// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

// The SQL behind the B7 device check (table client_devices, migration 0007). Runs on
// the caller's connection, inside the caller's write transaction.
class DeviceStore
{
public:
    enum class Seen {
        FirstDeviceOfClient, // the client had no device on record
        NewDevice,           // the client has others, not this one
        KnownDevice,
    };

    // Records that the client used the device `deviceHash` (SHA-256 hex) at `now`, and
    // says whether that device, or any, was on record before.
    static Result<Seen> recordUse(QSqlDatabase &db, qint64 clientId, const QString &deviceHash, const QDateTime &now);
};

} // namespace Gatehouse::Server
