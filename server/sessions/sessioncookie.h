// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

class Keyring;

// Signed cookie values "<key id>.<secret, base64url>.<HMAC, base64url>" (SPEC F5).
// The HMAC key is derived per cookie kind from the keyring, and the key id travels in
// the value, so after `rotate-secret` old cookies still verify under their own key
// while new ones are signed with the new key.
class SessionCookie
{
public:
    static constexpr QByteArrayView SessionName{"__Host-gh_session"};
    static constexpr QByteArrayView BrowserName{"__Host-gh_browser"};
    static constexpr QByteArrayView DeviceName{"__Host-gh_device"};

    // The signed value for a raw 32-byte secret, signed with the current key.
    static QByteArray sign(const Keyring &keyring, QStringView purpose, const QByteArray &secret);
    // The raw secret if the value is well-formed and its HMAC verifies (constant time).
    static std::optional<QByteArray> verify(const Keyring &keyring, QStringView purpose, QByteArrayView value);

    // The value of cookie `name` from the request's Cookie headers, or empty.
    static QByteArray fromRequest(const HttpRequest &request, QByteArrayView name);

    // A Set-Cookie header value with the attributes every portal cookie carries.
    static QByteArray setCookie(QByteArrayView name, const QByteArray &value, qint64 maxAgeSeconds);
    static QByteArray clearCookie(QByteArrayView name);
};

} // namespace Gatehouse::Server
