// SPDX-License-Identifier: Apache-2.0
// The staff API endpoints of PortalClient (the transport is in portalclient.cpp).
#include "common/errorcode.h"
#include "portalclient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gatehouse {

namespace {

Error incomplete(const char *what)
{
    return Error{QString(ErrorCode::NotAGatehouseServer),
                 PortalClient::tr("The server's answer about %1 is incomplete. Check that the server runs a "
                                  "Gatehouse version that matches this app.")
                     .arg(PortalClient::tr(what))};
}

// Adapts a JSON callback to a typed one; `read` turns the body into the value.
template<typename T, typename F> auto typed(PortalClient::Callback<T> done, F read)
{
    return [done = std::move(done), read = std::move(read)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        done(read(*r));
    };
}

auto voidResult(PortalClient::Callback<void> done)
{
    return [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        done(Result<void>());
    };
}

Result<IssuedLink> readLink(const QJsonObject &json)
{
    IssuedLink link;
    link.portalUrl = json.value(QStringLiteral("portal_url")).toString();
    link.expiresAt = fromWireTime(json.value(QStringLiteral("expires_at")).toString());
    auto client = ClientRecord::fromJson(json.value(QStringLiteral("client")).toObject());
    if (link.portalUrl.isEmpty() || !client)
        return incomplete(QT_TRANSLATE_NOOP("Gatehouse::PortalClient", "the new link"));
    link.client = std::move(client).value();
    return link;
}

Result<ClientRecord> readClientMember(const QJsonObject &json)
{
    // Some answers wrap the client ({"client": {...}}), others are the client itself.
    if (json.value(QStringLiteral("client")).isObject())
        return ClientRecord::fromJson(json.value(QStringLiteral("client")).toObject());
    return ClientRecord::fromJson(json);
}

QList<AccessEntry> readEntries(const QJsonObject &json, const QString &listKey, const QString &sinceKey)
{
    QList<AccessEntry> out;
    const auto list = json.value(listKey).toArray();
    for (const auto &v : list)
        out << AccessEntry::fromJson(v.toObject(), sinceKey);
    return out;
}

int endedCount(const QJsonObject &json)
{
    return json.value(QStringLiteral("ended")).toInt();
}

} // namespace

QString PortalClient::clientPath(qint64 id, const QString &rest)
{
    return QStringLiteral("/api/v1/clients/") + QString::number(id) + rest;
}

void PortalClient::signIn(const QString &email, const QString &password, const QString &totp,
                          Callback<SignInGrant> done)
{
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    if (!totp.isEmpty())
        body.insert(QStringLiteral("totp"), totp);
    sendJson("POST", QStringLiteral("/api/v1/session"), body, [done = std::move(done)](Result<QJsonObject> r) {
        if (!r)
            return done(r.error());
        SignInGrant grant;
        grant.token = r->value(QStringLiteral("token")).toString();
        grant.expiresAt = fromWireTime(r->value(QStringLiteral("expires_at")).toString());
        auto staff = StaffMember::fromJson(r->value(QStringLiteral("staff")).toObject());
        if (grant.token.isEmpty() || !staff)
            return done(incomplete(QT_TR_NOOP("your sign-in")));
        grant.staff = std::move(staff).value();
        done(std::move(grant));
    });
}

void PortalClient::signOut(Callback<void> done)
{
    send("DELETE", QStringLiteral("/api/v1/session"), {}, nullptr, voidResult(std::move(done)));
}

void PortalClient::me(Callback<StaffMember> done)
{
    send("GET", QStringLiteral("/api/v1/me"), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) { return StaffMember::fromJson(j); }));
}

void PortalClient::serverInfo(Callback<ServerInfo> done)
{
    send("GET", QStringLiteral("/api/v1/server"), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) { return ServerInfo::fromJson(j); }));
}

void PortalClient::fetchClients(const QString &cursor, int limit, Callback<ClientPage> done)
{
    Query query;
    if (!cursor.isEmpty())
        query.append({QStringLiteral("cursor"), cursor});
    query.append({QStringLiteral("limit"), QString::number(limit)});
    send("GET", QStringLiteral("/api/v1/clients"), query, nullptr,
         typed(std::move(done), [](const QJsonObject &j) { return ClientPage::fromJson(j); }));
}

void PortalClient::getClient(qint64 id, Callback<ClientRecord> done)
{
    send("GET", clientPath(id), {}, nullptr, typed(std::move(done), readClientMember));
}

void PortalClient::createClient(const ClientRecord &c, Callback<ClientRecord> done)
{
    QJsonObject body{{QStringLiteral("name"), c.name},
                     {QStringLiteral("email"), c.email},
                     {QStringLiteral("matter"), c.matter},
                     {QStringLiteral("require_sign_in"), c.requireSignIn},
                     {QStringLiteral("phone_confirmation"), c.phoneConfirmation}};
    if (c.partnerId > 0)
        body.insert(QStringLiteral("partner_id"), c.partnerId);
    sendJson("POST", QStringLiteral("/api/v1/clients"), body, typed(std::move(done), readClientMember));
}

void PortalClient::updateClient(qint64 id, qint64 version, const QJsonObject &changes, Callback<ClientRecord> done)
{
    Request r{"PATCH",
              clientPath(id),
              {},
              QJsonDocument(changes).toJson(QJsonDocument::Compact),
              QStringLiteral("application/json"),
              {{"If-Match", "\"v" + QByteArray::number(version) + '"'}}};
    send(std::move(r), typed(std::move(done), readClientMember));
}

void PortalClient::deleteClient(qint64 id, Callback<void> done)
{
    send("DELETE", clientPath(id), {}, nullptr, voidResult(std::move(done)));
}

void PortalClient::invite(qint64 id, Callback<IssuedLink> done)
{
    sendJson("POST", clientPath(id, QStringLiteral("/invite")), QJsonObject(), typed(std::move(done), readLink));
}

void PortalClient::regenerate(qint64 id, const QString &reason, bool includeDocuments, Callback<IssuedLink> done)
{
    QJsonObject body{{QStringLiteral("reason"), reason}};
    if (includeDocuments)
        body.insert(QStringLiteral("include_documents"), true);
    sendJson("POST", clientPath(id, QStringLiteral("/regenerate")), body, typed(std::move(done), readLink));
}

void PortalClient::revoke(qint64 id, const QString &reason, Callback<ClientRecord> done)
{
    sendJson("POST", clientPath(id, QStringLiteral("/revoke")), {{QStringLiteral("reason"), reason}},
             typed(std::move(done), readClientMember));
}

void PortalClient::endSessions(qint64 id, const QString &reason, Callback<int> done)
{
    sendJson("POST", clientPath(id, QStringLiteral("/end-sessions")), {{QStringLiteral("reason"), reason}},
             typed(std::move(done), [](const QJsonObject &j) { return Result<int>(endedCount(j)); }));
}

void PortalClient::setRequireSignIn(qint64 id, bool enabled, Callback<ClientRecord> done)
{
    sendJson("PUT", clientPath(id, QStringLiteral("/require-sign-in")), {{QStringLiteral("enabled"), enabled}},
             typed(std::move(done), readClientMember));
}

void PortalClient::setPhoneConfirmation(qint64 id, bool enabled, Callback<ClientRecord> done)
{
    sendJson("PUT", clientPath(id, QStringLiteral("/phone-confirmation")), {{QStringLiteral("enabled"), enabled}},
             typed(std::move(done), readClientMember));
}

void PortalClient::confirmPhoneCode(qint64 id, const QString &code, Callback<void> done)
{
    sendJson("POST", clientPath(id, QStringLiteral("/phone-code")), {{QStringLiteral("code"), code}},
             voidResult(std::move(done)));
}

void PortalClient::sessions(qint64 id, Callback<QList<AccessEntry>> done)
{
    send("GET", clientPath(id, QStringLiteral("/sessions")), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) {
             return Result<QList<AccessEntry>>(
                 readEntries(j, QStringLiteral("sessions"), QStringLiteral("created_at")));
         }));
}

void PortalClient::endSession(qint64 id, qint64 sessionId, Callback<void> done)
{
    send("DELETE", clientPath(id, QStringLiteral("/sessions/") + QString::number(sessionId)), {}, nullptr,
         voidResult(std::move(done)));
}

void PortalClient::browsers(qint64 id, Callback<QList<AccessEntry>> done)
{
    send("GET", clientPath(id, QStringLiteral("/browsers")), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) {
             return Result<QList<AccessEntry>>(
                 readEntries(j, QStringLiteral("browsers"), QStringLiteral("verified_at")));
         }));
}

void PortalClient::forgetBrowser(qint64 id, qint64 browserId, Callback<void> done)
{
    send("DELETE", clientPath(id, QStringLiteral("/browsers/") + QString::number(browserId)), {}, nullptr,
         voidResult(std::move(done)));
}

void PortalClient::forgetAllBrowsers(qint64 id, Callback<int> done)
{
    send("DELETE", clientPath(id, QStringLiteral("/browsers")), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) { return Result<int>(endedCount(j)); }));
}

void PortalClient::documents(qint64 id, Callback<QList<DocumentInfo>> done)
{
    send("GET", clientPath(id, QStringLiteral("/documents")), {}, nullptr,
         typed(std::move(done), [](const QJsonObject &j) {
             QList<DocumentInfo> out;
             const auto list = j.value(QStringLiteral("documents")).toArray();
             for (const auto &v : list)
                 out << DocumentInfo::fromJson(v.toObject());
             return Result<QList<DocumentInfo>>(out);
         }));
}

void PortalClient::uploadDocument(qint64 id, const QString &name, const QString &contentType, const QByteArray &bytes,
                                  Callback<UploadedDocument> done)
{
    Request r{"POST",
              clientPath(id, QStringLiteral("/documents")),
              {{QStringLiteral("name"), name}},
              bytes,
              contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType,
              {}};
    send(std::move(r), typed(std::move(done), [](const QJsonObject &j) {
             UploadedDocument up;
             up.document = DocumentInfo::fromJson(j.value(QStringLiteral("document")).toObject());
             up.documentUrl = j.value(QStringLiteral("document_url")).toString();
             return Result<UploadedDocument>(up);
         }));
}

void PortalClient::removeDocument(qint64 id, qint64 documentId, Callback<void> done)
{
    send("DELETE", clientPath(id, QStringLiteral("/documents/") + QString::number(documentId)), {}, nullptr,
         voidResult(std::move(done)));
}

void PortalClient::sendDocument(qint64 id, qint64 documentId, Callback<void> done)
{
    send("POST", clientPath(id, QStringLiteral("/documents/%1/send").arg(documentId)), {}, nullptr,
         voidResult(std::move(done)));
}

void PortalClient::previewInvite(const QString &name, const QString &email, const QString &matter,
                                 const QString &partner, Callback<MailPreview> done)
{
    sendJson("POST", QStringLiteral("/api/v1/mail/preview/invite"),
             {{QStringLiteral("name"), name},
              {QStringLiteral("email"), email},
              {QStringLiteral("matter"), matter},
              {QStringLiteral("partner"), partner}},
             typed(std::move(done), [](const QJsonObject &j) {
                 return Result<MailPreview>(MailPreview{j.value(QStringLiteral("subject")).toString(),
                                                        j.value(QStringLiteral("text")).toString(),
                                                        j.value(QStringLiteral("html")).toString()});
             }));
}

void PortalClient::audit(const AuditQuery &q, Callback<AuditPage> done)
{
    Query query;
    if (q.afterId >= 0)
        query.append({QStringLiteral("after_id"), QString::number(q.afterId)});
    if (q.beforeId > 0)
        query.append({QStringLiteral("before_id"), QString::number(q.beforeId)});
    if (q.clientId > 0)
        query.append({QStringLiteral("client_id"), QString::number(q.clientId)});
    if (!q.type.isEmpty())
        query.append({QStringLiteral("type"), q.type});
    query.append({QStringLiteral("limit"), QString::number(q.limit)});
    send("GET", QStringLiteral("/api/v1/audit"), query, nullptr, typed(std::move(done), [](const QJsonObject &j) {
             AuditPage page;
             page.hasMore = j.value(QStringLiteral("has_more")).toBool();
             const auto list = j.value(QStringLiteral("events")).toArray();
             for (const auto &v : list) {
                 auto e = AuditEvent::fromJson(v.toObject());
                 if (!e)
                     return Result<AuditPage>(e.error());
                 page.events << std::move(e).value();
             }
             return Result<AuditPage>(page);
         }));
}

void PortalClient::staffList(Callback<QList<StaffMember>> done)
{
    send("GET", QStringLiteral("/api/v1/staff"), {}, nullptr, typed(std::move(done), [](const QJsonObject &j) {
             QList<StaffMember> out;
             const auto list = j.value(QStringLiteral("staff")).toArray();
             for (const auto &v : list) {
                 if (auto s = StaffMember::fromJson(v.toObject()))
                     out << *s;
             }
             return Result<QList<StaffMember>>(out);
         }));
}

void PortalClient::createStaff(const QString &email, const QString &name, StaffRole role, Callback<NewStaff> done)
{
    sendJson(
        "POST", QStringLiteral("/api/v1/staff"),
        {{QStringLiteral("email"), email}, {QStringLiteral("name"), name}, {QStringLiteral("role"), roleName(role)}},
        typed(std::move(done), [](const QJsonObject &j) {
            auto staff = StaffMember::fromJson(j.value(QStringLiteral("staff")).toObject());
            if (!staff)
                return Result<NewStaff>(staff.error());
            return Result<NewStaff>(NewStaff{*staff, j.value(QStringLiteral("initial_password")).toString()});
        }));
}

void PortalClient::updateStaff(qint64 id, const QJsonObject &changes, Callback<StaffMember> done)
{
    sendJson("PATCH", QStringLiteral("/api/v1/staff/") + QString::number(id), changes,
             typed(std::move(done), [](const QJsonObject &j) { return StaffMember::fromJson(j); }));
}

void PortalClient::resetTwoFactor(qint64 id, Callback<StaffMember> done)
{
    sendJson("POST", QStringLiteral("/api/v1/staff/") + QString::number(id) + QStringLiteral("/reset-2fa"),
             QJsonObject(), typed(std::move(done), [](const QJsonObject &j) { return StaffMember::fromJson(j); }));
}

void PortalClient::mailOutbox(const QString &state, int limit, Callback<QList<OutboxMessage>> done)
{
    Query query;
    if (!state.isEmpty())
        query.append({QStringLiteral("state"), state});
    query.append({QStringLiteral("limit"), QString::number(limit)});
    send("GET", QStringLiteral("/api/v1/mail/outbox"), query, nullptr, typed(std::move(done), [](const QJsonObject &j) {
             if (!j.value(QStringLiteral("messages")).isArray())
                 return Result<QList<OutboxMessage>>(incomplete(QT_TR_NOOP("the mail outbox")));
             QList<OutboxMessage> out;
             const auto list = j.value(QStringLiteral("messages")).toArray();
             for (const auto &v : list)
                 out << OutboxMessage::fromJson(v.toObject());
             return Result<QList<OutboxMessage>>(out);
         }));
}

void PortalClient::retryMail(qint64 id, Callback<OutboxMessage> done)
{
    sendJson("POST", QStringLiteral("/api/v1/mail/outbox/") + QString::number(id) + QStringLiteral("/retry"),
             QJsonObject(), typed(std::move(done), [](const QJsonObject &j) {
                 auto m = OutboxMessage::fromJson(j);
                 if (m.id <= 0 || m.state.isEmpty())
                     return Result<OutboxMessage>(incomplete(QT_TR_NOOP("the retried message")));
                 return Result<OutboxMessage>(m);
             }));
}

void PortalClient::startTotpEnrolment(Callback<TotpEnrolment> done)
{
    sendJson("POST", QStringLiteral("/api/v1/me/totp"), QJsonObject(), typed(std::move(done), [](const QJsonObject &j) {
                 TotpEnrolment e{j.value(QStringLiteral("secret")).toString(),
                                 j.value(QStringLiteral("otpauth_uri")).toString()};
                 if (e.secret.isEmpty() || !e.otpauthUri.startsWith(u"otpauth://"))
                     return Result<TotpEnrolment>(incomplete(QT_TR_NOOP("two-step sign-in")));
                 return Result<TotpEnrolment>(e);
             }));
}

void PortalClient::confirmTotpEnrolment(const QString &code, Callback<StaffMember> done)
{
    sendJson("POST", QStringLiteral("/api/v1/me/totp/confirm"), {{QStringLiteral("code"), code}},
             typed(std::move(done), [](const QJsonObject &j) { return StaffMember::fromJson(j); }));
}

} // namespace Gatehouse
