// SPDX-License-Identifier: Apache-2.0
#include "totp.h"

#include "common/crypto.h"

#include <QUrl>

namespace Gatehouse::Server::Totp {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

} // namespace

QByteArray newSecret()
{
    return Crypto::randomBytes(20);
}

QString toBase32(const QByteArray &bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(Alphabet[(buffer >> (bits - 5)) & 31]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(Alphabet[(buffer << (5 - bits)) & 31]));
    return out;
}

std::optional<QByteArray> fromBase32(QStringView text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : text) {
        const char16_t c = ch.toUpper().unicode();
        int value = -1;
        if (c >= u'A' && c <= u'Z')
            value = c - u'A';
        else if (c >= u'2' && c <= u'7')
            value = 26 + (c - u'2');
        else if (c == u'=' || c == u' ')
            continue; // padding and the spaces apps show for readability
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

qint64 stepAt(const QDateTime &utc)
{
    return utc.toSecsSinceEpoch() / StepSeconds;
}

QString codeAt(const QByteArray &secret, qint64 step)
{
    QByteArray counter(8, '\0');
    for (int i = 7; i >= 0; --i) {
        counter[i] = char(step & 0xff);
        step >>= 8;
    }
    const QByteArray mac = Crypto::hmacSha1(secret, counter);
    // Dynamic truncation (RFC 4226 section 5.3).
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) |
                           (quint32(quint8(mac.at(offset + 1))) << 16) | (quint32(quint8(mac.at(offset + 2))) << 8) |
                           quint32(quint8(mac.at(offset + 3)));
    return QStringLiteral("%1").arg(binary % 1000000, Digits, 10, QLatin1Char('0'));
}

std::optional<qint64> verify(const QByteArray &secret, QStringView code, const QDateTime &now, qint64 lastUsedStep)
{
    if (code.size() != Digits || secret.isEmpty())
        return std::nullopt;
    const QByteArray given = code.toLatin1();
    const qint64 current = stepAt(now);
    std::optional<qint64> matched;
    // Every candidate is computed and compared in full, so timing does not tell which
    // window matched.
    for (qint64 step = current - 1; step <= current + 1; ++step) {
        const bool equal = Crypto::constantTimeEquals(codeAt(secret, step).toLatin1(), given);
        if (equal && step > lastUsedStep && !matched)
            matched = step;
    }
    return matched;
}

QString provisioningUri(const QString &issuer, const QString &account, const QByteArray &secret)
{
    const QString label = QString::fromUtf8(QUrl::toPercentEncoding(issuer + u':' + account, "@"));
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=%4&period=%5")
        .arg(label, toBase32(secret), QString::fromUtf8(QUrl::toPercentEncoding(issuer)))
        .arg(Digits)
        .arg(StepSeconds);
}

} // namespace Gatehouse::Server::Totp
