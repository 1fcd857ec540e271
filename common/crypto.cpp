// SPDX-License-Identifier: Apache-2.0
#include "crypto.h"

#include "errorcode.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>
#include <QtCrypto>
#include <cstring>
#include <vector>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <unistd.h> // getentropy (glibc >= 2.25, macOS, the BSDs)
#if __has_include(<sys/random.h>)
#include <sys/random.h> // macOS declares getentropy here
#endif
#endif

namespace Gatehouse {

struct CryptoRuntime::Private
{
    QCA::Initializer init{QCA::Practical, 64};
};

namespace {

// Packages ship their own QCA build with its OpenSSL plugin in lib/gatehouse[-portal]/qca-qt6/crypto
// next to bin/. QCA looks for a "crypto" folder under every QCoreApplication::libraryPaths()
// entry, so adding the private folder there lets installed binaries find the plugin without
// QCA_PLUGIN_PATH. Must run before QCA::Initializer scans the plugins.
void addPrivatePluginPaths()
{
    if (QCoreApplication::instance() == nullptr)
        return;
    const QDir bin(QCoreApplication::applicationDirPath());
    for (const char *dir : {"../lib/gatehouse/qca-qt6", "../lib/gatehouse-portal/qca-qt6"}) {
        const QString path = bin.absoluteFilePath(QString::fromLatin1(dir));
        if (QDir(path + QStringLiteral("/crypto")).exists())
            QCoreApplication::addLibraryPath(QDir::cleanPath(path));
    }
}

} // namespace

CryptoRuntime::CryptoRuntime()
{
    addPrivatePluginPaths();
    d = std::make_unique<Private>();
}

CryptoRuntime::~CryptoRuntime() = default;

Result<void> CryptoRuntime::check() const
{
    QStringList missing;
    for (const char *feature : {"sha256", "hmac(sha256)", "hmac(sha1)"}) {
        if (!QCA::isSupported(feature))
            missing << QString::fromLatin1(feature);
    }
    // AES-GCM (mail bodies, TOTP secrets) still goes through QCA and needs OpenSSL's provider.
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
    if (count <= 0)
        return {};
    // Session ids, tokens and keys come from here, so only the kernel's CSPRNG will do.
    // Constructing a QCA::Random looked the provider up on every call (~16 % of a
    // consume with the cookie HMAC). QRandomGenerator::system() was considered, but
    // Qt's docs only promise "the facilities provided by the operating system", and
    // Qt 6's qrandom.cpp asks the CPU's RDRAND first when it has one (x86), falling
    // back to getentropy()/BCryptGenRandom only without it: we want the kernel pool,
    // which mixes RDRAND with its other sources, not the instruction alone.
    QByteArray out(count, Qt::Uninitialized);
#if defined(Q_OS_UNIX)
    // getentropy() serves at most 256 bytes a call and only fails on a broken system
    // (no getrandom syscall, seccomp); weak bytes would be worse than stopping.
    for (qsizetype done = 0; done < out.size();) {
        const size_t chunk = size_t(qMin<qsizetype>(out.size() - done, 256));
        if (getentropy(out.data() + done, chunk) != 0) {
            if (errno == EINTR)
                continue;
            qFatal("Crypto::randomBytes: getentropy failed (errno %d)", errno);
        }
        done += qsizetype(chunk);
    }
#else
    // Windows: Qt documents system() as cryptographically safe there (BCryptGenRandom /
    // RtlGenRandom, or the CPU's RDRAND after Qt checked that it works).
    std::vector<quint32> words(size_t(count + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    std::memcpy(out.data(), words.data(), size_t(count));
#endif
    return out;
}

QString newToken()
{
    return QString::fromLatin1(toBase64Url(randomBytes(32)));
}

QByteArray sha256(QByteArrayView data)
{
    // Qt's own SHA-256: the same digest as QCA's, without a provider lookup per call
    // (pinned to FIPS 180-2 vectors in tests/common/tst_crypto.cpp).
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QString sha256Hex(QByteArrayView data)
{
    return QString::fromLatin1(sha256(data).toHex());
}

// HMAC (RFC 2104) through Qt rather than QCA: the cookie, CSRF and key-derivation MACs
// run on every consume, and QCA built a provider context and copied the key into secure
// memory each time. Same outputs (RFC 4231 / RFC 2202 vectors in tst_crypto).
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return QMessageAuthenticationCode::hash(QByteArray::fromRawData(data.data(), data.size()),
                                            QByteArray::fromRawData(key.data(), key.size()),
                                            QCryptographicHash::Sha256);
}

QByteArray hmacSha1(QByteArrayView key, QByteArrayView data)
{
    return QMessageAuthenticationCode::hash(QByteArray::fromRawData(data.data(), data.size()),
                                            QByteArray::fromRawData(key.data(), key.size()), QCryptographicHash::Sha1);
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
                                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
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
        const bool good =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!good)
            return false;
    }
    return true;
}

} // namespace Crypto
} // namespace Gatehouse
