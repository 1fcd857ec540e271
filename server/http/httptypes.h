// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Gatehouse::Server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as route handlers see it: plain Qt types, no Beast. The HTTP edge fills
// it only after the strict parser accepted the message, so handlers never deal with
// framing (lengths, chunking, limits).
struct HttpRequest
{
    QByteArray method; // as sent, e.g. "GET"
    QString path;      // the target up to '?', still percent-encoded
    QUrlQuery query;
    HeaderList headers; // names in lower case
    QByteArray body;
    QString remoteAddress;

    // The first value of a header (name in any case), or an empty array.
    QByteArray header(QByteArrayView name) const;
};

// An answer as handlers build it. The edge adds framing, keep-alive and the security
// headers; HEAD requests get these headers and no body.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    void setHeader(const QByteArray &name, const QByteArray &value);

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse noContent();
};

} // namespace Gatehouse::Server
