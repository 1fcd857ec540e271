// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "mailrenderer.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>
#include <atomic>

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// One email to a client (or a staff member), as the deciding code describes it.
// `templateName` names a template set in resources/server/mail/ (invite, sign_in,
// verify_browser, new_sign_in, phone_code, document, test). `fields` fill the template; the
// outbox adds the firm's branding (firm_name, firm_colour, from_name, public_url,
// sign_in_url). A QDateTime field is rendered as "28 November 2026, 14:05 UTC".
//
// Fields the templates use: client_name, matter, partner_name, portal_url (the magic
// link), expires_at, code (the short cross-device code), device, address, time,
// document_name, document_size, document_url (a document's own link).
struct OutgoingMail
{
    QString templateName;
    QString toAddress;
    QString toName;
    qint64 clientId = 0;
    QVariantMap fields;
};

// The mail outbox (SPEC F16, R9). enqueue() renders the message at once, so what is
// sent is exactly what was decided, encrypts it (it carries the magic link, and R1
// allows no token in clear at rest) and stores it with its audit entry inside the
// caller's WriteTransaction: the mail exists if and only if the decision committed.
// A MailSender thread (mail/mailsender.h) delivers it later, with retries.
//
// Thread-safe: holds only references and reads; every call runs on the caller's
// connection.
class Outbox
{
public:
    Outbox(const Database &database, const Config &config, const Keyring &keyring);

    // Inside the caller's open WriteTransaction on `db`. Returns the outbox id.
    // Fails with ErrorCode::RateLimited when the global hourly mail budget
    // ([ratelimit] mail_per_hour) is spent, ValidationFailed for an unknown template
    // or an implausible address, StorageError otherwise. Audits mail.queued (template,
    // outbox id; never the body or the link).
    Result<qint64> enqueue(QSqlDatabase &db, const OutgoingMail &mail) const;

    // The message exactly as enqueue() would render it (branding added, text part
    // trimmed), without queueing anything: staff previews show what the client gets.
    Result<MailRenderer::Rendered> render(const OutgoingMail &mail) const;

private:
    // Whether the budget is known to be spent at `now`; else counts and remembers.
    Result<bool> budgetSpent(QSqlDatabase &db, const QDateTime &now) const;

    const Database &m_database;
    const Config &m_config;
    const Keyring &m_keyring;
    // Until when (ms since the epoch, UTC) the hourly budget is certainly spent: every
    // message counted when it ran out stays inside the hour until the oldest of them
    // leaves it, and rows are only ever added. Spares the count on every consume that
    // would mail a notice while the budget is spent (the count walks up to
    // mail_per_hour index entries).
    mutable std::atomic<qint64> m_spentUntilMs{0};
};

} // namespace Gatehouse::Server
