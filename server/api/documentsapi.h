// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "http/router.h"
#include "storage/documentstore.h"
#include "storage/storage.h"

namespace Gatehouse::Server {

struct Config;

// Documents staff share with a client (F10): raw-body upload with its own size limit,
// list, delete, and the public GET /d/{token} download behind each document's link.
class DocumentsApi
{
public:
    DocumentsApi(const Storage &storage, const Config &config);

    void registerRoutes(Router &router) const;

private:
    HttpResponse list(const RequestContext &context) const;
    HttpResponse upload(const RequestContext &context) const;
    HttpResponse remove(const RequestContext &context) const;
    HttpResponse download(const RequestContext &context) const;

    const Storage &m_storage;
    DocumentStore m_documents;
    AuditLog m_audit;
    QString m_publicUrl;
    qint64 m_maxBytes;
};

} // namespace Gatehouse::Server
