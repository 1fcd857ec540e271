// SPDX-License-Identifier: Apache-2.0
#include "keyring.h"

#include "common/crypto.h"
#include "common/errorcode.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Gatehouse::Server {

namespace {

Error keyringError(const QString &path, const QString &what)
{
    return Error{QString(ErrorCode::ConfigError), QStringLiteral("secret file %1: %2").arg(path, what)};
}

QByteArray newKeyLine(QString *keyId)
{
    *keyId = QString::fromLatin1(Crypto::randomBytes(4).toHex());
    return keyId->toLatin1() + ' ' + Crypto::toBase64Url(Crypto::randomBytes(32)) + '\n';
}

Result<void> appendLine(const QString &path, const QByteArray &line)
{
    QFile file(path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return keyringError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    // Owner-only before the first byte of key material lands in it.
    if (!existed && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return keyringError(path, QStringLiteral("cannot restrict permissions"));
    if (file.write(line) != line.size() || !file.flush())
        return keyringError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    return {};
}

} // namespace

Result<Keyring> Keyring::loadOrCreate(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        if (auto created = rotate(path); !created)
            return created.error();
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return keyringError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    static const QRegularExpression linePattern(QStringLiteral("^([0-9a-f]{8}) ([A-Za-z0-9_-]{43})$"));
    Keyring keyring;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromLatin1(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto m = linePattern.match(line);
        if (!m.hasMatch())
            return keyringError(path,
                                QStringLiteral("line %1 is not '<8 hex key id> <43 base64url chars>'").arg(lineNumber));
        bool ok = false;
        const QByteArray key = Crypto::fromBase64Url(m.captured(2).toLatin1(), &ok);
        if (!ok || key.size() != 32)
            return keyringError(path, QStringLiteral("line %1 does not hold a 32-byte key").arg(lineNumber));
        keyring.m_keys.append({m.captured(1), key});
    }
    if (keyring.m_keys.isEmpty())
        return keyringError(path, QStringLiteral("holds no key; delete it to have a new one created"));
    return keyring;
}

Result<QString> Keyring::rotate(const QString &path)
{
    QString keyId;
    if (auto written = appendLine(path, newKeyLine(&keyId)); !written)
        return written.error();
    return keyId;
}

bool Keyring::hasKey(const QString &keyId) const
{
    for (const auto &k : m_keys) {
        if (k.first == keyId)
            return true;
    }
    return false;
}

QByteArray Keyring::derive(QStringView purpose, const QString &keyId) const
{
    for (const auto &k : m_keys) {
        if (k.first == keyId) {
            const QByteArray label = QByteArray("gatehouse/") + purpose.toUtf8();
            return Crypto::hmacSha256(k.second, label);
        }
    }
    return {};
}

} // namespace Gatehouse::Server
