// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One entry of the tamper-evident audit log (SPEC F14, R4). The server appends them;
// the desktop app syncs them and re-verifies the hash chain. Both ends hash the same
// canonical form, defined here once.
namespace Gatehouse {

namespace AuditType {
// Magic links and codes
inline constexpr QLatin1StringView TokenIssued{"token.issued"};
inline constexpr QLatin1StringView TokenConsumed{"token.consumed"};
inline constexpr QLatin1StringView TokenRejected{
    "token.rejected"}; // details.reason: used|expired|unknown|revoked|purpose
inline constexpr QLatin1StringView TokenScannerHit{"token.scanner_hit"};
// Client sessions and browsers
inline constexpr QLatin1StringView SessionStarted{"session.started"};
inline constexpr QLatin1StringView SessionEnded{"session.ended"};
inline constexpr QLatin1StringView BrowserVerified{"browser.verified"};
inline constexpr QLatin1StringView BrowserVerificationEnded{"browser.verification_ended"};
// Staff actions on clients
inline constexpr QLatin1StringView ClientCreated{"client.created"};
inline constexpr QLatin1StringView ClientUpdated{"client.updated"};
inline constexpr QLatin1StringView ClientDeleted{"client.deleted"};
inline constexpr QLatin1StringView ClientInvited{"client.invited"};
inline constexpr QLatin1StringView LinkRegenerated{"client.link_regenerated"};
inline constexpr QLatin1StringView AccessRevoked{"client.access_revoked"};
inline constexpr QLatin1StringView SessionsEnded{"client.sessions_ended"};
inline constexpr QLatin1StringView RequireSignInChanged{"client.require_sign_in_changed"};
inline constexpr QLatin1StringView PhoneConfirmationChanged{"client.phone_confirmation_changed"};
inline constexpr QLatin1StringView PhoneCodeConfirmed{"client.phone_code_confirmed"};
inline constexpr QLatin1StringView DocumentAdded{"document.added"};
inline constexpr QLatin1StringView DocumentRemoved{"document.removed"};
inline constexpr QLatin1StringView DocumentSent{"document.sent"}; // a new link mailed to the client
// A client (or a mail scanner: details.likely_scanner) fetched a document; details.via: hub|link
inline constexpr QLatin1StringView DocumentDownloaded{"document.downloaded"};
// Staff accounts
inline constexpr QLatin1StringView StaffSignInSucceeded{"staff.sign_in_succeeded"};
inline constexpr QLatin1StringView StaffSignInFailed{"staff.sign_in_failed"};
inline constexpr QLatin1StringView StaffSignedOut{"staff.signed_out"};
inline constexpr QLatin1StringView StaffCreated{"staff.created"};
inline constexpr QLatin1StringView StaffUpdated{"staff.updated"};
// Mail
inline constexpr QLatin1StringView MailQueued{"mail.queued"};
inline constexpr QLatin1StringView MailDeadLettered{"mail.dead_lettered"};
inline constexpr QLatin1StringView MailRetried{"mail.retried"}; // an admin re-queued a dead message
} // namespace AuditType

struct AuditEvent
{
    qint64 id = 0;
    QDateTime time; // UTC, millisecond precision
    QString type;
    QString actorKind; // "staff", "client", "system" or "anonymous"
    qint64 actorId = 0;
    QString actorLabel; // staff email or client name; never a secret
    qint64 clientId = 0;
    QString address;
    QString userAgent;
    QJsonObject details; // never a secret
    QString prevHash;    // hex SHA-256 of the previous entry (64 zeros for the first)
    QString hash;        // hex SHA-256(prevHash ‖ canonical())

    // The exact bytes that are hashed: a compact JSON array in a fixed field order;
    // QJsonObject keeps details' keys sorted, so the form is deterministic.
    QByteArray canonical() const;
    // SHA-256 over prevHash (as its 64 hex characters) followed by canonical().
    QString computeHash() const;

    QJsonObject toJson() const;
    static Result<AuditEvent> fromJson(const QJsonObject &json);

    static QString genesisHash() { return QString(64, u'0'); }
};

} // namespace Gatehouse
