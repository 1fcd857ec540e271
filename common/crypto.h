// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace Gatehouse {

// Owns QCA's global state for the life of a program and checks that the algorithms
// we rely on are really there (they come from the qca-ossl plugin). Hashes, HMACs and
// random bytes below no longer go through QCA; the ciphers elsewhere still do. Create exactly
// one, in main() or a test's initTestCase(), before any other Crypto call.
class CryptoRuntime
{
public:
    CryptoRuntime();
    ~CryptoRuntime();
    CryptoRuntime(const CryptoRuntime &) = delete;
    CryptoRuntime &operator=(const CryptoRuntime &) = delete;

    // Fails with ErrorCode::CryptoUnavailable and a message naming what is missing.
    Result<void> check() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

namespace Crypto {

// Bytes from the operating system's CSPRNG (getentropy on Unix, Qt's system generator
// elsewhere); stops the program rather than return weak bytes. Empty for count <= 0.
QByteArray randomBytes(int count);

// A fresh bearer secret: 32 random bytes as base64url without padding (43 chars).
QString newToken();

QByteArray sha256(QByteArrayView data);
QString sha256Hex(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
// Only for TOTP (RFC 6238 fixes SHA-1 for authenticator apps); use hmacSha256 elsewhere.
QByteArray hmacSha1(QByteArrayView key, QByteArrayView data);

// Compares in time that depends only on the lengths, never on where bytes differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

QByteArray toBase64Url(QByteArrayView data);
// Empty optional-like result for anything that is not strict unpadded base64url.
QByteArray fromBase64Url(QByteArrayView text, bool *ok);

// Strict shape check for a token taken from a URL or header before any lookup:
// exactly 43 base64url characters.
bool looksLikeToken(QStringView text);

} // namespace Crypto
} // namespace Gatehouse
