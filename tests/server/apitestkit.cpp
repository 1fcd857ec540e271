// SPDX-License-Identifier: Apache-2.0
#include "apitestkit.h"

#include <QJsonDocument>

namespace Gatehouse::Test {

QUrl ApiKit::url(const QString &pathAndQuery) const
{
    return QUrl(m_portal.baseUrl().toString(QUrl::StripTrailingSlash) + pathAndQuery);
}

QByteArray ApiKit::json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse ApiKit::signInRaw(const QString &email, const QString &password, const QString &totp, bool sendTotp)
{
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    if (sendTotp || !totp.isEmpty())
        body.insert(QStringLiteral("totp"), totp);
    return httpRequest("POST", url(QStringLiteral("/api/v1/session")), json(body),
                       {{"Content-Type", "application/json"}});
}

QByteArray ApiKit::signIn(const QString &email, const QString &password, const QString &totp)
{
    const auto r = signInRaw(email, password, totp);
    if (r.status != 201)
        return {};
    return r.json().value(QStringLiteral("token")).toString().toLatin1();
}

HttpResponse ApiKit::call(const QByteArray &method, const QString &path, const QByteArray &token,
                          const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto all = headers;
    if (!token.isEmpty())
        all.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token)));
    return httpRequest(method, url(path), body, all);
}

HttpResponse ApiKit::callJson(const QByteArray &method, const QString &path, const QByteArray &token,
                              const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto all = headers;
    all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return call(method, path, token, json(body), all);
}

QJsonObject ApiKit::createClient(const QByteArray &token, const QString &name, const QString &email)
{
    const auto r = callJson("POST", QStringLiteral("/api/v1/clients"), token,
                            {{QStringLiteral("name"), name},
                             {QStringLiteral("email"), email},
                             {QStringLiteral("matter"), QStringLiteral("Matter of %1").arg(name)}});
    return r.status == 201 ? r.json() : QJsonObject();
}

bool ApiKit::healthy()
{
    return httpRequest("GET", url(QStringLiteral("/healthz"))).status == 200;
}

} // namespace Gatehouse::Test
