// SPDX-License-Identifier: Apache-2.0
#include "portaltypes.h"

namespace Gatehouse {

AccessEntry AccessEntry::fromJson(const QJsonObject &json, const QString &sinceKey)
{
    AccessEntry e;
    e.id = json.value(QStringLiteral("id")).toInteger();
    e.since = fromWireTime(json.value(sinceKey).toString());
    e.lastSeenAt = fromWireTime(json.value(QStringLiteral("last_seen_at")).toString());
    e.address = json.value(QStringLiteral("address")).toString();
    e.device = json.value(QStringLiteral("device")).toString();
    return e;
}

DocumentInfo DocumentInfo::fromJson(const QJsonObject &json)
{
    DocumentInfo d;
    d.id = json.value(QStringLiteral("id")).toInteger();
    d.name = json.value(QStringLiteral("name")).toString();
    d.size = json.value(QStringLiteral("size")).toInteger();
    d.contentType = json.value(QStringLiteral("content_type")).toString();
    d.createdAt = fromWireTime(json.value(QStringLiteral("created_at")).toString());
    return d;
}

OutboxMessage OutboxMessage::fromJson(const QJsonObject &json)
{
    OutboxMessage m;
    m.id = json.value(QStringLiteral("id")).toInteger();
    m.to = json.value(QStringLiteral("to")).toString();
    m.templateName = json.value(QStringLiteral("template")).toString();
    m.state = json.value(QStringLiteral("state")).toString();
    m.attempts = json.value(QStringLiteral("attempts")).toInt();
    // null and absent both read as "no time" (an invalid QDateTime).
    m.nextAttemptAt = fromWireTime(json.value(QStringLiteral("next_attempt_at")).toString());
    m.lastError = json.value(QStringLiteral("last_error")).toString();
    m.createdAt = fromWireTime(json.value(QStringLiteral("created_at")).toString());
    m.sentAt = fromWireTime(json.value(QStringLiteral("sent_at")).toString());
    return m;
}

} // namespace Gatehouse
