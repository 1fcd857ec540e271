// SPDX-License-Identifier: Apache-2.0
#include "sessionroutes.h"

#include "clock.h"
#include "common/auditevent.h"
#include "config.h"
#include "http/clientaddress.h"
#include "log.h"
#include "pages/formbody.h"
#include "portal/clientevent.h"
#include "sessions/sessioncookie.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/writetransaction.h"

#include <optional>

namespace Gatehouse::Server {

SessionRoutes::SessionRoutes(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_database(database), m_audit(database), m_sessions(config, keyring),
      m_endLinks(config, keyring), m_pages(config, keyring)
{}

void SessionRoutes::registerRoutes(Router &router) const
{
    const auto open = Access::publicRoute();
    router.add("POST", QStringLiteral("/portal/sign-out"), open,
               [this](const RequestContext &c) { return signOut(c, false); });
    router.add("POST", QStringLiteral("/portal/sign-out-everywhere"), open,
               [this](const RequestContext &c) { return signOut(c, true); });
    router.add("GET", QStringLiteral("/portal/phone/status"), open,
               [this](const RequestContext &c) { return phoneStatus(c); });
    router.add("POST", QStringLiteral("/portal/phone/continue"), open,
               [this](const RequestContext &c) { return phoneContinue(c); });
    router.add("GET", QStringLiteral("/portal/end-session/{ref}/{mac}"), open,
               [this](const RequestContext &c) { return endFromMail(c, false); });
    router.add("POST", QStringLiteral("/portal/end-session/{ref}/{mac}"), open,
               [this](const RequestContext &c) { return endFromMail(c, true); });
}

HttpResponse SessionRoutes::signOut(const RequestContext &context, bool everywhere) const
{
    if (auto refused = m_pages.refuseWithoutCsrf(context.request))
        return *refused;
    const auto now = Clock::now();
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError);
    auto db = tx.connection();
    auto resolved = m_sessions.resolve(db, context.request, now);
    if (!resolved) {
        Log::error(QStringLiteral("sign_out_failed"), {{QStringLiteral("error"), resolved.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError);
    }
    HttpResponse page = m_pages.problem(context.request, ProblemPage::SignedOut);
    // Whatever happens below, this browser forgets its session.
    page.headers.append({QByteArray("Set-Cookie"), SessionCookie::clearCookie(SessionCookie::SessionName)});
    if (!resolved->has_value())
        return page; // nothing to end: signing out twice is not an error

    const auto &session = (*resolved)->row;
    Result<int> ended = 0;
    if (everywhere) {
        ended = SessionStore::endSessions(db, session.clientId);
    } else {
        auto one = SessionStore::endSession(db, session.clientId, session.id);
        ended = one ? Result<int>(*one ? 1 : 0) : Result<int>(one.error());
    }
    if (!ended)
        return m_pages.problem(context.request, ProblemPage::ServerError);
    if (auto r = SessionStore::bumpClient(db, session.clientId, now); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError);

    const QJsonObject details{{QStringLiteral("reason"), everywhere ? QStringLiteral("client_signed_out_everywhere")
                                                                    : QStringLiteral("client_signed_out")},
                              {QStringLiteral("session_id"), session.id},
                              {QStringLiteral("ended"), *ended}};
    const auto type = everywhere ? AuditType::SessionsEnded : AuditType::SessionEnded;
    if (auto r = m_audit.append(db, clientEvent(context, m_config, type, session.clientId, details)); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError);
    if (auto r = tx.commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError);
    return page;
}

HttpResponse SessionRoutes::phoneStatus(const RequestContext &context) const
{
    auto db = m_database.connection();
    QString state = QStringLiteral("ended");
    QByteArray renewed;
    if (db) {
        auto resolved = m_sessions.resolve(*db, context.request, Clock::now());
        if (!resolved)
            state = QStringLiteral("error");
        else if (resolved->has_value())
            state = (*resolved)->row.pending == u"phone" ? QStringLiteral("pending") : QStringLiteral("confirmed");
        // B6: staff confirmed the code from the app, so the fresh id can only travel with
        // the page's next request; the phone page polls here every few seconds, so this
        // is that request, and the old id dies seconds after the confirmation rather
        // than whenever the hub is next opened.
        if (state == u"confirmed" && (*resolved)->row.rotatePending) {
            WriteTransaction tx(m_database);
            if (auto begun = tx.begin(); begun) {
                auto wdb = tx.connection();
                auto value = m_sessions.renew(wdb, (*resolved)->row.id);
                if (value && tx.commit())
                    renewed = *value;
            }
        }
    }
    HttpResponse r = HttpResponse::json(200, QJsonObject{{QStringLiteral("state"), state}});
    m_pages.response().addPageHeaders(r);
    if (!renewed.isEmpty())
        r.headers.append({QByteArray("Set-Cookie"), m_sessions.setCookieHeader(renewed)});
    return r;
}

HttpResponse SessionRoutes::phoneContinue(const RequestContext &context) const
{
    if (auto refused = m_pages.refuseWithoutCsrf(context.request))
        return *refused;
    // The hub decides what this session may see (and renews its id after the
    // confirmation, B6); never a client-supplied target (B8).
    HttpResponse r;
    r.status = 303;
    r.setHeader("Location", "/portal/hub");
    m_pages.response().addPageHeaders(r);
    return r;
}

HttpResponse SessionRoutes::endFromMail(const RequestContext &context, bool confirmed) const
{
    if (confirmed) {
        if (auto refused = m_pages.refuseWithoutCsrf(context.request))
            return *refused;
    }
    const auto target =
        m_endLinks.verify(context.params.value(QStringLiteral("ref")), context.params.value(QStringLiteral("mac")));
    if (!target)
        return m_pages.problem(context.request, ProblemPage::LinkUnknown);
    const auto now = Clock::now();
    // GET changes nothing and takes no write lock (a mail scanner opens every link);
    // the button POSTs (F4, R5).
    std::optional<WriteTransaction> tx;
    QSqlDatabase db;
    if (confirmed) {
        tx.emplace(m_database);
        if (auto r = tx->begin(); !r)
            return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
        db = tx->connection();
    } else if (auto read = m_database.connection(); read) {
        db = *read;
    } else {
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    auto sessions = SessionStore::listSessions(db, target->clientId, now, m_sessions.idleCutoff(now));
    if (!sessions)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    EndSessionView view;
    view.action = m_endLinks.pathFor(EndSessionLinks::Target{target->clientId, target->sessionId});
    view.ended = true;
    for (const auto &s : *sessions) {
        if (s.id == target->sessionId) {
            view = EndSessionView{s.device, s.address, s.startedAt, view.action, false};
            break;
        }
    }
    if (view.ended || !confirmed) {
        if (tx)
            tx->rollback();
        return m_pages.endSession(context.request, view);
    }

    auto ended = SessionStore::endSession(db, target->clientId, target->sessionId);
    if (!ended)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = SessionStore::bumpClient(db, target->clientId, now); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    const QJsonObject details{{QStringLiteral("reason"), QStringLiteral("client_ended_from_mail")},
                              {QStringLiteral("session_id"), target->sessionId},
                              {QStringLiteral("device"), view.device}};
    if (auto r = m_audit.append(db, clientEvent(context, m_config, AuditType::SessionEnded, target->clientId, details));
        !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    if (auto r = tx->commit(); !r)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    view.ended = true;
    return m_pages.endSession(context.request, view);
}

} // namespace Gatehouse::Server
