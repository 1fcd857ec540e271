// SPDX-License-Identifier: Apache-2.0
#include "sessioncookie.h"

#include "common/crypto.h"
#include "http/cookies.h"
#include "secrets/keyring.h"

namespace Gatehouse::Server {

namespace {

constexpr qsizetype SecretBytes = 32;
constexpr qsizetype MaxValueBytes = 200; // 8 + 1 + 43 + 1 + 43 = 96; anything longer is garbage

} // namespace

QByteArray SessionCookie::sign(const Keyring &keyring, QStringView purpose, const QByteArray &secret)
{
    const QByteArray keyId = keyring.currentKeyId().toLatin1();
    QByteArray signedPart = keyId;
    signedPart += '.';
    signedPart += Crypto::toBase64Url(secret);
    const QByteArray mac = Crypto::hmacSha256(keyring.derive(purpose), signedPart);
    QByteArray value = signedPart;
    value += '.';
    value += Crypto::toBase64Url(mac);
    return value;
}

std::optional<QByteArray> SessionCookie::verify(const Keyring &keyring, QStringView purpose, QByteArrayView value)
{
    if (value.isEmpty() || value.size() > MaxValueBytes)
        return std::nullopt;
    const qsizetype firstDot = value.indexOf('.');
    const qsizetype lastDot = value.lastIndexOf('.');
    if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == value.size() - 1)
        return std::nullopt;
    const QString keyId = QString::fromLatin1(value.first(firstDot));
    // Unknown key id (forged, or from a keyring that was replaced): derive() is empty.
    const QByteArray key = keyring.derive(purpose, keyId);
    if (key.isEmpty())
        return std::nullopt;
    const QByteArrayView signedPart = value.first(lastDot);
    bool macOk = false;
    const QByteArray mac = Crypto::fromBase64Url(value.sliced(lastDot + 1), &macOk);
    if (!macOk || !Crypto::constantTimeEquals(mac, Crypto::hmacSha256(key, signedPart)))
        return std::nullopt;
    bool secretOk = false;
    QByteArray secret = Crypto::fromBase64Url(value.sliced(firstDot + 1, lastDot - firstDot - 1), &secretOk);
    if (!secretOk || secret.size() != SecretBytes)
        return std::nullopt;
    return secret;
}

QByteArray SessionCookie::fromRequest(const HttpRequest &request, QByteArrayView name)
{
    // One cookie parser for the portal (it also refuses duplicated names).
    return Cookies::value(request, name);
}

QByteArray SessionCookie::setCookie(QByteArrayView name, const QByteArray &value, qint64 maxAgeSeconds)
{
    // __Host- requires Secure, Path=/ and no Domain; browsers accept Secure cookies on
    // http://localhost and 127.0.0.1, so tests work without TLS.
    QByteArray header = name.toByteArray();
    header += '=';
    header += value;
    header += "; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=";
    header += QByteArray::number(maxAgeSeconds);
    return header;
}

QByteArray SessionCookie::clearCookie(QByteArrayView name)
{
    QByteArray header = name.toByteArray();
    header += "=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0";
    return header;
}

} // namespace Gatehouse::Server
