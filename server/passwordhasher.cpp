// SPDX-License-Identifier: Apache-2.0
#include "passwordhasher.h"

#include "common/crypto.h"
#include "common/errorcode.h"

#include <argon2.h>
#include <string>

namespace Gatehouse::Server {

namespace {

constexpr uint32_t TimeCost = 2;
constexpr uint32_t MemoryKiB = 19456;
constexpr uint32_t Parallelism = 1;
constexpr uint32_t SaltBytes = 16;
constexpr uint32_t HashBytes = 32;

} // namespace

Result<QString> PasswordHasher::hash(const QByteArray &password)
{
    const QByteArray salt = Crypto::randomBytes(int(SaltBytes));
    if (salt.size() != int(SaltBytes))
        return Error{QString(ErrorCode::CryptoUnavailable), QStringLiteral("no random bytes for a password salt")};
    std::string encoded(argon2_encodedlen(TimeCost, MemoryKiB, Parallelism, SaltBytes, HashBytes, Argon2_id), '\0');
    const int rc =
        argon2id_hash_encoded(TimeCost, MemoryKiB, Parallelism, password.constData(), size_t(password.size()),
                              salt.constData(), size_t(salt.size()), HashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return Error{QString(ErrorCode::Internal),
                     QStringLiteral("password hashing failed: %1").arg(QLatin1StringView(argon2_error_message(rc)))};
    return QString::fromLatin1(encoded.c_str()); // the buffer holds a NUL-terminated string
}

bool PasswordHasher::verify(const QString &encoded, const QByteArray &password)
{
    const QByteArray enc = encoded.toLatin1();
    return argon2id_verify(enc.constData(), password.constData(), size_t(password.size())) == ARGON2_OK;
}

void PasswordHasher::verifyDummy(const QByteArray &password)
{
    // Built once per process (thread-safe static); the password behind it is random
    // and forgotten, so nothing can ever match.
    static const QString dummy = [] {
        auto h = hash(Crypto::randomBytes(24).toHex());
        return h ? h.value() : QString();
    }();
    if (!dummy.isEmpty())
        (void)verify(dummy, password);
}

} // namespace Gatehouse::Server
