// SPDX-License-Identifier: Apache-2.0
// ClientAccessApi, second half: the switches, phone codes, and the sessions and
// verified-browser lists (D7, F9, F11, B4, B5).
#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "clientaccessapi.h"
#include "common/auditevent.h"
#include "common/errorcode.h"
#include "http/problem.h"
#include "storage/clientstore.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Gatehouse::Server {

namespace {

QJsonArray accessJson(const QList<SessionStore::AccessInfo> &list, const QString &startedName)
{
    QJsonArray array;
    for (const auto &item : list) {
        array.append(QJsonObject{{QStringLiteral("id"), item.id},
                                 {startedName, toWireTime(item.startedAt)},
                                 {QStringLiteral("last_seen_at"), toWireTime(item.lastSeenAt)},
                                 {QStringLiteral("address"), item.address},
                                 {QStringLiteral("device"), item.device}});
    }
    return array;
}

// {"enabled": true|false}, required.
std::optional<bool> enabledFlag(const RequestContext &context, std::optional<HttpResponse> *problem)
{
    auto parsed = JsonBody::parse(context.request, {QStringLiteral("enabled")});
    if (auto *p = std::get_if<HttpResponse>(&parsed)) {
        *problem = *p;
        return std::nullopt;
    }
    auto &body = std::get<JsonBody>(parsed);
    const auto value = body.object().value(QStringLiteral("enabled"));
    if (!value.isBool()) {
        body.addError(QStringLiteral("enabled"), QStringLiteral("is required and must be true or false"));
        *problem = body.validationProblem();
        return std::nullopt;
    }
    return value.toBool();
}

Result<HttpResponse> currentClient(const Storage &storage, qint64 id)
{
    auto client = storage.findClient(id);
    if (!client)
        return client.error();
    if (!client->has_value())
        return Error{QString(ErrorCode::Internal), QStringLiteral("client %1 vanished").arg(id)};
    return ApiSupport::clientResponse(200, **client);
}

HttpResponse endedAnswer(int n)
{
    return HttpResponse::json(200, {{QStringLiteral("ended"), n}});
}

} // namespace

HttpResponse ClientAccessApi::endSessions(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    const auto body = readBody(context, {QStringLiteral("reason")}, &problem);
    if (!body)
        return *problem;
    const auto reason = optionalReason(*body, &problem);
    if (!reason)
        return *problem;
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            auto ended = SessionStore::endSessions(db, client.id);
            if (!ended)
                return ended.error();
            if (auto r = SessionStore::bumpClient(db, client.id, now); !r)
                return r.error();
            const QJsonObject details{{QStringLiteral("reason"), *reason}, {QStringLiteral("ended"), *ended}};
            if (auto r =
                    m_audit.append(db, ApiSupport::staffAction(context, AuditType::SessionsEnded, client.id, details));
                !r)
                return r.error();
            return endedAnswer(*ended);
        });
}

HttpResponse ClientAccessApi::setRequireSignIn(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    const auto enabled = enabledFlag(context, &problem);
    if (!enabled)
        return *problem;
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            ClientStore::Change change;
            change.requireSignIn = *enabled;
            if (auto r = ClientStore::update(db, client.id, change, now); !r)
                return r.error();
            // B5: with the lock on, a session from a browser that never passed it ends.
            int ended = 0;
            if (*enabled) {
                auto n = SessionStore::endSessions(db, client.id, true);
                if (!n)
                    return n.error();
                ended = *n;
            }
            const QJsonObject details{{QStringLiteral("enabled"), *enabled}, {QStringLiteral("sessions_ended"), ended}};
            if (auto r = m_audit.append(
                    db, ApiSupport::staffAction(context, AuditType::RequireSignInChanged, client.id, details));
                !r)
                return r.error();
            return currentClient(m_storage, client.id);
        });
}

HttpResponse ClientAccessApi::setPhoneConfirmation(const RequestContext &context) const
{
    std::optional<HttpResponse> problem;
    const auto enabled = enabledFlag(context, &problem);
    if (!enabled)
        return *problem;
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            ClientStore::Change change;
            change.phoneConfirmation = *enabled;
            if (auto r = ClientStore::update(db, client.id, change, now); !r)
                return r.error();
            const QJsonObject details{{QStringLiteral("enabled"), *enabled}};
            if (auto r = m_audit.append(
                    db, ApiSupport::staffAction(context, AuditType::PhoneConfirmationChanged, client.id, details));
                !r)
                return r.error();
            return currentClient(m_storage, client.id);
        });
}

HttpResponse ClientAccessApi::phoneCode(const RequestContext &context) const
{
    auto parsed = JsonBody::parse(context.request, {QStringLiteral("code")});
    if (auto *p = std::get_if<HttpResponse>(&parsed))
        return *p;
    auto &body = std::get<JsonBody>(parsed);
    const QString code = body.requiredString(QStringLiteral("code"), 32);
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!body.hasErrors() && !sixDigits.match(code).hasMatch())
        body.addError(QStringLiteral("code"), QStringLiteral("must be the six digits the client reads out"));
    if (body.hasErrors())
        return body.validationProblem();

    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            auto checked = m_codes.confirmPhone(db, client.id, code, now);
            if (!checked)
                return checked.error();
            switch (checked->result) {
            case ShortCodes::Check::NoCode:
                return Problem::make(404, ErrorCode::NotFound,
                                     QStringLiteral("No phone code is waiting for this client, or it expired. Ask the "
                                                    "client to open the portal again."));
            case ShortCodes::Check::Locked:
                return Problem::make(429, ErrorCode::CodeLocked,
                                     QStringLiteral("Too many wrong codes. Ask the client to open the link again for a "
                                                    "new code."));
            case ShortCodes::Check::Wrong:
                return Problem::make(400, ErrorCode::InvalidCode,
                                     QStringLiteral("That is not the code the portal shows. Check it with the client."),
                                     {{QStringLiteral("attempts_left"), checked->attemptsLeft}});
            case ShortCodes::Check::Confirmed:
                break;
            }
            // The session proceeds, and takes a fresh id on its next request (B6).
            if (auto r = SessionStore::setPending(db, checked->sessionId, QString(), true); !r)
                return r.error();
            if (auto r = SessionStore::bumpClient(db, client.id, now); !r)
                return r.error();
            const QJsonObject details{{QStringLiteral("session_id"), checked->sessionId}};
            if (auto r = m_audit.append(
                    db, ApiSupport::staffAction(context, AuditType::PhoneCodeConfirmed, client.id, details));
                !r)
                return r.error();
            return HttpResponse::json(200, {{QStringLiteral("confirmed"), true}});
        });
}

HttpResponse ClientAccessApi::listSessions(const RequestContext &context) const
{
    return withClient(context,
                      [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
                          auto list = SessionStore::listSessions(db, client.id, now, m_sessions.idleCutoff(now));
                          if (!list)
                              return list.error();
                          return HttpResponse::json(
                              200, {{QStringLiteral("sessions"), accessJson(*list, QStringLiteral("created_at"))}});
                      });
}

HttpResponse ClientAccessApi::endSession(const RequestContext &context) const
{
    return endOne(context, QStringLiteral("sid"), QStringLiteral("session"), AuditType::SessionEnded,
                  &SessionStore::endSession);
}

HttpResponse ClientAccessApi::listBrowsers(const RequestContext &context) const
{
    return withClient(context,
                      [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
                          auto list = SessionStore::listBrowsers(db, client.id, now);
                          if (!list)
                              return list.error();
                          return HttpResponse::json(
                              200, {{QStringLiteral("browsers"), accessJson(*list, QStringLiteral("verified_at"))}});
                      });
}

HttpResponse ClientAccessApi::endBrowser(const RequestContext &context) const
{
    return endOne(context, QStringLiteral("bid"), QStringLiteral("browser"), AuditType::BrowserVerificationEnded,
                  &SessionStore::endBrowser);
}

HttpResponse ClientAccessApi::endOne(const RequestContext &context, const QString &param, const QString &kind,
                                     QLatin1StringView auditType, const EndOne &end) const
{
    // One session or one verified browser of this client: an id of another client's
    // row is a 404, exactly like an unknown one.
    const auto rowId = ApiSupport::idParam(context, param);
    if (!rowId)
        return ApiSupport::notFound(kind);
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            auto ended = end(db, client.id, *rowId);
            if (!ended)
                return ended.error();
            if (!*ended)
                return ApiSupport::notFound(kind);
            if (auto r = SessionStore::bumpClient(db, client.id, now); !r)
                return r.error();
            const QJsonObject details{{kind + QStringLiteral("_id"), *rowId}};
            if (auto r = m_audit.append(db, ApiSupport::staffAction(context, auditType, client.id, details)); !r)
                return r.error();
            return HttpResponse::noContent();
        });
}

HttpResponse ClientAccessApi::endBrowsers(const RequestContext &context) const
{
    return withClient(
        context, [&](QSqlDatabase &db, const ClientRecord &client, const QDateTime &now) -> Result<HttpResponse> {
            auto ended = SessionStore::endBrowsers(db, client.id);
            if (!ended)
                return ended.error();
            if (auto r = SessionStore::bumpClient(db, client.id, now); !r)
                return r.error();
            const QJsonObject details{{QStringLiteral("browsers_ended"), *ended}};
            if (auto r = m_audit.append(
                    db, ApiSupport::staffAction(context, AuditType::BrowserVerificationEnded, client.id, details));
                !r)
                return r.error();
            return endedAnswer(*ended);
        });
}

} // namespace Gatehouse::Server
