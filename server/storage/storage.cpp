// SPDX-License-Identifier: Apache-2.0
#include "storage.h"

#include "clock.h"
#include "common/errorcode.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromWireTime(v.toString());
}

const QString StaffColumns = QStringLiteral("s.id, s.email, s.name, s.role, s.disabled, s.totp_secret IS NOT NULL");

StaffMember staffFrom(const QSqlQuery &q, int first = 0)
{
    StaffMember m;
    m.id = q.value(first).toLongLong();
    m.email = q.value(first + 1).toString();
    m.name = q.value(first + 2).toString();
    m.role = roleFromName(q.value(first + 3).toString()).value_or(StaffRole::Paralegal);
    m.disabled = q.value(first + 4).toBool();
    m.totpEnrolled = q.value(first + 5).toBool();
    return m;
}

const QString ClientColumns = QStringLiteral(
    "c.id, c.name, c.email, c.matter, c.partner_id, p.name, c.status, c.require_sign_in, c.phone_confirmation, "
    "c.version, c.change_seq, c.deleted, c.created_at, c.updated_at, c.last_access_at, c.last_access_address, "
    "c.last_access_device");
const QString ClientFrom = QStringLiteral(" FROM clients c LEFT JOIN staff p ON p.id = c.partner_id ");

ClientRecord clientFrom(const QSqlQuery &q)
{
    ClientRecord c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.email = q.value(2).toString();
    c.matter = q.value(3).toString();
    c.partnerId = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
    c.partnerName = q.value(5).toString();
    c.status = statusFromName(q.value(6).toString()).value_or(ClientStatus::Draft);
    c.requireSignIn = q.value(7).toBool();
    c.phoneConfirmation = q.value(8).toBool();
    c.version = q.value(9).toLongLong();
    c.changeSeq = q.value(10).toLongLong();
    c.deleted = q.value(11).toBool();
    c.createdAt = timeOf(q.value(12));
    c.updatedAt = timeOf(q.value(13));
    c.lastAccessAt = timeOf(q.value(14));
    c.lastAccessAddress = q.value(15).toString();
    c.lastAccessDevice = q.value(16).toString();
    return c;
}

// Rolls back unless commit() succeeded, so every early return is safe.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) { m_open = m_db.transaction(); }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = !m_db.commit();
        return !m_open;
    }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace

Result<std::optional<Storage::StaffCredentials>> Storage::findStaffByEmail(const QString &email) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT ") + StaffColumns +
              QStringLiteral(", s.password_hash FROM staff s WHERE s.email = ?"));
    q.addBindValue(email);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up staff"), q.lastError());
    if (!q.next())
        return std::optional<StaffCredentials>();
    return std::optional<StaffCredentials>(StaffCredentials{staffFrom(q), q.value(6).toString()});
}

Result<std::optional<StaffMember>> Storage::findStaffById(qint64 id) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT ") + StaffColumns + QStringLiteral(" FROM staff s WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up staff"), q.lastError());
    if (!q.next())
        return std::optional<StaffMember>();
    return std::optional<StaffMember>(staffFrom(q));
}

Result<StaffMember> Storage::insertStaff(const QString &email, const QString &name, StaffRole role,
                                         const QString &passwordHash) const
{
    auto existing = findStaffByEmail(email);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{QString(ErrorCode::Conflict),
                     QStringLiteral("a staff account with email %1 already exists").arg(email)};
    auto db = m_database.connection();
    const auto now = toWireTime(Clock::now());
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("INSERT INTO staff (email, name, role, password_hash, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(email);
    q.addBindValue(name);
    q.addBindValue(roleName(role));
    q.addBindValue(passwordHash);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storageError(QStringLiteral("cannot create staff account"), q.lastError());
    StaffMember m;
    m.id = q.lastInsertId().toLongLong();
    m.email = email;
    m.name = name;
    m.role = role;
    return m;
}

Result<bool> Storage::anyAdminExists() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff WHERE role = ?)"));
    q.addBindValue(roleName(StaffRole::Admin));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot look up admins"), q.lastError());
    return q.value(0).toBool();
}

Result<void> Storage::insertApiToken(const NewApiToken &token) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("INSERT INTO staff_api_tokens (staff_id, token_hash, created_at, expires_at, user_agent, "
                             "address) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(token.staffId);
    q.addBindValue(token.tokenHash);
    q.addBindValue(toWireTime(token.createdAt));
    q.addBindValue(toWireTime(token.expiresAt));
    q.addBindValue(textOrNull(token.userAgent));
    q.addBindValue(textOrNull(token.address));
    if (!q.exec())
        return storageError(QStringLiteral("cannot store API token"), q.lastError());
    return {};
}

Result<std::optional<Storage::TokenOwner>> Storage::findLiveToken(const QString &tokenHash, const QDateTime &now) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(
        QStringLiteral("SELECT t.id, ") + StaffColumns +
        QStringLiteral(" FROM staff_api_tokens t JOIN staff s ON s.id = t.staff_id "
                       "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND s.disabled = 0"));
    q.addBindValue(tokenHash);
    q.addBindValue(toWireTime(now));
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up API token"), q.lastError());
    if (!q.next())
        return std::optional<TokenOwner>();
    return std::optional<TokenOwner>(TokenOwner{q.value(0).toLongLong(), staffFrom(q, 1)});
}

Result<void> Storage::touchApiToken(qint64 tokenId, const QDateTime &now) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE staff_api_tokens SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(tokenId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot update API token"), q.lastError());
    return {};
}

Result<void> Storage::revokeApiToken(qint64 tokenId, const QDateTime &now) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE staff_api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(tokenId);
    if (!q.exec())
        return storageError(QStringLiteral("cannot revoke API token"), q.lastError());
    return {};
}

Result<ClientRecord> Storage::insertClient(const NewClient &client) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    Transaction tx(*db);
    if (!tx.isOpen())
        return storageError(QStringLiteral("cannot start transaction"), db->lastError());
    auto id = insertClientIn(*db, client);
    if (!id)
        return id.error();
    if (!tx.commit())
        return storageError(QStringLiteral("cannot commit client"), db->lastError());
    auto created = findClient(*id);
    if (!created)
        return created.error();
    if (!created->has_value())
        return Error{QString(ErrorCode::StorageError), QStringLiteral("client %1 vanished after insert").arg(*id)};
    return std::move(**created);
}

Result<qint64> Storage::insertClientIn(QSqlDatabase &db, const NewClient &client) const
{
    // Taking the next change number is the transaction's first statement, so it takes
    // SQLite's write lock at once (waiting per busy_timeout) instead of failing on a
    // read-to-write upgrade; the number and the row commit together.
    QSqlQuery seq(db);
    if (!seq.exec(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value")) ||
        !seq.next())
        return storageError(QStringLiteral("cannot take a change number"), seq.lastError());
    const qint64 changeSeq = seq.value(0).toLongLong();
    seq.finish();

    const auto now = toWireTime(Clock::now());
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO clients (name, email, matter, partner_id, require_sign_in, phone_confirmation, "
                       "version, change_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"));
    q.addBindValue(client.name);
    q.addBindValue(client.email);
    q.addBindValue(client.matter);
    q.addBindValue(client.partnerId > 0 ? QVariant(client.partnerId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(client.requireSignIn ? 1 : 0);
    q.addBindValue(client.phoneConfirmation ? 1 : 0);
    q.addBindValue(changeSeq);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storageError(QStringLiteral("cannot insert client"), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<std::optional<ClientRecord>> Storage::findClient(qint64 id) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT ") + ClientColumns + ClientFrom + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot look up client"), q.lastError());
    if (!q.next())
        return std::optional<ClientRecord>();
    return std::optional<ClientRecord>(clientFrom(q));
}

Result<Storage::ClientChanges> Storage::clientsChangedAfter(qint64 afterSeq, int limit) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    // One row more than asked tells whether another page follows without a COUNT.
    q.prepare(QStringLiteral("SELECT ") + ClientColumns + ClientFrom +
              QStringLiteral("WHERE c.change_seq > ? ORDER BY c.change_seq LIMIT ?"));
    q.addBindValue(afterSeq);
    q.addBindValue(limit + 1);
    if (!q.exec())
        return storageError(QStringLiteral("cannot list clients"), q.lastError());
    ClientChanges changes;
    while (q.next()) {
        if (changes.clients.size() == limit) {
            changes.hasMore = true;
            break;
        }
        changes.clients.append(clientFrom(q));
    }
    return changes;
}

Result<qint64> Storage::countClients() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM clients")) || !q.next())
        return storageError(QStringLiteral("cannot count clients"), q.lastError());
    return q.value(0).toLongLong();
}

} // namespace Gatehouse::Server
