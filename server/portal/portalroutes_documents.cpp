// SPDX-License-Identifier: Apache-2.0
// The client's document downloads (SPEC F10, F8, F14, B9): a document's own link and
// the hub's session-bound route serve the same attachment and leave the same audit
// entry, told apart by `via`.
#include "clientevent.h"
#include "clock.h"
#include "common/auditevent.h"
#include "common/crypto.h"
#include "log.h"
#include "portalroutes.h"

#include <QUrl>

namespace Gatehouse::Server {

HttpResponse PortalRoutes::serveDocument(const RequestContext &context, const DocumentStore::Download &download,
                                         const QJsonObject &via) const
{
    QJsonObject details = via;
    details.insert(QStringLiteral("document_id"), download.document.id);
    details.insert(QStringLiteral("name"), download.document.name);
    // B9: a mail scanner's fetch is served like any other, but nobody should read it
    // as the client having opened the document.
    details.insert(QStringLiteral("likely_scanner"), likelyScanner(context.request));
    details.insert(QStringLiteral("method"), QString::fromLatin1(context.request.method));
    if (auto r = m_audit.record(
            clientEvent(context, m_config, AuditType::DocumentDownloaded, download.document.clientId, details));
        !r) {
        // An unaudited download would break F10's promise: refuse rather than serve.
        Log::error(QStringLiteral("audit_failed"), {{QStringLiteral("error"), r.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    HttpResponse r;
    r.status = 200;
    r.body = download.content;
    r.setHeader("Content-Type", download.document.contentType.toLatin1());
    // Always a download, never rendered: an uploaded HTML file must not run in our origin.
    r.setHeader("Content-Disposition",
                "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(download.document.name));
    r.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Referrer-Policy", "no-referrer");
    return r;
}

HttpResponse PortalRoutes::documentByLink(const RequestContext &context) const
{
    const QString token = context.params.value(QStringLiteral("token"));
    if (!Crypto::looksLikeToken(token))
        return m_pages.problem(context.request, ProblemPage::LinkUnknown);
    auto found = m_documents.findByTokenHash(TokenEngine::hashOf(token));
    if (!found) {
        Log::error(QStringLiteral("document_failed"), {{QStringLiteral("error"), found.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    // Unknown, removed, or of a deleted client: nothing to attribute, nothing revealed.
    if (!found->has_value())
        return m_pages.problem(context.request, ProblemPage::LinkUnknown);
    const auto &target = **found;
    const bool accessRevoked = target.clientStatus == u"revoked" || target.revokedReason == u"revoked";
    if (accessRevoked || !target.revokedReason.isEmpty()) {
        // F14: a refused attempt is recorded like a refused portal link.
        const QJsonObject details{
            {QStringLiteral("reason"), accessRevoked ? QStringLiteral("revoked") : QStringLiteral("superseded")},
            {QStringLiteral("purpose"), QStringLiteral("document")},
            {QStringLiteral("document_id"), target.download.document.id},
            {QStringLiteral("link_id"), target.linkId}};
        if (auto r = m_audit.record(
                clientEvent(context, m_config, AuditType::TokenRejected, target.download.document.clientId, details));
            !r)
            Log::warning(QStringLiteral("audit_failed"), {{QStringLiteral("error"), r.error().message}});
        // The same pages a portal link shows: revoked access (F8) is 410 "contact the
        // firm"; a link staff ended with the portal link is gone without a reason.
        return m_pages.problem(context.request, accessRevoked ? ProblemPage::AccessRevoked : ProblemPage::LinkUnknown,
                               {{}, 0, 410});
    }
    return serveDocument(context, target.download,
                         {{QStringLiteral("via"), QStringLiteral("link")}, {QStringLiteral("link_id"), target.linkId}});
}

HttpResponse PortalRoutes::documentFromHub(const RequestContext &context) const
{
    const auto now = Clock::now();
    auto db = m_database.connection();
    if (!db)
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    // The hub's own rules: no session asks to sign in again, a revoked client's session
    // shows "access revoked", a session still waiting for the lock or the phone goes
    // back to the hub, which shows that step.
    auto signedIn = signedInClient(*db, context, now, QStringLiteral("document_failed"));
    if (auto *page = std::get_if<HttpResponse>(&signedIn))
        return std::move(*page);
    const auto &session = std::get<ClientSessions::Resolved>(signedIn).row;
    if (!session.pending.isEmpty()) {
        HttpResponse back;
        back.status = 303;
        back.setHeader("Location", "/portal/hub");
        back.setHeader("Cache-Control", "no-store");
        return back;
    }
    bool ok = false;
    const qint64 docId = context.params.value(QStringLiteral("docId")).toLongLong(&ok);
    if (!ok || docId <= 0)
        return m_pages.problem(context.request, ProblemPage::NotFound);
    // Looked up by the session's client and the id together: another client's
    // document is simply not found.
    auto download = m_documents.content(session.clientId, docId);
    if (!download) {
        Log::error(QStringLiteral("document_failed"), {{QStringLiteral("error"), download.error().message}});
        return m_pages.problem(context.request, ProblemPage::ServerError, {{}, 0, 503});
    }
    if (!download->has_value())
        return m_pages.problem(context.request, ProblemPage::NotFound);
    return serveDocument(context, **download,
                         {{QStringLiteral("via"), QStringLiteral("hub")}, {QStringLiteral("session_id"), session.id}});
}

} // namespace Gatehouse::Server
