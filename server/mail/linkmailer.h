// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "common/result.h"
#include "mail/outbox.h"
#include "tokens/tokenengine.h"

#include <QSqlDatabase>
#include <QVariantMap>
#include <functional>

namespace Gatehouse::Server {

// Sends a client a magic link: issues the token, queues the mail that carries it and
// audits the issue (token.issued), all on the caller's write transaction, so the link,
// its mail and its audit entry commit together or not at all (SPEC F2, F16, R9). The one
// place link mail is queued, for staff invites (api/) and sign-in by email (portal/).
class LinkMailer
{
public:
    // The referenced parts must outlive the mailer.
    LinkMailer(const TokenEngine &tokens, const Outbox &outbox, const AuditLog &audit)
        : m_tokens(tokens), m_outbox(outbox), m_audit(audit)
    {}

    struct Letter
    {
        TokenEngine::IssueRequest link;
        QString templateName; // mail template: invite, sign_in
        QString toAddress;
        QString toName;
        QVariantMap fields; // the template's own fields; portal_url and expires_at are added
        AuditRecord audit;  // actor, address, user agent, extra details; type, client and
                            // the link's purpose, token_id and expires_at are filled in
    };
    // Runs after the token exists and before its mail is queued; returns more fields
    // for the mail (the sign-in code that belongs to the link).
    using MoreFields = std::function<Result<QVariantMap>(QSqlDatabase &, const TokenEngine::Issued &)>;

    Result<TokenEngine::Issued> send(QSqlDatabase &db, Letter letter, const MoreFields &more = {}) const;

private:
    const TokenEngine &m_tokens;
    const Outbox &m_outbox;
    const AuditLog &m_audit;
};

} // namespace Gatehouse::Server
