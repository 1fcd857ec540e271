// SPDX-License-Identifier: Apache-2.0
#include "apitypes.h"

#include "errorcode.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Gatehouse {

namespace {

Error shapeError(const char *what)
{
    return Error{QString(ErrorCode::NotAGatehouseServer),
                 QStringLiteral("The server sent an unexpected answer (%1). Check that the URL points to a Gatehouse "
                                "portal server of a matching version.")
                     .arg(QLatin1StringView(what))};
}

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toWireTime(t)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString roleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Admin:
        return QStringLiteral("admin");
    case StaffRole::Partner:
        return QStringLiteral("partner");
    case StaffRole::Paralegal:
        break;
    }
    return QStringLiteral("paralegal");
}

std::optional<StaffRole> roleFromName(QStringView name)
{
    if (name == u"admin")
        return StaffRole::Admin;
    if (name == u"partner")
        return StaffRole::Partner;
    if (name == u"paralegal")
        return StaffRole::Paralegal;
    return std::nullopt;
}

QString statusName(ClientStatus status)
{
    switch (status) {
    case ClientStatus::Invited:
        return QStringLiteral("invited");
    case ClientStatus::Active:
        return QStringLiteral("active");
    case ClientStatus::Revoked:
        return QStringLiteral("revoked");
    case ClientStatus::Expired:
        return QStringLiteral("expired");
    case ClientStatus::Draft:
        break;
    }
    return QStringLiteral("draft");
}

std::optional<ClientStatus> statusFromName(QStringView name)
{
    for (auto s : {ClientStatus::Draft, ClientStatus::Invited, ClientStatus::Active, ClientStatus::Revoked,
                   ClientStatus::Expired}) {
        if (name == statusName(s))
            return s;
    }
    return std::nullopt;
}

QString toWireTime(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromWireTime(const QString &text)
{
    auto t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonObject StaffMember::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("role"), roleName(role)},
                       {QStringLiteral("disabled"), disabled},
                       {QStringLiteral("totp_enrolled"), totpEnrolled}};
}

QJsonObject ServerInfo::toJson() const
{
    return {{QStringLiteral("version"), version}, {QStringLiteral("schema"), schema}, {QStringLiteral("firm"), firm}};
}

Result<ServerInfo> ServerInfo::fromJson(const QJsonObject &json)
{
    const auto version = json.value(QStringLiteral("version"));
    const auto schema = json.value(QStringLiteral("schema"));
    const auto firm = json.value(QStringLiteral("firm"));
    if (!version.isString() || !schema.isDouble() || !(firm.isUndefined() || firm.isString()))
        return shapeError("server information");
    return ServerInfo{version.toString(), schema.toInt(), firm.toString()};
}

Result<StaffMember> StaffMember::fromJson(const QJsonObject &json)
{
    StaffMember m;
    const auto id = json.value(QStringLiteral("id"));
    const auto email = json.value(QStringLiteral("email"));
    const auto role = roleFromName(json.value(QStringLiteral("role")).toString());
    if (!id.isDouble() || !email.isString() || !role)
        return shapeError("staff member");
    m.id = id.toInteger();
    m.email = email.toString();
    m.name = json.value(QStringLiteral("name")).toString();
    m.role = *role;
    m.disabled = json.value(QStringLiteral("disabled")).toBool();
    m.totpEnrolled = json.value(QStringLiteral("totp_enrolled")).toBool();
    return m;
}

QJsonObject ClientRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("email"), email},
        {QStringLiteral("matter"), matter},
        {QStringLiteral("partner_id"), partnerId > 0 ? QJsonValue(partnerId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("partner_name"), stringOrNull(partnerName)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("require_sign_in"), requireSignIn},
        {QStringLiteral("phone_confirmation"), phoneConfirmation},
        {QStringLiteral("version"), version},
        {QStringLiteral("change_seq"), changeSeq},
        {QStringLiteral("deleted"), deleted},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("updated_at"), timeOrNull(updatedAt)},
        {QStringLiteral("last_access_at"), timeOrNull(lastAccessAt)},
        {QStringLiteral("last_access_address"), stringOrNull(lastAccessAddress)},
        {QStringLiteral("last_access_device"), stringOrNull(lastAccessDevice)},
        {QStringLiteral("open_sessions"), openSessions},
    };
}

Result<ClientRecord> ClientRecord::fromJson(const QJsonObject &json)
{
    ClientRecord c;
    const auto id = json.value(QStringLiteral("id"));
    const auto status = statusFromName(json.value(QStringLiteral("status")).toString());
    if (!id.isDouble() || !json.value(QStringLiteral("name")).isString() || !status)
        return shapeError("client");
    c.id = id.toInteger();
    c.name = json.value(QStringLiteral("name")).toString();
    c.email = json.value(QStringLiteral("email")).toString();
    c.matter = json.value(QStringLiteral("matter")).toString();
    c.partnerId = json.value(QStringLiteral("partner_id")).toInteger(0);
    c.partnerName = json.value(QStringLiteral("partner_name")).toString();
    c.status = *status;
    c.requireSignIn = json.value(QStringLiteral("require_sign_in")).toBool();
    c.phoneConfirmation = json.value(QStringLiteral("phone_confirmation")).toBool();
    c.version = json.value(QStringLiteral("version")).toInteger(1);
    c.changeSeq = json.value(QStringLiteral("change_seq")).toInteger(0);
    c.deleted = json.value(QStringLiteral("deleted")).toBool();
    c.createdAt = fromWireTime(json.value(QStringLiteral("created_at")).toString());
    c.updatedAt = fromWireTime(json.value(QStringLiteral("updated_at")).toString());
    c.lastAccessAt = fromWireTime(json.value(QStringLiteral("last_access_at")).toString());
    c.lastAccessAddress = json.value(QStringLiteral("last_access_address")).toString();
    c.lastAccessDevice = json.value(QStringLiteral("last_access_device")).toString();
    c.openSessions = json.value(QStringLiteral("open_sessions")).toInt();
    return c;
}

QJsonObject ClientPage::toJson() const
{
    QJsonArray rows;
    for (const auto &c : clients)
        rows.append(c.toJson());
    return QJsonObject{{QStringLiteral("clients"), rows},
                       {QStringLiteral("next_cursor"), nextCursor},
                       {QStringLiteral("has_more"), hasMore}};
}

Result<ClientPage> ClientPage::fromJson(const QJsonObject &json)
{
    const auto rows = json.value(QStringLiteral("clients"));
    if (!rows.isArray() || !json.value(QStringLiteral("next_cursor")).isString())
        return shapeError("client page");
    ClientPage page;
    for (const auto &row : rows.toArray()) {
        auto c = ClientRecord::fromJson(row.toObject());
        if (!c)
            return c.error();
        page.clients.append(std::move(c).value());
    }
    page.nextCursor = json.value(QStringLiteral("next_cursor")).toString();
    page.hasMore = json.value(QStringLiteral("has_more")).toBool();
    return page;
}

} // namespace Gatehouse
