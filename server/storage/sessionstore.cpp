// SPDX-License-Identifier: Apache-2.0
#include "sessionstore.h"

#include "common/apitypes.h"
#include "storageerror.h"
#include "tokenstore.h"

#include <QVariant>

namespace Gatehouse::Server {

namespace {

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromWireTime(v.toString());
}

Result<qint64> nextChangeSeq(QSqlDatabase &db)
{
    auto &q = cachedQuery(
        db, QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value"));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot take a change number"), q);
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

Result<int> execCount(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return storageError(what, q);
    const int n = q.numRowsAffected();
    q.finish();
    return n;
}

Result<QList<SessionStore::AccessInfo>> accessList(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return storageError(what, q);
    QList<SessionStore::AccessInfo> list;
    while (q.next())
        list << SessionStore::AccessInfo{q.value(0).toLongLong(), timeOf(q.value(1)), timeOf(q.value(2)),
                                         q.value(3).toString(), q.value(4).toString()};
    q.finish();
    return list;
}

const QString ClientAccessColumns =
    QStringLiteral("SELECT id, name, email, status, deleted, require_sign_in, phone_confirmation FROM clients ");

Result<std::optional<SessionStore::ClientAccess>> readClient(QSqlQuery &q)
{
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a client"), q);
    std::optional<SessionStore::ClientAccess> client;
    if (q.next())
        client = SessionStore::ClientAccess{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                            q.value(3).toString(),   q.value(4).toBool(),   q.value(5).toBool(),
                                            q.value(6).toBool()};
    q.finish();
    return client;
}

} // namespace

Result<qint64> SessionStore::insertSession(QSqlDatabase &db, const NewSession &s)
{
    auto &q = cachedQuery(db, QStringLiteral("INSERT INTO client_sessions (session_hash, client_id, token_id, "
                                             "verified_browser_id, pending, created_at, last_seen_at, expires_at, "
                                             "address, device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString created = toWireTime(s.createdAt);
    q.addBindValue(s.sessionHash);
    q.addBindValue(s.clientId);
    q.addBindValue(idOrNull(s.tokenId));
    q.addBindValue(idOrNull(s.verifiedBrowserId));
    q.addBindValue(textOrNull(s.pending));
    q.addBindValue(created);
    q.addBindValue(created);
    q.addBindValue(toWireTime(s.expiresAt));
    q.addBindValue(s.address);
    q.addBindValue(s.device);
    if (!q.exec())
        return storageError(QStringLiteral("cannot store a session"), q);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

Result<std::optional<SessionStore::SessionRow>> SessionStore::findLiveSession(QSqlDatabase &db,
                                                                              const QString &sessionHash,
                                                                              const QDateTime &now,
                                                                              const QDateTime &idleCutoff)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT s.id, s.client_id, s.pending, s.rotate_pending, s.created_at, "
                                             "s.last_seen_at, s.expires_at, s.address, s.device, c.name, c.status "
                                             "FROM client_sessions s JOIN clients c ON c.id = s.client_id "
                                             "WHERE s.session_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? "
                                             "AND c.deleted = 0"));
    q.addBindValue(sessionHash);
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(idleCutoff));
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a session"), q);
    std::optional<SessionRow> row;
    if (q.next()) {
        row = SessionRow{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toBool(),
                         timeOf(q.value(4)),      timeOf(q.value(5)),      timeOf(q.value(6)),    q.value(7).toString(),
                         q.value(8).toString(),   q.value(9).toString(),   q.value(10).toString()};
    }
    q.finish();
    return row;
}

Result<void> SessionStore::touchSession(QSqlDatabase &db, qint64 sessionId, const QDateTime &now,
                                        const QString &address, const QString &device)
{
    auto &q = cachedQuery(
        db, QStringLiteral("UPDATE client_sessions SET last_seen_at = ?, address = ?, device = ? WHERE id = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(address);
    q.addBindValue(device);
    q.addBindValue(sessionId);
    if (auto n = execCount(q, QStringLiteral("cannot update a session")); !n)
        return n.error();
    return {};
}

Result<void> SessionStore::rotateSession(QSqlDatabase &db, qint64 sessionId, const QString &newHash)
{
    auto &q =
        cachedQuery(db, QStringLiteral("UPDATE client_sessions SET session_hash = ?, rotate_pending = 0 WHERE id = ?"));
    q.addBindValue(newHash);
    q.addBindValue(sessionId);
    if (auto n = execCount(q, QStringLiteral("cannot renew a session id")); !n)
        return n.error();
    return {};
}

Result<void> SessionStore::setPending(QSqlDatabase &db, qint64 sessionId, const QString &pending, bool rotate)
{
    auto &q = cachedQuery(
        db, QStringLiteral("UPDATE client_sessions SET pending = ?, rotate_pending = MAX(rotate_pending, ?) "
                           "WHERE id = ?"));
    q.addBindValue(textOrNull(pending));
    q.addBindValue(rotate ? 1 : 0);
    q.addBindValue(sessionId);
    if (auto n = execCount(q, QStringLiteral("cannot update a session")); !n)
        return n.error();
    return {};
}

Result<int> SessionStore::endSessions(QSqlDatabase &db, qint64 clientId, bool onlyUnverified)
{
    auto &q = cachedQuery(db, onlyUnverified ? QStringLiteral("DELETE FROM client_sessions WHERE client_id = ? AND "
                                                              "verified_browser_id IS NULL")
                                             : QStringLiteral("DELETE FROM client_sessions WHERE client_id = ?"));
    q.addBindValue(clientId);
    return execCount(q, QStringLiteral("cannot end sessions"));
}

Result<int> SessionStore::markRevoked(QSqlDatabase &db, qint64 clientId)
{
    auto &q = cachedQuery(db, QStringLiteral("UPDATE client_sessions SET pending = 'revoked', rotate_pending = 0 "
                                             "WHERE client_id = ? AND (pending IS NULL OR pending != 'revoked')"));
    q.addBindValue(clientId);
    return execCount(q, QStringLiteral("cannot revoke sessions"));
}

Result<bool> SessionStore::endSession(QSqlDatabase &db, qint64 clientId, qint64 sessionId)
{
    auto &q = cachedQuery(db, QStringLiteral("DELETE FROM client_sessions WHERE client_id = ? AND id = ?"));
    q.addBindValue(clientId);
    q.addBindValue(sessionId);
    auto n = execCount(q, QStringLiteral("cannot end a session"));
    if (!n)
        return n.error();
    return *n > 0;
}

Result<QList<SessionStore::AccessInfo>> SessionStore::listSessions(QSqlDatabase &db, qint64 clientId,
                                                                   const QDateTime &now, const QDateTime &idleCutoff)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, created_at, last_seen_at, address, device FROM "
                                             "client_sessions WHERE client_id = ? AND expires_at > ? AND "
                                             "last_seen_at > ? AND (pending IS NULL OR pending != 'revoked') "
                                             "ORDER BY id"));
    q.addBindValue(clientId);
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(idleCutoff));
    return accessList(q, QStringLiteral("cannot list sessions"));
}

Result<qint64> SessionStore::insertBrowser(QSqlDatabase &db, const QString &browserHash, qint64 clientId,
                                           const QDateTime &now, const QDateTime &expiresAt, const QString &address,
                                           const QString &device)
{
    auto &q =
        cachedQuery(db, QStringLiteral("INSERT INTO verified_browsers (browser_hash, client_id, verified_at, "
                                       "last_seen_at, expires_at, address, device) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(browserHash);
    q.addBindValue(clientId);
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(expiresAt));
    q.addBindValue(address);
    q.addBindValue(device);
    if (!q.exec())
        return storageError(QStringLiteral("cannot store a verified browser"), q);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

Result<std::optional<qint64>> SessionStore::findBrowser(QSqlDatabase &db, const QString &browserHash, qint64 clientId,
                                                        const QDateTime &now)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id FROM verified_browsers WHERE browser_hash = ? AND "
                                             "client_id = ? AND expires_at > ?"));
    q.addBindValue(browserHash);
    q.addBindValue(clientId);
    q.addBindValue(toWireTime(now));
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a browser"), q);
    std::optional<qint64> id;
    if (q.next())
        id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Result<QList<SessionStore::AccessInfo>> SessionStore::listBrowsers(QSqlDatabase &db, qint64 clientId,
                                                                   const QDateTime &now)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, verified_at, last_seen_at, address, device FROM "
                                             "verified_browsers WHERE client_id = ? AND expires_at > ? ORDER BY id"));
    q.addBindValue(clientId);
    q.addBindValue(toWireTime(now));
    return accessList(q, QStringLiteral("cannot list verified browsers"));
}

Result<bool> SessionStore::endBrowser(QSqlDatabase &db, qint64 clientId, qint64 browserId)
{
    auto &sessions =
        cachedQuery(db, QStringLiteral("DELETE FROM client_sessions WHERE client_id = ? AND verified_browser_id = ?"));
    sessions.addBindValue(clientId);
    sessions.addBindValue(browserId);
    if (auto n = execCount(sessions, QStringLiteral("cannot end sessions")); !n)
        return n.error();
    auto &q = cachedQuery(db, QStringLiteral("DELETE FROM verified_browsers WHERE client_id = ? AND id = ?"));
    q.addBindValue(clientId);
    q.addBindValue(browserId);
    auto n = execCount(q, QStringLiteral("cannot end a verified browser"));
    if (!n)
        return n.error();
    return *n > 0;
}

Result<int> SessionStore::endBrowsers(QSqlDatabase &db, qint64 clientId)
{
    auto &sessions = cachedQuery(
        db, QStringLiteral("DELETE FROM client_sessions WHERE client_id = ? AND verified_browser_id IS NOT NULL"));
    sessions.addBindValue(clientId);
    if (auto n = execCount(sessions, QStringLiteral("cannot end sessions")); !n)
        return n.error();
    auto &q = cachedQuery(db, QStringLiteral("DELETE FROM verified_browsers WHERE client_id = ?"));
    q.addBindValue(clientId);
    return execCount(q, QStringLiteral("cannot end verified browsers"));
}

Result<qint64> SessionStore::insertCode(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QString &purpose,
                                        const QString &keyId, const QString &nonce, const QString &codeHmac,
                                        const QDateTime &now, const QDateTime &expiresAt)
{
    auto &q = cachedQuery(db, QStringLiteral("INSERT INTO short_codes (client_id, session_id, purpose, key_id, nonce, "
                                             "code_hmac, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(clientId);
    q.addBindValue(idOrNull(sessionId));
    q.addBindValue(purpose);
    q.addBindValue(keyId);
    q.addBindValue(nonce);
    q.addBindValue(codeHmac);
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(expiresAt));
    if (!q.exec())
        return storageError(QStringLiteral("cannot store a code"), q);
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

namespace {

// The row of a short-code SELECT (id, session, key id, nonce, HMAC, attempts, expiry).
std::optional<SessionStore::ShortCode> shortCodeOf(QSqlQuery &q)
{
    std::optional<SessionStore::ShortCode> code;
    if (q.next())
        code = SessionStore::ShortCode{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                                       q.value(3).toString(),   q.value(4).toString(),   q.value(5).toInt(),
                                       timeOf(q.value(6))};
    q.finish();
    return code;
}

} // namespace

Result<std::optional<SessionStore::ShortCode>> SessionStore::latestCode(QSqlDatabase &db, qint64 clientId,
                                                                        const QString &purpose, qint64 sessionId)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, COALESCE(session_id, 0), key_id, nonce, code_hmac, "
                                             "attempts, expires_at FROM short_codes WHERE client_id = ? AND "
                                             "purpose = ? AND confirmed_at IS NULL AND (? = 0 OR session_id = ?) "
                                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(clientId);
    q.addBindValue(purpose);
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a code"), q);
    return shortCodeOf(q);
}

Result<std::optional<SessionStore::ShortCode>> SessionStore::codeByNonce(QSqlDatabase &db, qint64 clientId,
                                                                         const QString &purpose, const QString &nonce)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT id, COALESCE(session_id, 0), key_id, nonce, code_hmac, "
                                             "attempts, expires_at FROM short_codes WHERE client_id = ? AND "
                                             "purpose = ? AND nonce = ? AND confirmed_at IS NULL "
                                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(clientId);
    q.addBindValue(purpose);
    q.addBindValue(nonce);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up a code"), q);
    return shortCodeOf(q);
}

Result<int> SessionStore::countCodes(QSqlDatabase &db, qint64 sessionId, const QString &purpose)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT count(*) FROM short_codes WHERE session_id = ? AND purpose = ?"));
    q.addBindValue(sessionId);
    q.addBindValue(purpose);
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot count codes"), q);
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<void> SessionStore::recordWrongCode(QSqlDatabase &db, qint64 codeId)
{
    auto &q = cachedQuery(db, QStringLiteral("UPDATE short_codes SET attempts = attempts + 1 WHERE id = ?"));
    q.addBindValue(codeId);
    if (auto n = execCount(q, QStringLiteral("cannot count a wrong code")); !n)
        return n.error();
    return {};
}

Result<void> SessionStore::confirmCode(QSqlDatabase &db, qint64 codeId, const QDateTime &now)
{
    auto &q = cachedQuery(db, QStringLiteral("UPDATE short_codes SET confirmed_at = ? WHERE id = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(codeId);
    if (auto n = execCount(q, QStringLiteral("cannot confirm a code")); !n)
        return n.error();
    return {};
}

Result<std::optional<SessionStore::ClientAccess>> SessionStore::clientAccess(QSqlDatabase &db, qint64 clientId)
{
    auto &q = cachedQuery(db, ClientAccessColumns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(clientId);
    return readClient(q);
}

Result<std::optional<SessionStore::ClientAccess>> SessionStore::clientByEmail(QSqlDatabase &db, const QString &email)
{
    // Several rows may share an address (two matters); the newest live one wins.
    auto &q = cachedQuery(db, ClientAccessColumns + QStringLiteral("WHERE email = ? AND deleted = 0 AND status IN "
                                                                   "('invited', 'active') ORDER BY id DESC LIMIT 1"));
    q.addBindValue(email);
    return readClient(q);
}

Result<void> SessionStore::recordClientAccess(QSqlDatabase &db, qint64 clientId, const QDateTime &now,
                                              const QString &address, const QString &device)
{
    auto seq = nextChangeSeq(db);
    if (!seq)
        return seq.error();
    auto &q = cachedQuery(db, QStringLiteral("UPDATE clients SET last_access_at = ?, last_access_address = ?, "
                                             "last_access_device = ?, status = CASE WHEN status = 'invited' THEN "
                                             "'active' ELSE status END, version = version + 1, change_seq = ?, "
                                             "updated_at = ? WHERE id = ?"));
    const QString nowText = toWireTime(now);
    q.addBindValue(nowText);
    q.addBindValue(address);
    q.addBindValue(device);
    q.addBindValue(*seq);
    q.addBindValue(nowText);
    q.addBindValue(clientId);
    if (auto n = execCount(q, QStringLiteral("cannot record the client's access")); !n)
        return n.error();
    return {};
}

Result<void> SessionStore::setClientStatus(QSqlDatabase &db, qint64 clientId, const QString &status,
                                           const QDateTime &now)
{
    auto seq = nextChangeSeq(db);
    if (!seq)
        return seq.error();
    auto &q = cachedQuery(db, QStringLiteral("UPDATE clients SET status = ?, version = version + 1, change_seq = ?, "
                                             "updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(*seq);
    q.addBindValue(toWireTime(now));
    q.addBindValue(clientId);
    if (auto n = execCount(q, QStringLiteral("cannot change the client's status")); !n)
        return n.error();
    return {};
}

Result<void> SessionStore::bumpClient(QSqlDatabase &db, qint64 clientId, const QDateTime &now)
{
    auto seq = nextChangeSeq(db);
    if (!seq)
        return seq.error();
    auto &q = cachedQuery(
        db, QStringLiteral("UPDATE clients SET version = version + 1, change_seq = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(*seq);
    q.addBindValue(toWireTime(now));
    q.addBindValue(clientId);
    if (auto n = execCount(q, QStringLiteral("cannot update the client")); !n)
        return n.error();
    return {};
}

Result<qint64> SessionStore::countOpen(QSqlDatabase &db, const QDateTime &now, const QDateTime &idleCutoff)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM client_sessions WHERE expires_at > ? AND last_seen_at > ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(toWireTime(idleCutoff));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot count open sessions"), q);
    return q.value(0).toLongLong();
}

} // namespace Gatehouse::Server
