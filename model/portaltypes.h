// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "common/auditevent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// Shapes of the staff API v1 additions the desktop app reads (docs/api.md). The
// server builds them in its own code; these are only the desktop's readers.
namespace Gatehouse {

// An open client session or a verified browser: a small public row id, never the secret.
struct AccessEntry
{
    qint64 id = 0;
    QDateTime since; // created_at (session) or verified_at (browser), UTC
    QDateTime lastSeenAt;
    QString address;
    QString device;

    static AccessEntry fromJson(const QJsonObject &json, const QString &sinceKey);
};

struct DocumentInfo
{
    qint64 id = 0;
    QString name;
    qint64 size = 0;
    QString contentType;
    QDateTime createdAt;

    static DocumentInfo fromJson(const QJsonObject &json);
};

// A freshly issued magic link: shown once, never stored by the app.
struct IssuedLink
{
    QString portalUrl;
    QDateTime expiresAt;
    ClientRecord client;
};

struct UploadedDocument
{
    DocumentInfo document;
    QString documentUrl;
};

// An email as the server would send it, rendered from its real template (invite
// preview): what staff see is what the client gets.
struct MailPreview
{
    QString subject;
    QString text;
    QString html;
};

struct AuditPage
{
    QList<AuditEvent> events;
    bool hasMore = false;
};

// A started two-step sign-in enrolment: shown once to be scanned, never stored by the app.
struct TotpEnrolment
{
    QString secret;     // base32
    QString otpauthUri; // otpauth://totp/...
};

struct NewStaff
{
    StaffMember staff;
    QString initialPassword; // only when the server generated one
};

// One message of the server's mail outbox (GET /mail/outbox, admins): who it goes to,
// which template, and where it stands. The body is never part of the answer.
struct OutboxMessage
{
    qint64 id = 0;
    QString to;
    QString templateName; // invite, sign_in, new_sign_in, verify_browser, phone_code, test
    QString state;        // queued, sending, retrying, sent, dead
    int attempts = 0;
    QDateTime nextAttemptAt; // UTC; invalid unless waiting
    QString lastError;
    QDateTime createdAt;
    QDateTime sentAt;

    static OutboxMessage fromJson(const QJsonObject &json);
};

// Query of GET /audit (used live for a client's recent events and for sync).
struct AuditQuery
{
    qint64 afterId = -1; // >= 0: oldest first from here (sync order)
    qint64 beforeId = 0;
    int limit = 200;
    qint64 clientId = 0;
    QString type;
};

} // namespace Gatehouse
