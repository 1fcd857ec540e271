// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/result.h"
#include "database.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace Gatehouse::Server {

// Staff management and second-factor SQL (D11, R7), next to Storage's sign-in basics.
// Methods taking a QSqlDatabase run inside the caller's WriteTransaction.
class StaffStore
{
public:
    struct TotpState
    {
        QByteArray secret;  // confirmed; empty when not enrolled
        QByteArray pending; // waiting for its first code; empty when none
        qint64 lastStep = 0;
    };

    struct StaffChange
    {
        std::optional<QString> name;
        std::optional<StaffRole> role;
        std::optional<bool> disabled;
    };

    explicit StaffStore(const Database &database) : m_database(database) {}

    Result<QList<StaffMember>> list() const;
    Result<std::optional<StaffMember>> find(QSqlDatabase &db, qint64 id) const;
    Result<void> update(QSqlDatabase &db, qint64 id, const StaffChange &change, const QDateTime &now) const;
    // Ends every bearer token of the account (when it is disabled).
    Result<void> revokeTokens(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const;

    Result<TotpState> totp(QSqlDatabase &db, qint64 staffId) const;
    Result<void> setPendingTotp(QSqlDatabase &db, qint64 staffId, const QByteArray &secret) const;
    Result<void> confirmTotp(QSqlDatabase &db, qint64 staffId, qint64 step) const;
    // Marks `step` used; false when it (or a later one) already was: the replay check,
    // atomic because it is one conditional UPDATE.
    Result<bool> useTotpStep(QSqlDatabase &db, qint64 staffId, qint64 step) const;
    Result<void> resetTotp(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const;

private:
    const Database &m_database;
};

} // namespace Gatehouse::Server
