// SPDX-License-Identifier: Apache-2.0
#include "linkmailer.h"

#include "common/apitypes.h"
#include "common/auditevent.h"

namespace Gatehouse::Server {

Result<TokenEngine::Issued> LinkMailer::send(QSqlDatabase &db, Letter letter, const MoreFields &more) const
{
    auto issued = m_tokens.issue(db, letter.link);
    if (!issued)
        return issued.error();
    OutgoingMail mail;
    mail.templateName = letter.templateName;
    mail.toAddress = letter.toAddress;
    mail.toName = letter.toName;
    mail.clientId = letter.link.clientId;
    mail.fields = letter.fields;
    mail.fields.insert(QStringLiteral("portal_url"), m_tokens.portalUrl(issued->token));
    mail.fields.insert(QStringLiteral("expires_at"), issued->expiresAt);
    if (more) {
        auto extra = more(db, *issued);
        if (!extra)
            return extra.error();
        mail.fields.insert(*extra);
    }
    if (auto queued = m_outbox.enqueue(db, mail); !queued)
        return queued.error();
    AuditRecord &record = letter.audit;
    record.type = QString(AuditType::TokenIssued);
    record.clientId = letter.link.clientId;
    record.details.insert(QStringLiteral("purpose"), purposeName(letter.link.purpose));
    record.details.insert(QStringLiteral("token_id"), issued->tokenId);
    record.details.insert(QStringLiteral("expires_at"), toWireTime(issued->expiresAt));
    if (auto r = m_audit.append(db, record); !r)
        return r.error();
    return issued;
}

} // namespace Gatehouse::Server
