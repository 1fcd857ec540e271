// SPDX-License-Identifier: Apache-2.0
#include "tokenstore.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

Result<qint64> TokenStore::insert(QSqlDatabase &db, const NewToken &token)
{
    auto &q = cachedQuery(
        db, QStringLiteral("INSERT INTO magic_tokens (token_hash, purpose, client_id, reusable, created_at, "
                           "expires_at, issued_by, issued_address, issued_user_agent) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(token.tokenHash);
    q.addBindValue(token.purpose);
    q.addBindValue(token.clientId);
    q.addBindValue(token.reusable ? 1 : 0);
    q.addBindValue(toWireTime(token.createdAt));
    q.addBindValue(toWireTime(token.expiresAt));
    q.addBindValue(token.issuedBy > 0 ? QVariant(token.issuedBy) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(textOrNull(token.address));
    q.addBindValue(textOrNull(token.userAgent.left(512)));
    if (!q.exec())
        return storageError(QStringLiteral("cannot store a token"), q);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

Result<int> TokenStore::revokeLive(QSqlDatabase &db, qint64 clientId, const QString &purpose, const QString &reason,
                                   const QDateTime &now)
{
    // "Live" includes used reusable links: a bookmarked portal key must die too (F7, F8).
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE magic_tokens SET revoked_at = ?, revoked_reason = ? WHERE client_id = ? AND "
                             "revoked_at IS NULL AND (consumed_at IS NULL OR reusable = 1)") +
              (purpose.isEmpty() ? QString() : QStringLiteral(" AND purpose = ?")));
    q.addBindValue(toWireTime(now));
    q.addBindValue(reason);
    q.addBindValue(clientId);
    if (!purpose.isEmpty())
        q.addBindValue(purpose);
    if (!q.exec())
        return storageError(QStringLiteral("cannot revoke tokens"), q);
    return q.numRowsAffected();
}

Result<std::optional<TokenStore::Consumed>> TokenStore::consume(QSqlDatabase &db, const QString &tokenHash,
                                                                const QString &purposeA, const QString &purposeB,
                                                                const QDateTime &now, const QString &address,
                                                                const QString &userAgent, qint64 clientId)
{
    // Times are ISO-8601 text of one fixed width, so text comparison is time order.
    const QString nowText = toWireTime(now);
    auto &q = cachedQuery(
        db, QStringLiteral("UPDATE magic_tokens SET consumed_at = COALESCE(consumed_at, ?), use_count = use_count + 1, "
                           "consumed_address = ?, consumed_user_agent = ? "
                           "WHERE token_hash = ? AND purpose IN (?, ?) AND revoked_at IS NULL AND expires_at > ? "
                           "AND (consumed_at IS NULL OR reusable = 1) AND (? = 0 OR client_id = ?) "
                           "RETURNING id, client_id, purpose, use_count"));
    q.addBindValue(nowText);
    q.addBindValue(address);
    q.addBindValue(userAgent.left(512));
    q.addBindValue(tokenHash);
    q.addBindValue(purposeA);
    q.addBindValue(purposeB);
    q.addBindValue(nowText);
    q.addBindValue(clientId);
    q.addBindValue(clientId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot consume a token"), q);
    std::optional<Consumed> consumed;
    if (q.next())
        consumed =
            Consumed{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toInt()};
    q.finish();
    return consumed;
}

Result<std::optional<TokenStore::TokenState>> TokenStore::find(QSqlDatabase &db, const QString &tokenHash)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, client_id, purpose, consumed_at IS NOT NULL, reusable, "
                                             "expires_at, revoked_reason FROM magic_tokens WHERE token_hash = ?"));
    q.addBindValue(tokenHash);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a token"), q);
    std::optional<TokenState> state;
    if (q.next()) {
        state = TokenState{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                           q.value(3).toBool(),     q.value(4).toBool(),     fromWireTime(q.value(5).toString()),
                           q.value(6).toString()};
    }
    q.finish();
    return state;
}

} // namespace Gatehouse::Server
