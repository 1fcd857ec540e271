// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QJsonObject>

namespace Gatehouse::Test {

// Small conveniences shared by the staff-API tests: every call still goes over real
// HTTP to the real gatehouse-portal process.
class ApiKit
{
public:
    explicit ApiKit(PortalProcess &portal) : m_portal(portal) {}

    QUrl url(const QString &pathAndQuery) const;
    // The bearer token, or empty when sign-in did not answer 201.
    QByteArray signIn(const QString &email, const QString &password, const QString &totp = QString());
    HttpResponse signInRaw(const QString &email, const QString &password, const QString &totp = QString(),
                           bool sendTotp = false);
    HttpResponse call(const QByteArray &method, const QString &path, const QByteArray &token,
                      const QByteArray &body = QByteArray(), const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResponse callJson(const QByteArray &method, const QString &path, const QByteArray &token,
                          const QJsonObject &body, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // A new client; the answer's JSON (empty on failure).
    QJsonObject createClient(const QByteArray &token, const QString &name,
                             const QString &email = QStringLiteral("client@example.com"));
    bool healthy();

    static QByteArray json(const QJsonObject &object);

private:
    PortalProcess &m_portal;
};

} // namespace Gatehouse::Test
