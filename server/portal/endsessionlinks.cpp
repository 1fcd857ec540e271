// SPDX-License-Identifier: Apache-2.0
#include "endsessionlinks.h"

#include "common/crypto.h"
#include "config.h"
#include "secrets/keyring.h"

namespace Gatehouse::Server {

namespace {

constexpr QStringView Purpose = u"end-session-link";
constexpr qsizetype MaxReferenceLength = 64;

} // namespace

EndSessionLinks::EndSessionLinks(const Config &config, const Keyring &keyring)
    : m_publicUrl(config.publicUrl), m_keyring(keyring)
{
    while (m_publicUrl.endsWith(u'/'))
        m_publicUrl.chop(1);
}

QString EndSessionLinks::macFor(const QString &keyId, const QString &reference) const
{
    const QByteArray key = m_keyring.derive(Purpose, keyId);
    if (key.isEmpty())
        return {};
    return QString::fromLatin1(Crypto::toBase64Url(Crypto::hmacSha256(key, reference.toLatin1())));
}

QString EndSessionLinks::pathFor(const Target &target) const
{
    const QString keyId = m_keyring.currentKeyId();
    const QString reference = QStringLiteral("%1.%2.%3").arg(keyId).arg(target.clientId).arg(target.sessionId);
    return QStringLiteral("/portal/end-session/%1/%2").arg(reference, macFor(keyId, reference));
}

QString EndSessionLinks::urlFor(qint64 clientId, qint64 sessionId) const
{
    // From the configured public URL, never the Host header (B8).
    return m_publicUrl + pathFor(Target{clientId, sessionId});
}

std::optional<EndSessionLinks::Target> EndSessionLinks::verify(const QString &reference, const QString &mac) const
{
    if (reference.size() > MaxReferenceLength || !Crypto::looksLikeToken(mac))
        return std::nullopt;
    const QStringList parts = reference.split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    bool clientOk = false;
    bool sessionOk = false;
    const Target target{parts.at(1).toLongLong(&clientOk), parts.at(2).toLongLong(&sessionOk)};
    if (!clientOk || !sessionOk || target.clientId <= 0 || target.sessionId <= 0)
        return std::nullopt;
    // An unknown key id (forged, or from a replaced keyring) derives no key.
    const QString expected = macFor(parts.at(0), reference);
    if (expected.isEmpty() || !Crypto::constantTimeEquals(expected.toLatin1(), mac.toLatin1()))
        return std::nullopt;
    return target;
}

} // namespace Gatehouse::Server
