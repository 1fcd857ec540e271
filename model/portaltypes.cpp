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

} // namespace Gatehouse
