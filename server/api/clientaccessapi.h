// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "mail/linkmailer.h"
#include "mail/outbox.h"
#include "ratelimit/ratelimiter.h"
#include "sessions/clientsessions.h"
#include "sessions/shortcodes.h"
#include "storage/storage.h"
#include "tokens/tokenengine.h"

#include <functional>

namespace Gatehouse::Server {

class Keyring;
struct Config;

// Staff routes that manage a client's access (docs/api.md "Client access"): invite,
// regenerate (F7), revoke (F8), end sessions, the lock (F9, B5), phone confirmation
// (F11, B4), and the sessions and verified browsers lists (D7). Every change runs in
// one WriteTransaction with its audit entry, bumps the client's version and
// change_seq (so the desktop feed carries it), and needs paralegal or above.
class ClientAccessApi
{
public:
    ClientAccessApi(const Storage &storage, const Config &config, const Keyring &keyring);

    void registerRoutes(Router &router) const;

private:
    using Work =
        std::function<Result<HttpResponse>(QSqlDatabase &db, const ClientRecord &client, const QDateTime &now)>;
    // Checks the {id} names a live client, then runs `work` in a write transaction
    // that commits unless work fails (problem answers commit too: a counted wrong
    // code must stay counted).
    HttpResponse withClient(const RequestContext &context, const Work &work) const;
    // Issues an invite-purpose link, queues the invite mail and audits token.issued.
    Result<TokenEngine::Issued> issueInvite(QSqlDatabase &db, const RequestContext &context, const ClientRecord &client,
                                            const QDateTime &now) const;
    std::optional<HttpResponse> inviteLimited(QSqlDatabase &db, const RequestContext &context, qint64 clientId) const;
    // The body as an object allowing `fields` (an empty body counts as {}), or the
    // problem answer in `problem`.
    static std::optional<QJsonObject> readBody(const RequestContext &context, const QStringList &fields,
                                               std::optional<HttpResponse> *problem);
    static std::optional<QString> optionalReason(const QJsonObject &object, std::optional<HttpResponse> *problem);
    Result<HttpResponse> linkAnswer(QSqlDatabase &db, qint64 clientId, const TokenEngine::Issued &issued) const;

    HttpResponse invite(const RequestContext &context) const;
    HttpResponse regenerate(const RequestContext &context) const;
    HttpResponse revoke(const RequestContext &context) const;
    HttpResponse endSessions(const RequestContext &context) const;
    HttpResponse setRequireSignIn(const RequestContext &context) const;
    HttpResponse setPhoneConfirmation(const RequestContext &context) const;
    HttpResponse phoneCode(const RequestContext &context) const;
    HttpResponse listSessions(const RequestContext &context) const;
    HttpResponse endSession(const RequestContext &context) const;
    HttpResponse listBrowsers(const RequestContext &context) const;
    HttpResponse endBrowser(const RequestContext &context) const;
    HttpResponse endBrowsers(const RequestContext &context) const;
    // Ends one row (session or verified browser) named by a path parameter; audited.
    using EndOne = std::function<Result<bool>(QSqlDatabase &, qint64 clientId, qint64 rowId)>;
    HttpResponse endOne(const RequestContext &context, const QString &param, const QString &kind,
                        QLatin1StringView auditType, const EndOne &end) const;

    const Storage &m_storage;
    const Config &m_config;
    AuditLog m_audit;
    TokenEngine m_tokens;
    ClientSessions m_sessions;
    ShortCodes m_codes;
    Outbox m_outbox;
    LinkMailer m_linkMailer{m_tokens, m_outbox, m_audit};
    RateLimiter m_limiter;
};

} // namespace Gatehouse::Server
