// SPDX-License-Identifier: Apache-2.0
#include "outbox.h"

#include "audit/auditlog.h"
#include "clock.h"
#include "common/errorcode.h"
#include "config.h"
#include "mailcipher.h"
#include "mailrenderer.h"
#include "mimemessage.h"
#include "secrets/keyring.h"
#include "storage/database.h"
#include "storage/outboxstore.h"
#include "validation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <mutex>

namespace Gatehouse::Server {

Outbox::Outbox(const Database &database, const Config &config, const Keyring &keyring)
    : m_database(database), m_config(config), m_keyring(keyring)
{}

namespace {

// The templates are compiled-in resources, so whether one exists never changes; asking
// the resource file system on every enqueue showed in the consume profile.
bool knownTemplate(const QString &name)
{
    static std::mutex mutex;
    static QSet<QString> known;
    {
        const std::lock_guard lock(mutex);
        if (known.contains(name))
            return true;
    }
    if (!MailRenderer::hasTemplate(name))
        return false;
    const std::lock_guard lock(mutex);
    known.insert(name);
    return true;
}

} // namespace

Result<bool> Outbox::budgetSpent(QSqlDatabase &db, const QDateTime &now) const
{
    if (now.toMSecsSinceEpoch() < m_spentUntilMs.load(std::memory_order_relaxed))
        return true;
    const QDateTime windowStart = now.addSecs(-3600);
    auto recent = OutboxStore::countCreatedSince(db, windowStart);
    if (!recent)
        return recent.error();
    if (*recent < m_config.mailPerHour)
        return false;
    auto oldest = OutboxStore::oldestCreatedSince(db, windowStart);
    if (!oldest)
        return oldest.error();
    if (oldest->isValid())
        m_spentUntilMs.store(oldest->addSecs(3600).toMSecsSinceEpoch(), std::memory_order_relaxed);
    return true;
}

Result<MailRenderer::Rendered> Outbox::render(const OutgoingMail &mail) const
{
    if (!knownTemplate(mail.templateName))
        return Error{QString(ErrorCode::ValidationFailed),
                     QStringLiteral("no mail template named '%1'").arg(mail.templateName)};
    QVariantMap fields = mail.fields;
    fields.insert(QStringLiteral("firm_name"), m_config.firmName);
    fields.insert(QStringLiteral("firm_colour"), m_config.firmColour);
    fields.insert(QStringLiteral("from_name"), m_config.mailFromName);
    fields.insert(QStringLiteral("public_url"), m_config.publicUrl);
    fields.insert(QStringLiteral("sign_in_url"), QString(m_config.publicUrl + QStringLiteral("/portal/sign-in")));
    if (!fields.contains(QStringLiteral("client_name")))
        fields.insert(QStringLiteral("client_name"), mail.toName.isEmpty() ? mail.toAddress : mail.toName);
    auto rendered = MailRenderer::render(mail.templateName, fields);
    if (!rendered)
        return rendered.error();
    rendered->text = rendered->text.trimmed() + u'\n';
    return rendered;
}

Result<qint64> Outbox::enqueue(QSqlDatabase &db, const OutgoingMail &mail) const
{
    if (!knownTemplate(mail.templateName))
        return Error{QString(ErrorCode::ValidationFailed),
                     QStringLiteral("no mail template named '%1'").arg(mail.templateName)};
    if (!isPlausibleEmail(mail.toAddress))
        return Error{QString(ErrorCode::ValidationFailed),
                     QStringLiteral("'%1' is not an email address").arg(mail.toAddress)};
    const QDateTime now = Clock::now();

    // B3: one budget for all outgoing mail, so a bug or an abused endpoint cannot turn
    // the portal into a spam cannon or get the firm's mail domain blocklisted.
    auto spent = budgetSpent(db, now);
    if (!spent)
        return spent.error();
    if (*spent)
        return Error{QString(ErrorCode::RateLimited),
                     QStringLiteral("the hourly mail budget ([ratelimit] mail_per_hour = %1) is spent; try later")
                         .arg(m_config.mailPerHour)};

    auto rendered = render(mail);
    if (!rendered)
        return rendered.error();
    MimeMessage message;
    message.fromName = m_config.mailFromName;
    message.fromAddress = m_config.mailFromAddress;
    message.toName = mail.toName;
    message.toAddress = mail.toAddress;
    message.subject = rendered->subject;
    message.text = rendered->text;
    message.html = rendered->html;
    message.date = now;
    message.messageId = MimeMessage::newMessageId(m_config.mailFromAddress);

    // Encrypted under the current outbox key; the key id goes with the row so a
    // rotation between queueing and sending still finds the right key.
    const QString keyId = m_keyring.currentKeyId();
    const QByteArray key = m_keyring.derive(u"outbox", keyId);
    auto sealed = MailCipher::seal(key, message.build());
    if (!sealed)
        return sealed.error();

    auto id = OutboxStore::insert(db, OutboxStore::NewMessage{mail.templateName, mail.toAddress, mail.clientId,
                                                              message.messageId, keyId, *sealed, now});
    if (!id)
        return id;

    AuditRecord record;
    record.type = QString(AuditType::MailQueued);
    record.actorKind = QStringLiteral("system");
    record.clientId = mail.clientId;
    record.time = now;
    // What and to whom, never the body or the link (R1).
    record.details = QJsonObject{{QStringLiteral("outbox_id"), *id},
                                 {QStringLiteral("template"), mail.templateName},
                                 {QStringLiteral("to"), mail.toAddress}};
    if (auto appended = AuditLog(m_database).append(db, record); !appended)
        return appended.error();
    return id;
}

} // namespace Gatehouse::Server
