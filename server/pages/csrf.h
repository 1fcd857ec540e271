// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QByteArray>

namespace Gatehouse::Server {

class Keyring;

// CSRF protection for every state-changing portal form (SPEC F4, R5).
//
// A page with a form makes sure the browser holds a random __Host-gh_csrf cookie
// (HttpOnly, Secure, SameSite=Lax) and puts HMAC(key "csrf", cookie value) in the form.
// A POST is accepted only when its form field matches the HMAC of the cookie the same
// request carries. Another site can neither read the cookie nor compute the HMAC, and
// a mail scanner that merely fetches the page and submits the form from elsewhere
// lacks the cookie; the comparison is constant-time (R2).
class Csrf
{
public:
    static constexpr QByteArrayView cookieName = "__Host-gh_csrf";
    static constexpr QByteArrayView fieldName = "csrf";

    explicit Csrf(const Keyring &keyring);

    struct Issued
    {
        QByteArray formToken; // for the hidden "csrf" field
        QByteArray setCookie; // empty when the request's cookie is reused
    };

    // Reuses the request's cookie when it has the right shape (so several open tabs
    // keep working), otherwise mints a fresh one to be set on the answer.
    Issued issue(const HttpRequest &request) const;
    // Adds the Set-Cookie of `issued`, if any, to `response`.
    static void apply(const Issued &issued, HttpResponse &response);

    // Whether `submitted` (the form's csrf field) belongs to the request's cookie.
    bool verify(const HttpRequest &request, QByteArrayView submitted) const;

private:
    QByteArray tokenFor(QByteArrayView cookieValue) const;

    QByteArray m_key;
};

} // namespace Gatehouse::Server
