// SPDX-License-Identifier: Apache-2.0
#include "outboxstore.h"

#include "common/apitypes.h"
#include "common/errorcode.h"
#include "database.h"
#include "storageerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Gatehouse::Server {

namespace {

const QString SummaryColumns = QStringLiteral(
    "id, to_address, template, state, attempts, next_attempt_at, last_error, created_at, sent_at, client_id");

OutboxStore::Summary summaryOf(const QSqlQuery &q)
{
    OutboxStore::Summary s;
    s.id = q.value(0).toLongLong();
    s.toAddress = q.value(1).toString();
    s.templateName = q.value(2).toString();
    s.state = q.value(3).toString();
    s.attempts = q.value(4).toInt();
    s.nextAttemptAt = fromWireTime(q.value(5).toString());
    s.lastError = q.value(6).toString();
    s.createdAt = fromWireTime(q.value(7).toString());
    s.sentAt = q.value(8).isNull() ? QDateTime() : fromWireTime(q.value(8).toString());
    s.clientId = q.value(9).toLongLong();
    return s;
}

// Last errors come from SMTP servers; keep them short and on one line.
QString shortError(const QString &error)
{
    return error.simplified().left(500);
}

} // namespace

Result<qint64> OutboxStore::insert(QSqlDatabase &db, const NewMessage &m)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO mail_outbox (template, to_address, client_id, state, attempts, next_attempt_at, message_id, "
        "key_id, sealed, created_at, queued_at) VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)"));
    const QString now = toWireTime(m.now);
    q.addBindValue(m.templateName);
    q.addBindValue(m.toAddress);
    q.addBindValue(m.clientId);
    q.addBindValue(now);
    q.addBindValue(m.messageId);
    q.addBindValue(m.keyId);
    q.addBindValue(m.sealed);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return storageError(QStringLiteral("cannot queue mail"), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<int> OutboxStore::countCreatedSince(QSqlDatabase &db, const QDateTime &since)
{
    // Prepared once per connection: a consume that mails a new-sign-in notice asks it.
    auto &q = cachedQuery(db, QStringLiteral("SELECT count(*) FROM mail_outbox WHERE created_at >= ?"));
    q.addBindValue(toWireTime(since));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot count queued mail"), q.lastError());
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<QDateTime> OutboxStore::oldestCreatedSince(QSqlDatabase &db, const QDateTime &since)
{
    auto &q = cachedQuery(db, QStringLiteral("SELECT min(created_at) FROM mail_outbox WHERE created_at >= ?"));
    q.addBindValue(toWireTime(since));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot read the mail budget"), q.lastError());
    const QVariant oldest = q.value(0);
    q.finish();
    return oldest.isNull() ? QDateTime() : fromWireTime(oldest.toString());
}

Result<std::optional<OutboxStore::Claimed>> OutboxStore::claimNext(QSqlDatabase &db, const QDateTime &now,
                                                                   const QString &claimer, const QDateTime &leaseUntil)
{
    const QString nowText = toWireTime(now);
    // The whole statement is one conditional update: whoever runs it first (under the
    // database's write lock) gets the row; a second sender finds nothing due.
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE mail_outbox SET state = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
        "WHERE id = (SELECT id FROM mail_outbox WHERE (state IN ('queued', 'retrying') AND next_attempt_at <= ?) "
        "OR (state = 'sending' AND claimed_until <= ?) ORDER BY next_attempt_at, id LIMIT 1) "
        "RETURNING id, to_address, template, client_id, attempts, key_id, sealed, queued_at"));
    q.addBindValue(claimer);
    q.addBindValue(toWireTime(leaseUntil));
    q.addBindValue(nowText);
    q.addBindValue(nowText);
    if (!q.exec())
        return storageError(QStringLiteral("cannot claim queued mail"), q.lastError());
    if (!q.next())
        return std::optional<Claimed>{};
    Claimed c;
    c.id = q.value(0).toLongLong();
    c.toAddress = q.value(1).toString();
    c.templateName = q.value(2).toString();
    c.clientId = q.value(3).toLongLong();
    c.attempts = q.value(4).toInt();
    c.keyId = q.value(5).toString();
    c.sealed = q.value(6).toByteArray();
    c.queuedAt = fromWireTime(q.value(7).toString());
    q.finish();
    return std::optional<Claimed>(std::move(c));
}

Result<bool> OutboxStore::markSent(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &now)
{
    QSqlQuery q(db);
    // The ciphertext goes: a delivered link has no business staying in the database.
    q.prepare(QStringLiteral("UPDATE mail_outbox SET state = 'sent', sent_at = ?, sealed = NULL, claimed_by = NULL, "
                             "claimed_until = NULL, last_error = '' WHERE id = ? AND state = 'sending' AND "
                             "claimed_by = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(id);
    q.addBindValue(claimer);
    if (!q.exec())
        return storageError(QStringLiteral("cannot mark mail as sent"), q.lastError());
    return q.numRowsAffected() == 1;
}

Result<bool> OutboxStore::markRetry(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &nextAttemptAt,
                                    const QString &error, bool countAttempt)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE mail_outbox SET state = 'retrying', next_attempt_at = ?, last_error = ?, "
                             "attempts = attempts - ?, claimed_by = NULL, claimed_until = NULL "
                             "WHERE id = ? AND state = 'sending' AND claimed_by = ?"));
    q.addBindValue(toWireTime(nextAttemptAt));
    q.addBindValue(shortError(error));
    q.addBindValue(countAttempt ? 0 : 1);
    q.addBindValue(id);
    q.addBindValue(claimer);
    if (!q.exec())
        return storageError(QStringLiteral("cannot reschedule mail"), q.lastError());
    return q.numRowsAffected() == 1;
}

Result<bool> OutboxStore::markDead(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &now,
                                   const QString &error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE mail_outbox SET state = 'dead', dead_at = ?, last_error = ?, claimed_by = NULL, "
                             "claimed_until = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?"));
    q.addBindValue(toWireTime(now));
    q.addBindValue(shortError(error));
    q.addBindValue(id);
    q.addBindValue(claimer);
    if (!q.exec())
        return storageError(QStringLiteral("cannot dead-letter mail"), q.lastError());
    return q.numRowsAffected() == 1;
}

Result<QList<OutboxStore::Summary>> OutboxStore::list(QSqlDatabase &db, const QString &state, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (state.isEmpty()) {
        q.prepare(QStringLiteral("SELECT %1 FROM mail_outbox ORDER BY id DESC LIMIT ?").arg(SummaryColumns));
    } else {
        q.prepare(
            QStringLiteral("SELECT %1 FROM mail_outbox WHERE state = ? ORDER BY id DESC LIMIT ?").arg(SummaryColumns));
        q.addBindValue(state);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return storageError(QStringLiteral("cannot list the outbox"), q.lastError());
    QList<Summary> out;
    while (q.next())
        out << summaryOf(q);
    return out;
}

Result<std::optional<OutboxStore::Summary>> OutboxStore::find(QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM mail_outbox WHERE id = ?").arg(SummaryColumns));
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot read the outbox"), q.lastError());
    if (!q.next())
        return std::optional<Summary>{};
    return std::optional<Summary>(summaryOf(q));
}

Result<bool> OutboxStore::requeueDead(QSqlDatabase &db, qint64 id, const QDateTime &now)
{
    QSqlQuery q(db);
    // queued_at restarts the maximum age too, or a retried old message would die at once.
    q.prepare(QStringLiteral("UPDATE mail_outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, "
                             "queued_at = ?, dead_at = NULL WHERE id = ? AND state = 'dead' AND sealed IS NOT NULL"));
    const QString nowText = toWireTime(now);
    q.addBindValue(nowText);
    q.addBindValue(nowText);
    q.addBindValue(id);
    if (!q.exec())
        return storageError(QStringLiteral("cannot requeue mail"), q.lastError());
    return q.numRowsAffected() == 1;
}

Result<std::optional<QDateTime>> OutboxStore::nextDue(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT min(CASE WHEN state = 'sending' THEN claimed_until ELSE next_attempt_at END) "
                               "FROM mail_outbox WHERE state IN ('queued', 'retrying', 'sending')")) ||
        !q.next())
        return storageError(QStringLiteral("cannot read the outbox"), q.lastError());
    if (q.value(0).isNull())
        return std::optional<QDateTime>{};
    return std::optional<QDateTime>(fromWireTime(q.value(0).toString()));
}

Result<OutboxStore::Backlog> OutboxStore::backlog(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM mail_outbox WHERE state IN ('queued', 'retrying', 'sending')), "
            "(SELECT count(*) FROM mail_outbox WHERE state = 'dead')")) ||
        !q.next())
        return storageError(QStringLiteral("cannot count the outbox"), q.lastError());
    return Backlog{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

Result<OutboxStore::Stall> OutboxStore::stall(QSqlDatabase &db, const QDateTime &leaseEndedBefore,
                                              const QDateTime &dueBefore)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT (SELECT count(*) FROM mail_outbox WHERE state = 'sending' AND claimed_until < ?), "
        "(SELECT count(*) FROM mail_outbox WHERE state IN ('queued', 'retrying') AND next_attempt_at < ?)"));
    q.addBindValue(toWireTime(leaseEndedBefore));
    q.addBindValue(toWireTime(dueBefore));
    if (!q.exec() || !q.next())
        return storageError(QStringLiteral("cannot read the outbox"), q.lastError());
    return Stall{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

} // namespace Gatehouse::Server
