// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The staff API's resources as the server sends them and the desktop app reads them.
// One definition of each JSON shape keeps both ends in step; docs/api.md documents it.
namespace Gatehouse {

enum class StaffRole { Paralegal, Partner, Admin };

QString roleName(StaffRole role);
std::optional<StaffRole> roleFromName(QStringView name);

struct StaffMember
{
    qint64 id = 0;
    QString email;
    QString name;
    StaffRole role = StaffRole::Paralegal;
    bool disabled = false;
    bool totpEnrolled = false;

    QJsonObject toJson() const;
    static Result<StaffMember> fromJson(const QJsonObject &json);
};

// What GET /api/v1/server says of the portal: its program version and database schema
// version (Help → About and the diagnostics report show them).
struct ServerInfo
{
    QString version;
    int schema = 0;
    QString firm; // the firm's name as its pages and mails show it ("" from older servers)

    QJsonObject toJson() const;
    static Result<ServerInfo> fromJson(const QJsonObject &json);
};

// draft → invited → active; revoked and expired are terminal until staff act again.
enum class ClientStatus { Draft, Invited, Active, Revoked, Expired };

QString statusName(ClientStatus status);
std::optional<ClientStatus> statusFromName(QStringView name);

struct ClientRecord
{
    qint64 id = 0;
    QString name;
    QString email;
    QString matter;
    qint64 partnerId = 0; // 0: none assigned
    QString partnerName;
    ClientStatus status = ClientStatus::Draft;
    bool requireSignIn = false;
    bool phoneConfirmation = false;
    qint64 version = 1;     // optimistic concurrency; the ETag is "v<version>"
    qint64 changeSeq = 0;   // server-wide change sequence, the sync cursor
    bool deleted = false;   // a tombstone, so incremental sync can drop the row
    QDateTime createdAt;    // UTC
    QDateTime updatedAt;    // UTC
    QDateTime lastAccessAt; // UTC, invalid when never
    QString lastAccessAddress;
    QString lastAccessDevice; // "Firefox on Windows"
    int openSessions = 0;

    QJsonObject toJson() const;
    static Result<ClientRecord> fromJson(const QJsonObject &json);
};

// One page of the incremental client feed: rows changed after a cursor.
struct ClientPage
{
    QList<ClientRecord> clients;
    QString nextCursor;
    bool hasMore = false;

    QJsonObject toJson() const;
    static Result<ClientPage> fromJson(const QJsonObject &json);
};

// ISO 8601 with milliseconds and a Z, the one time format on the wire.
QString toWireTime(const QDateTime &utc);
QDateTime fromWireTime(const QString &text);

} // namespace Gatehouse
