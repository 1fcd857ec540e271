// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httptypes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Gatehouse::Server::Cookies {

// The value of cookie `name` from the request's Cookie header(s), or an empty array.
// Values are taken as sent (no decoding): ours are base64url and dot-separated only.
// Oversized or repeated cookies give an empty result, because a second cookie of the
// same name is what a subdomain planting a value would send.
QByteArray value(const HttpRequest &request, QByteArrayView name);

// A Set-Cookie value for a __Host- cookie: Path=/; Secure; HttpOnly; SameSite=Lax, and
// Max-Age when `maxAgeSeconds` > 0 (else a browser-session cookie).
QByteArray hostCookie(QByteArrayView name, QByteArrayView value, qint64 maxAgeSeconds = 0);
// A Set-Cookie value that deletes the __Host- cookie `name`.
QByteArray expiredHostCookie(QByteArrayView name);

// Appends a Set-Cookie header (several may be set on one answer).
void add(HttpResponse &response, const QByteArray &setCookie);

} // namespace Gatehouse::Server::Cookies
