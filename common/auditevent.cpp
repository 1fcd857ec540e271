// SPDX-License-Identifier: Apache-2.0
#include "auditevent.h"

#include "apitypes.h"
#include "crypto.h"
#include "errorcode.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gatehouse {

QByteArray AuditEvent::canonical() const
{
    // Changing this form invalidates every stored chain: never reorder or reformat.
    const QJsonArray fields{QJsonValue(id), toWireTime(time),     type,    actorKind, QJsonValue(actorId),
                            actorLabel,     QJsonValue(clientId), address, userAgent, details};
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QString AuditEvent::computeHash() const
{
    const QByteArray input = prevHash.toLatin1() + canonical();
    return Crypto::sha256Hex(input);
}

QJsonObject AuditEvent::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("time"), toWireTime(time)},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("actor_kind"), actorKind},
                       {QStringLiteral("actor_id"), actorId},
                       {QStringLiteral("actor_label"), actorLabel},
                       {QStringLiteral("client_id"), clientId},
                       {QStringLiteral("address"), address},
                       {QStringLiteral("user_agent"), userAgent},
                       {QStringLiteral("details"), details},
                       {QStringLiteral("prev_hash"), prevHash},
                       {QStringLiteral("hash"), hash}};
}

Result<AuditEvent> AuditEvent::fromJson(const QJsonObject &json)
{
    AuditEvent e;
    if (!json.value(QStringLiteral("id")).isDouble() || !json.value(QStringLiteral("type")).isString() ||
        !json.value(QStringLiteral("hash")).isString())
        return Error{QString(ErrorCode::NotAGatehouseServer),
                     QStringLiteral("The server sent an audit event in an unexpected shape.")};
    e.id = json.value(QStringLiteral("id")).toInteger();
    e.time = fromWireTime(json.value(QStringLiteral("time")).toString());
    e.type = json.value(QStringLiteral("type")).toString();
    e.actorKind = json.value(QStringLiteral("actor_kind")).toString();
    e.actorId = json.value(QStringLiteral("actor_id")).toInteger();
    e.actorLabel = json.value(QStringLiteral("actor_label")).toString();
    e.clientId = json.value(QStringLiteral("client_id")).toInteger();
    e.address = json.value(QStringLiteral("address")).toString();
    e.userAgent = json.value(QStringLiteral("user_agent")).toString();
    e.details = json.value(QStringLiteral("details")).toObject();
    e.prevHash = json.value(QStringLiteral("prev_hash")).toString();
    e.hash = json.value(QStringLiteral("hash")).toString();
    return e;
}

} // namespace Gatehouse
