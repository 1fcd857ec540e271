// SPDX-License-Identifier: Apache-2.0
#include "documentsend.h"

#include "model/clientactions.h"
#include "model/localcache.h"
#include "model/portalclient.h"
#include "model/session.h"

namespace Gatehouse {

void DocumentSend::send(Session *session, qint64 clientId, const DocumentInfo &document,
                        std::function<void(bool, const QString &)> done)
{
    const QString name = document.name;
    if (const auto reason = session->actions()->unavailableReason(); !reason.isEmpty())
        return done(false, tr("“%1” was not sent: %2").arg(name, reason));
    session->client()->sendDocument(
        clientId, document.id, [session, clientId, name, done = std::move(done)](Result<void> r) {
            if (r)
                return done(true, tr("The link to “%1” was emailed to the client.").arg(name));
            // The server refuses (409) for a revoked client or one without an email
            // address; say which, and what to do about it.
            const auto client = session->cache()->client(clientId);
            const QString who = client ? client->name : tr("The client");
            if (r.error().code == u"client_revoked")
                return done(false, tr("“%1” was not sent: %2's access is revoked, so document links are not "
                                      "mailed. Invite them again first.")
                                       .arg(name, who));
            if (r.error().code == u"no_email_on_file")
                return done(false,
                            tr("“%1” was not sent: %2 has no email address on file. Add one to the client first.")
                                .arg(name, who));
            done(false, tr("“%1” was not sent: %2").arg(name, r.error().message));
        });
}

} // namespace Gatehouse
