// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// The SQL behind the mail outbox (table mail_outbox, migration 0004). Writes run in
// the caller's write transaction on `db`. Claims are conditional updates inside that
// transaction, so two senders (threads or processes) can never hold one message.
class OutboxStore
{
public:
    struct NewMessage
    {
        QString templateName;
        QString toAddress;
        qint64 clientId = 0;
        QString messageId;
        QString keyId;
        QByteArray sealed; // MailCipher::seal() of the MIME message
        QDateTime now;
    };

    // What admins see (never the body).
    struct Summary
    {
        qint64 id = 0;
        QString toAddress;
        QString templateName;
        QString state; // queued | sending | retrying | sent | dead
        int attempts = 0;
        QDateTime nextAttemptAt;
        QString lastError;
        QDateTime createdAt;
        QDateTime sentAt;
        qint64 clientId = 0;
    };

    // A message a sender now holds until `claimedUntil`.
    struct Claimed
    {
        qint64 id = 0;
        QString toAddress;
        QString templateName;
        qint64 clientId = 0;
        int attempts = 0; // including this one
        QString keyId;
        QByteArray sealed;
        QDateTime queuedAt;
    };

    static Result<qint64> insert(QSqlDatabase &db, const NewMessage &message);
    // Messages queued since `since` (the hourly budget, B3).
    static Result<int> countCreatedSince(QSqlDatabase &db, const QDateTime &since);
    // When the oldest message queued since `since` was queued (invalid when none was).
    static Result<QDateTime> oldestCreatedSince(QSqlDatabase &db, const QDateTime &since);

    // The next due message (queued/retrying and due, or a sending claim whose lease ran
    // out because its sender died), now claimed by `claimer` until `leaseUntil`.
    static Result<std::optional<Claimed>> claimNext(QSqlDatabase &db, const QDateTime &now, const QString &claimer,
                                                    const QDateTime &leaseUntil);
    // Each finish only applies while `claimer` still holds the claim; false otherwise.
    static Result<bool> markSent(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &now);
    static Result<bool> markRetry(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &nextAttemptAt,
                                  const QString &error, bool countAttempt);
    static Result<bool> markDead(QSqlDatabase &db, qint64 id, const QString &claimer, const QDateTime &now,
                                 const QString &error);

    // Newest first; `state` empty for all.
    static Result<QList<Summary>> list(QSqlDatabase &db, const QString &state, int limit);
    static Result<std::optional<Summary>> find(QSqlDatabase &db, qint64 id);
    // dead → queued with a fresh attempt budget; false when the message is not dead.
    static Result<bool> requeueDead(QSqlDatabase &db, qint64 id, const QDateTime &now);
    // The earliest next_attempt_at of anything waiting (the sender sleeps until then).
    static Result<std::optional<QDateTime>> nextDue(QSqlDatabase &db);

    // For /metrics: messages still to send (queued, retrying, sending) and dead letters.
    struct Backlog
    {
        qint64 pending = 0;
        qint64 dead = 0;
    };
    static Result<Backlog> backlog(QSqlDatabase &db);
    // For /readyz: claimed messages whose lease ended before `leaseEndedBefore`, and
    // waiting messages due before `dueBefore`. Both counts use the (state,
    // next_attempt_at) index; claimed rows are few.
    struct Stall
    {
        qint64 abandoned = 0;
        qint64 overdue = 0;
    };
    static Result<Stall> stall(QSqlDatabase &db, const QDateTime &leaseEndedBefore, const QDateTime &dueBefore);
};

} // namespace Gatehouse::Server
