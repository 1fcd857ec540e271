// SPDX-License-Identifier: Apache-2.0
#include "crypto.h"

#include "errorcode.h"

#include <QtCrypto>

#include <QStringList>

namespace Gatehouse {

struct CryptoRuntime::Private
{
    QCA::Initializer init{QCA::Practical, 64};
};

CryptoRuntime::CryptoRuntime() : d(std::make_unique<Private>()) {}

CryptoRuntime::~CryptoRuntime() = default;

Result<void> CryptoRuntime::check() const
{
    QStringList missing;
    for (const char *feature : {"sha256", "hmac(sha256)", "hmac(sha1)"}) {
        if (!QCA::isSupported(feature))
            missing << QString::fromLatin1(feature);
    }
    // QCA's built-in "default" provider serves random numbers too; we insist on OpenSSL's.
    if (QCA::findProvider(QStringLiteral("qca-ossl")) == nullptr)
        missing << QStringLiteral("qca-ossl provider");
    if (missing.isEmpty())
        return {};
    return Error{QString(ErrorCode::CryptoUnavailable),
                 QStringLiteral("QCA is missing %1; install the QCA OpenSSL plugin (qca-ossl) or set QCA_PLUGIN_PATH")
                     .arg(missing.join(QStringLiteral(", ")))};
}

namespace Crypto {

QByteArray randomBytes(int count)
{
    QCA::Random rng(QStringLiteral("qca-ossl"));
    return rng.nextBytes(count).toByteArray();
}

QString newToken()
{
    return QString::fromLatin1(toBase64Url(randomBytes(32)));
}

QByteArray sha256(QByteArrayView data)
{
    QCA::Hash hash(QStringLiteral("sha256"));
    hash.update(data.data(), int(data.size()));
    return hash.final().toByteArray();
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(sha256(data).toHex());
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QCA::MessageAuthenticationCode mac(QStringLiteral("hmac(sha256)"),
                                       QCA::SymmetricKey(QByteArray(key.data(), key.size())));
    mac.update(QCA::MemoryRegion(QByteArray(data.data(), data.size())));
    return mac.final().toByteArray();
}

QByteArray hmacSha1(QByteArrayView key, QByteArrayView data)
{
    QCA::MessageAuthenticationCode mac(QStringLiteral("hmac(sha1)"),
                                       QCA::SymmetricKey(QByteArray(key.data(), key.size())));
    mac.update(QCA::MemoryRegion(QByteArray(data.data(), data.size())));
    return mac.final().toByteArray();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
    return diff == 0;
}

QByteArray toBase64Url(QByteArrayView data)
{
    return QByteArray(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromBase64Url(QByteArrayView text, bool *ok)
{
    auto decoded = QByteArray::fromBase64Encoding(QByteArray(text.data(), text.size()),
                                                  QByteArray::Base64UrlEncoding |
                                                      QByteArray::OmitTrailingEquals |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(decoded);
    return decoded ? *decoded : QByteArray();
}

bool looksLikeToken(QStringView text)
{
    if (text.size() != 43)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool good = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
                          u == u'-' || u == u'_';
        if (!good)
            return false;
    }
    return true;
}

} // namespace Crypto
} // namespace Gatehouse
