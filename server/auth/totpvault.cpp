// SPDX-License-Identifier: Apache-2.0
#include "totpvault.h"

#include "auth/totp.h"
#include "common/crypto.h"
#include "common/errorcode.h"
#include "secrets/keyring.h"

#include <QtCrypto>

namespace Gatehouse::Server {

namespace {

constexpr int IvBytes = 12; // GCM's native nonce size
constexpr int TagBytes = 16;
const QString Purpose = QStringLiteral("totp");

Error vaultError(const QString &what)
{
    return Error{QString(ErrorCode::CryptoUnavailable), what};
}

// The staff id in front of the secret binds the ciphertext to its row.
QByteArray boundPlaintext(qint64 staffId, const QByteArray &secret)
{
    QByteArray plain = QByteArray::number(staffId);
    plain.append(':');
    plain.append(secret);
    return plain;
}

} // namespace

Result<QString> TotpVault::seal(qint64 staffId, const QByteArray &secret) const
{
    const QString keyId = m_keyring.currentKeyId();
    const QByteArray key = m_keyring.derive(Purpose, keyId);
    if (key.size() != 32)
        return vaultError(QStringLiteral("no key to seal the second factor with"));
    // A random nonce per seal: secrets are re-sealed rarely, so 96 random bits never repeat
    // in practice under one key.
    const QByteArray iv = Crypto::randomBytes(IvBytes);
    QCA::Cipher cipher(QStringLiteral("aes256"), QCA::Cipher::GCM, QCA::Cipher::NoPadding, QCA::Encode,
                       QCA::SymmetricKey(key), QCA::InitializationVector(iv), QCA::AuthTag(TagBytes));
    QCA::SecureArray out = cipher.update(QCA::MemoryRegion(boundPlaintext(staffId, secret)));
    if (cipher.ok())
        out.append(cipher.final());
    const QByteArray tag = cipher.ok() ? cipher.tag().toByteArray() : QByteArray();
    if (!cipher.ok() || tag.size() != TagBytes)
        return vaultError(QStringLiteral("AES-256-GCM sealing failed"));
    QByteArray sealed = iv;
    sealed.append(out.toByteArray());
    sealed.append(tag);
    return QStringLiteral("v1:%1:%2").arg(keyId, QString::fromLatin1(Crypto::toBase64Url(sealed)));
}

Result<TotpVault::Opened> TotpVault::open(qint64 staffId, const QString &stored) const
{
    if (!isSealed(stored)) {
        // Written before encryption at rest: the bare base32 secret.
        const auto legacy = Totp::fromBase32(stored);
        if (!legacy || legacy->isEmpty())
            return vaultError(QStringLiteral("the stored second factor is unreadable"));
        return Opened{*legacy, true};
    }
    const int second = stored.indexOf(u':', 3);
    if (second < 0)
        return vaultError(QStringLiteral("the stored second factor is malformed"));
    const QString keyId = stored.mid(3, second - 3);
    const QByteArray key = m_keyring.derive(Purpose, keyId);
    if (key.size() != 32)
        return vaultError(QStringLiteral("the second factor was sealed under a key this server does not have"));
    const QByteArray sealed = QByteArray::fromBase64(stored.mid(second + 1).toLatin1(),
                                                     QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (sealed.size() < IvBytes + TagBytes + 2)
        return vaultError(QStringLiteral("the stored second factor is truncated"));
    QCA::Cipher cipher(QStringLiteral("aes256"), QCA::Cipher::GCM, QCA::Cipher::NoPadding, QCA::Decode,
                       QCA::SymmetricKey(key), QCA::InitializationVector(sealed.left(IvBytes)),
                       QCA::AuthTag(sealed.right(TagBytes)));
    QCA::SecureArray out = cipher.update(QCA::MemoryRegion(sealed.mid(IvBytes, sealed.size() - IvBytes - TagBytes)));
    // final() checks the tag: any altered byte, or another key, fails here.
    if (cipher.ok())
        out.append(cipher.final());
    if (!cipher.ok())
        return vaultError(QStringLiteral("the stored second factor failed authentication"));
    const QByteArray plain = out.toByteArray();
    const QByteArray prefix = QByteArray::number(staffId) + ':';
    if (!plain.startsWith(prefix) || plain.size() == prefix.size())
        return vaultError(QStringLiteral("the stored second factor belongs to another account"));
    return Opened{plain.mid(prefix.size()), false};
}

} // namespace Gatehouse::Server
