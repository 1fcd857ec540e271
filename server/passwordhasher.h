// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace Gatehouse::Server {

// Staff passwords as Argon2id (libargon2) in the PHC string format, so parameters can
// be raised later and old hashes still verify. Parameters follow OWASP's minimum for
// Argon2id: t=2, m=19 MiB, p=1, 16-byte salt.
class PasswordHasher
{
public:
    static Result<QString> hash(const QByteArray &password);
    static bool verify(const QString &encoded, const QByteArray &password);

    // Spends the same work as a real verify against a throwaway hash, so that "no such
    // email" takes as long as "wrong password" and sign-in does not reveal accounts.
    static void verifyDummy(const QByteArray &password);
};

} // namespace Gatehouse::Server
