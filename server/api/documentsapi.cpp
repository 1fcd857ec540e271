// SPDX-License-Identifier: Apache-2.0
#include "documentsapi.h"

#include "api/apisupport.h"
#include "api/jsonbody.h"
#include "clock.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/problem.h"
#include "pages/pages.h"
#include "storage/writetransaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace Gatehouse::Server {

using namespace ApiSupport;

namespace {

// "type/subtype" without parameters; anything else is stored as a plain download.
QString cleanContentType(const QByteArray &header)
{
    static const QRegularExpression shape(
        QStringLiteral("^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$"));
    const QString type =
        QString::fromLatin1(header.left(header.indexOf(';') >= 0 ? header.indexOf(';') : header.size()))
            .trimmed()
            .toLower();
    return shape.match(type).hasMatch() ? type : QStringLiteral("application/octet-stream");
}

// A file name is shown to staff and clients and sent back in Content-Disposition: no
// path separators, no control characters, not empty, at most 255 characters.
bool isAcceptableName(const QString &name)
{
    if (name.trimmed().isEmpty() || name.size() > 255 || name == u"." || name == u"..")
        return false;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c == u'/' || c == u'\\' || c.isNonCharacter() ||
            c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

} // namespace

DocumentsApi::DocumentsApi(const Storage &storage, const Config &config, const Keyring &keyring)
    : m_storage(storage), m_documents(storage.database()), m_audit(storage.database()),
      m_outbox(storage.database(), config, keyring), m_publicUrl(config.publicUrl),
      m_maxBytes(config.documentsMaxBytes), m_mailRetryAfterSeconds(config.rateLimitWindowSeconds)
{
    while (m_publicUrl.endsWith(u'/'))
        m_publicUrl.chop(1);
}

void DocumentsApi::registerRoutes(Router &router) const
{
    const auto paralegal = Access::staff(StaffRole::Paralegal);
    router.add("GET", QStringLiteral("/api/v1/clients/{id}/documents"), paralegal,
               [this](const RequestContext &c) { return list(c); });
    // The only staff route with a body limit above server.max_body_bytes.
    router.add(
        "POST", QStringLiteral("/api/v1/clients/{id}/documents"), paralegal,
        [this](const RequestContext &c) { return upload(c); }, std::uint64_t(m_maxBytes));
    router.add("DELETE", QStringLiteral("/api/v1/clients/{id}/documents/{docId}"), paralegal,
               [this](const RequestContext &c) { return remove(c); });
    router.add("POST", QStringLiteral("/api/v1/clients/{id}/documents/{docId}/send"), paralegal,
               [this](const RequestContext &c) { return send(c); });
}

HttpResponse DocumentsApi::list(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("client"));
    auto client = m_storage.findClient(*id);
    if (!client)
        return Problem::internalError(client.error());
    if (!client->has_value() || (*client)->deleted)
        return notFound(QStringLiteral("client"));
    auto documents = m_documents.list(*id);
    if (!documents)
        return Problem::internalError(documents.error());
    QJsonArray array;
    for (const auto &d : std::as_const(*documents))
        array.append(d.toJson());
    return HttpResponse::json(200, {{QStringLiteral("documents"), array}});
}

HttpResponse DocumentsApi::upload(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    if (!id)
        return notFound(QStringLiteral("client"));
    const QString name = context.request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    if (!isAcceptableName(name))
        return Problem::make(400, ErrorCode::ValidationFailed, QStringLiteral("Some fields are missing or invalid."),
                             {{QStringLiteral("errors"),
                               QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("name")},
                                                      {QStringLiteral("message"),
                                                       QStringLiteral("must be a file name of 1 to 255 characters "
                                                                      "without slashes or control characters")}}}}});
    if (context.request.body.isEmpty())
        return Problem::make(400, ErrorCode::ValidationFailed, QStringLiteral("The document is empty."),
                             {{QStringLiteral("errors"),
                               QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("body")},
                                                      {QStringLiteral("message"), QStringLiteral("is empty")}}}}});

    const QString token = Crypto::newToken();
    DocumentStore::NewDocument document;
    document.clientId = *id;
    document.name = name;
    document.contentType = cleanContentType(context.request.header("content-type"));
    document.content = context.request.body;
    document.tokenHash = Crypto::sha256Hex(token.toLatin1());
    document.createdBy = context.staff->member.id;

    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto client = m_storage.findClient(*id);
        if (!client)
            return Problem::internalError(client.error());
        if (!client->has_value() || (*client)->deleted)
            return notFound(QStringLiteral("client"));
        auto stored = m_documents.insert(db, document, now);
        if (!stored)
            return Problem::internalError(stored.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::DocumentAdded, *id,
                                                    {{QStringLiteral("document_id"), stored->id},
                                                     {QStringLiteral("name"), stored->name},
                                                     {QStringLiteral("size"), stored->size}}));
            !r)
            return Problem::internalError(r.error());
        // The link is in this answer only; the server keeps just its hash.
        const QString url = m_publicUrl + QStringLiteral("/d/") + token;
        auto response = HttpResponse::json(
            201, {{QStringLiteral("document"), stored->toJson()}, {QStringLiteral("document_url"), url}});
        response.setHeader("Location", "/api/v1/clients/" + QByteArray::number(*id) + "/documents/" +
                                           QByteArray::number(stored->id));
        return response;
    });
}

HttpResponse DocumentsApi::remove(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    const auto docId = idParam(context, QStringLiteral("docId"));
    if (!id || !docId)
        return notFound(QStringLiteral("document"));
    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        // Looked up by client and id together: another client's document id is a 404.
        auto document = m_documents.find(db, *id, *docId);
        if (!document)
            return Problem::internalError(document.error());
        if (!document->has_value())
            return notFound(QStringLiteral("document"));
        if (auto r = m_documents.remove(db, *docId, now); !r)
            return Problem::internalError(r.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::DocumentRemoved, *id,
                                                    {{QStringLiteral("document_id"), *docId},
                                                     {QStringLiteral("name"), (*document)->name}}));
            !r)
            return Problem::internalError(r.error());
        return HttpResponse::noContent();
    });
}

HttpResponse DocumentsApi::send(const RequestContext &context) const
{
    // No fields yet; an empty body counts as {} and anything else is read strictly.
    if (auto parsed = JsonBody::parse(context.request, {}, JsonBody::EmptyBody::IsEmptyObject);
        auto *problem = std::get_if<HttpResponse>(&parsed))
        return *problem;
    const auto id = idParam(context, QStringLiteral("id"));
    const auto docId = idParam(context, QStringLiteral("docId"));
    if (!id || !docId)
        return notFound(QStringLiteral("document"));
    const auto now = Clock::now();
    return inWriteTransaction(m_storage.database(), [&](QSqlDatabase &db) -> HttpResponse {
        auto client = m_storage.findClient(*id);
        if (!client)
            return Problem::internalError(client.error());
        if (!client->has_value() || (*client)->deleted)
            return notFound(QStringLiteral("client"));
        auto document = m_documents.find(db, *id, *docId);
        if (!document)
            return Problem::internalError(document.error());
        if (!document->has_value())
            return notFound(QStringLiteral("document"));
        const auto &c = **client;
        const auto &d = **document;
        if (c.status == ClientStatus::Revoked)
            return Problem::make(409, ErrorCode::ClientRevoked,
                                 QStringLiteral("This client's access is revoked; invite them again before sending "
                                                "documents."));
        if (!isPlausibleEmail(c.email))
            return Problem::make(409, ErrorCode::NoEmailOnFile,
                                 QStringLiteral("This client has no email address on file."));

        // Only hashes of earlier links are kept, so sending mints a new link; the earlier
        // ones keep working (each link is its own grant, F10).
        const QString token = Crypto::newToken();
        auto link = m_documents.addLink(db, d.id, Crypto::sha256Hex(token.toLatin1()), context.staff->member.id, now);
        if (!link)
            return Problem::internalError(link.error());
        OutgoingMail mail;
        mail.templateName = QStringLiteral("document");
        mail.toAddress = c.email;
        mail.toName = c.name;
        mail.clientId = c.id;
        mail.fields = {{QStringLiteral("client_name"), c.name},
                       {QStringLiteral("matter"), c.matter},
                       {QStringLiteral("partner_name"), c.partnerName},
                       {QStringLiteral("document_name"), d.name},
                       {QStringLiteral("document_size"), Pages::formatSize(d.size)},
                       {QStringLiteral("document_url"), QString(m_publicUrl + QStringLiteral("/d/") + token)}};
        auto queued = m_outbox.enqueue(db, mail);
        if (!queued && queued.error().code == ErrorCode::RateLimited) {
            auto limited = Problem::make(429, ErrorCode::RateLimited,
                                         QStringLiteral("The portal has sent its hourly allowance of email. Try again "
                                                        "later."));
            limited.setHeader("Retry-After", QByteArray::number(m_mailRetryAfterSeconds));
            return limited;
        }
        if (!queued)
            return Problem::internalError(queued.error());
        if (auto r = m_audit.append(db, staffAction(context, AuditType::DocumentSent, c.id,
                                                    {{QStringLiteral("document_id"), d.id},
                                                     {QStringLiteral("name"), d.name},
                                                     {QStringLiteral("link_id"), *link},
                                                     {QStringLiteral("outbox_id"), *queued}}));
            !r)
            return Problem::internalError(r.error());
        return HttpResponse::json(202, {{QStringLiteral("queued"), true}});
    });
}

} // namespace Gatehouse::Server
