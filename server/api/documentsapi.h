// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "mail/outbox.h"
#include "storage/documentstore.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

class Keyring;
struct Config;

// Documents staff share with a client (F10): raw-body upload with its own size limit,
// list, delete, and mailing a document's own link to the client. The client-facing
// downloads (/d/{token}, the hub) are portal routes (portal/portalroutes_documents.cpp).
class DocumentsApi
{
public:
    DocumentsApi(const Storage &storage, const Config &config, const Keyring &keyring);

    void registerRoutes(Router &router) const;

private:
    HttpResponse list(const RequestContext &context) const;
    HttpResponse upload(const RequestContext &context) const;
    HttpResponse remove(const RequestContext &context) const;
    HttpResponse send(const RequestContext &context) const;

    const Storage &m_storage;
    DocumentStore m_documents;
    AuditLog m_audit;
    Outbox m_outbox;
    QString m_publicUrl;
    qint64 m_maxBytes;
    int m_mailRetryAfterSeconds;
};

} // namespace Gatehouse::Server
