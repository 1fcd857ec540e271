// SPDX-License-Identifier: Apache-2.0
#include "mailcipher.h"

#include "common/crypto.h"
#include "common/errorcode.h"

#include <QtCrypto>

namespace Gatehouse::Server::MailCipher {

namespace {

constexpr int IvBytes = 12; // the GCM nonce size that needs no extra hashing
constexpr int TagBytes = 16;

Error cryptoError(const QString &what)
{
    return Error{QString(ErrorCode::CryptoUnavailable), what};
}

} // namespace

Result<QByteArray> seal(const QByteArray &key, const QByteArray &plaintext)
{
    if (key.size() != 32)
        return cryptoError(QStringLiteral("the outbox key is not 32 bytes"));
    // A fresh random nonce per message: with 96 random bits, a repeat under one key is
    // out of reach for any realistic mail volume (and rotation changes the key).
    const QByteArray iv = Crypto::randomBytes(IvBytes);
    QCA::Cipher cipher(QStringLiteral("aes256"), QCA::Cipher::GCM, QCA::Cipher::NoPadding, QCA::Encode,
                       QCA::SymmetricKey(key), QCA::InitializationVector(iv), QCA::AuthTag(TagBytes));
    QCA::SecureArray out = cipher.update(QCA::MemoryRegion(plaintext));
    if (!cipher.ok())
        return cryptoError(QStringLiteral("AES-256-GCM encryption failed"));
    out.append(cipher.final());
    if (!cipher.ok())
        return cryptoError(QStringLiteral("AES-256-GCM encryption failed"));
    const QByteArray tag = cipher.tag().toByteArray();
    if (tag.size() != TagBytes)
        return cryptoError(QStringLiteral("AES-256-GCM gave no authentication tag"));
    QByteArray sealed;
    sealed.reserve(IvBytes + out.size() + TagBytes);
    sealed.append(iv);
    sealed.append(out.toByteArray());
    sealed.append(tag);
    return sealed;
}

Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed)
{
    if (key.size() != 32)
        return cryptoError(QStringLiteral("the outbox key is not 32 bytes"));
    if (sealed.size() < IvBytes + TagBytes)
        return cryptoError(QStringLiteral("the queued message is truncated"));
    const QByteArray iv = sealed.left(IvBytes);
    const QByteArray tag = sealed.right(TagBytes);
    const QByteArray body = sealed.mid(IvBytes, sealed.size() - IvBytes - TagBytes);
    QCA::Cipher cipher(QStringLiteral("aes256"), QCA::Cipher::GCM, QCA::Cipher::NoPadding, QCA::Decode,
                       QCA::SymmetricKey(key), QCA::InitializationVector(iv), QCA::AuthTag(tag));
    QCA::SecureArray out = cipher.update(QCA::MemoryRegion(body));
    if (!cipher.ok())
        return cryptoError(QStringLiteral("the queued message cannot be decrypted"));
    // final() verifies the tag: a changed byte anywhere fails here.
    out.append(cipher.final());
    if (!cipher.ok())
        return cryptoError(QStringLiteral("the queued message failed authentication (altered or wrong key)"));
    return out.toByteArray();
}

} // namespace Gatehouse::Server::MailCipher
