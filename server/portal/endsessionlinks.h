// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <optional>

namespace Gatehouse::Server {

class Keyring;
struct Config;

// The "it was not me — end that session" link of the new-sign-in mail (SPEC B7):
//   <public URL>/portal/end-session/<key id>.<client id>.<session id>/<HMAC, base64url>
// The HMAC (under a key derived from the keyring, named by its id so rotation keeps
// older mails working) makes the link unforgeable; nothing is stored for it. It can
// only end the one session it names, which is harmless to a mail scanner that opens
// it, and opening it (GET) changes nothing: the page asks for a click first.
// The HMAC is a 43-character segment, so the access log redacts it like a token.
class EndSessionLinks
{
public:
    EndSessionLinks(const Config &config, const Keyring &keyring);

    struct Target
    {
        qint64 clientId = 0;
        qint64 sessionId = 0;
    };

    QString pathFor(const Target &target) const;
    QString urlFor(qint64 clientId, qint64 sessionId) const;
    // The session a link names, if its HMAC verifies (constant time).
    std::optional<Target> verify(const QString &reference, const QString &mac) const;

private:
    QString macFor(const QString &keyId, const QString &reference) const;

    QString m_publicUrl;
    const Keyring &m_keyring;
};

} // namespace Gatehouse::Server
