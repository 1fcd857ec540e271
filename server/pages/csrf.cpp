// SPDX-License-Identifier: Apache-2.0
#include "csrf.h"

#include "common/crypto.h"
#include "http/cookies.h"
#include "secrets/keyring.h"

namespace Gatehouse::Server {

Csrf::Csrf(const Keyring &keyring) : m_key(keyring.derive(u"csrf")) {}

QByteArray Csrf::tokenFor(QByteArrayView cookieValue) const
{
    return Crypto::toBase64Url(Crypto::hmacSha256(m_key, cookieValue));
}

Csrf::Issued Csrf::issue(const HttpRequest &request) const
{
    const QByteArray existing = Cookies::value(request, cookieName);
    if (Crypto::looksLikeToken(QString::fromLatin1(existing)))
        return Issued{tokenFor(existing), {}};
    const QByteArray fresh = Crypto::newToken().toLatin1();
    return Issued{tokenFor(fresh), Cookies::hostCookie(cookieName, fresh)};
}

void Csrf::apply(const Issued &issued, HttpResponse &response)
{
    if (!issued.setCookie.isEmpty())
        Cookies::add(response, issued.setCookie);
}

bool Csrf::verify(const HttpRequest &request, QByteArrayView submitted) const
{
    const QByteArray cookie = Cookies::value(request, cookieName);
    if (!Crypto::looksLikeToken(QString::fromLatin1(cookie)) || submitted.isEmpty() || submitted.size() > 64)
        return false;
    return Crypto::constantTimeEquals(tokenFor(cookie), submitted);
}

} // namespace Gatehouse::Server
