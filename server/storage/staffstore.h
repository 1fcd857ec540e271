// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/totpvault.h"
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
        bool legacy = false; // `secret` was stored in clear: re-seal it on its next use
    };

    struct StaffChange
    {
        std::optional<QString> name;
        std::optional<StaffRole> role;
        std::optional<bool> disabled;
    };

    // Second-factor secrets pass through `vault` on their way in and out of the database.
    StaffStore(const Database &database, const TotpVault &vault) : m_database(database), m_vault(vault) {}

    Result<QList<StaffMember>> list() const;
    Result<std::optional<StaffMember>> find(QSqlDatabase &db, qint64 id) const;
    Result<void> update(QSqlDatabase &db, qint64 id, const StaffChange &change, const QDateTime &now) const;
    // Ends every bearer token of the account (when it is disabled).
    Result<void> revokeTokens(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const;

    Result<TotpState> totp(QSqlDatabase &db, qint64 staffId) const;
    Result<void> setPendingTotp(QSqlDatabase &db, qint64 staffId, const QByteArray &secret) const;
    Result<void> confirmTotp(QSqlDatabase &db, qint64 staffId, qint64 step) const;
    // Rewrites a confirmed secret sealed under the current key (legacy rows, SPEC R1).
    Result<void> resealTotp(QSqlDatabase &db, qint64 staffId, const QByteArray &secret) const;
    // Marks `step` used; false when it (or a later one) already was: the replay check,
    // atomic because it is one conditional UPDATE.
    Result<bool> useTotpStep(QSqlDatabase &db, qint64 staffId, qint64 step) const;
    Result<void> resetTotp(QSqlDatabase &db, qint64 staffId, const QDateTime &now) const;

private:
    Result<QByteArray> openSecret(qint64 staffId, const QVariant &stored, bool *legacy) const;

    const Database &m_database;
    const TotpVault &m_vault;
};

} // namespace Gatehouse::Server
