// SPDX-License-Identifier: Apache-2.0
#include "cookies.h"

namespace Gatehouse::Server::Cookies {

namespace {
constexpr qsizetype maxCookieValue = 512;
}

QByteArray value(const HttpRequest &request, QByteArrayView name)
{
    QByteArray found;
    int matches = 0;
    for (const auto &[headerName, headerValue] : request.headers) {
        if (headerName != "cookie")
            continue;
        for (const QByteArray &rawPair : headerValue.split(';')) {
            const QByteArray pair = rawPair.trimmed();
            const auto eq = pair.indexOf('=');
            if (eq <= 0 || pair.first(eq).trimmed() != name)
                continue;
            ++matches;
            found = pair.sliced(eq + 1).trimmed();
        }
    }
    if (matches != 1 || found.size() > maxCookieValue)
        return {};
    return found;
}

QByteArray hostCookie(QByteArrayView name, QByteArrayView value, qint64 maxAgeSeconds)
{
    QByteArray cookie = name.toByteArray() + '=' + value.toByteArray() + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    if (maxAgeSeconds > 0)
        cookie += "; Max-Age=" + QByteArray::number(maxAgeSeconds);
    return cookie;
}

QByteArray expiredHostCookie(QByteArrayView name)
{
    return name.toByteArray() + "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
}

void add(HttpResponse &response, const QByteArray &setCookie)
{
    // Not setHeader: that would replace an earlier Set-Cookie on the same answer.
    response.headers.append({QByteArray("Set-Cookie"), setCookie});
}

} // namespace Gatehouse::Server::Cookies
