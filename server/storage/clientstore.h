// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "database.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// Client writes that go with an audit entry (update, tombstone, B5's "end access").
// Every method runs inside the caller's WriteTransaction; reads use Storage::findClient
// on the same connection.
class ClientStore
{
public:
    struct Change
    {
        std::optional<QString> name;
        std::optional<QString> email;
        std::optional<QString> matter;
        std::optional<qint64> partnerId; // 0: none
        std::optional<bool> requireSignIn;
        std::optional<bool> phoneConfirmation;
    };

    // Applies the change, bumps version and takes a new change number (sync feed).
    static Result<void> update(QSqlDatabase &db, qint64 id, const Change &change, const QDateTime &now);
    // Marks the row deleted (kept as a tombstone so incremental sync drops it) and ends
    // everything that grants access.
    static Result<void> tombstone(QSqlDatabase &db, qint64 id, const QDateTime &now);
    // B5: ends the client's sessions and browser verifications, and with `tokens` also
    // its unconsumed magic links. The tables come from migration 0003 (token engine);
    // each is touched only when it exists, so this works before and after that lands.
    static Result<void> endAccess(QSqlDatabase &db, qint64 id, const QDateTime &now, bool tokens);
    // The change feed's head: the last change number taken (0 before any change).
    static Result<qint64> feedHead(QSqlDatabase &db);
};

} // namespace Gatehouse::Server
