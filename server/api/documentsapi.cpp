// SPDX-License-Identifier: Apache-2.0
#include "documentsapi.h"

#include "api/apisupport.h"
#include "clock.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "config.h"
#include "http/problem.h"
#include "storage/writetransaction.h"

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

DocumentsApi::DocumentsApi(const Storage &storage, const Config &config)
    : m_storage(storage), m_documents(storage.database()), m_audit(storage.database()), m_publicUrl(config.publicUrl),
      m_maxBytes(config.documentsMaxBytes)
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
    router.add("GET", QStringLiteral("/d/{token}"), Access::publicRoute(),
               [this](const RequestContext &c) { return download(c); });
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
    WriteTransaction tx(m_storage.database());
    if (auto r = tx.begin(); !r)
        return Problem::internalError(r.error());
    auto db = tx.connection();
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
    if (auto r = tx.commit(); !r)
        return Problem::internalError(r.error());
    // The link is in this answer only; the server keeps just its hash.
    const QString url = m_publicUrl + QStringLiteral("/d/") + token;
    auto response = HttpResponse::json(
        201, {{QStringLiteral("document"), stored->toJson()}, {QStringLiteral("document_url"), url}});
    response.setHeader("Location",
                       "/api/v1/clients/" + QByteArray::number(*id) + "/documents/" + QByteArray::number(stored->id));
    return response;
}

HttpResponse DocumentsApi::remove(const RequestContext &context) const
{
    const auto id = idParam(context, QStringLiteral("id"));
    const auto docId = idParam(context, QStringLiteral("docId"));
    if (!id || !docId)
        return notFound(QStringLiteral("document"));
    const auto now = Clock::now();
    WriteTransaction tx(m_storage.database());
    if (auto r = tx.begin(); !r)
        return Problem::internalError(r.error());
    auto db = tx.connection();
    // Looked up by client and id together: another client's document id is a 404.
    auto document = m_documents.find(db, *id, *docId);
    if (!document)
        return Problem::internalError(document.error());
    if (!document->has_value())
        return notFound(QStringLiteral("document"));
    if (auto r = m_documents.remove(db, *docId, now); !r)
        return Problem::internalError(r.error());
    if (auto r = m_audit.append(
            db, staffAction(context, AuditType::DocumentRemoved, *id,
                            {{QStringLiteral("document_id"), *docId}, {QStringLiteral("name"), (*document)->name}}));
        !r)
        return Problem::internalError(r.error());
    if (auto r = tx.commit(); !r)
        return Problem::internalError(r.error());
    return HttpResponse::noContent();
}

HttpResponse DocumentsApi::download(const RequestContext &context) const
{
    const QString token = context.params.value(QStringLiteral("token"));
    const auto gone = Problem::make(404, ErrorCode::NotFound, QStringLiteral("There is no document at this link."));
    if (!Crypto::looksLikeToken(token))
        return gone;
    auto found = m_documents.findByTokenHash(Crypto::sha256Hex(token.toLatin1()));
    if (!found)
        return Problem::internalError(found.error());
    if (!found->has_value())
        return gone;
    const auto &download = **found;
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
    return r;
}

} // namespace Gatehouse::Server
