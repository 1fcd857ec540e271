// SPDX-License-Identifier: Apache-2.0
#include "shortcodes.h"

#include "common/crypto.h"
#include "common/errorcode.h"
#include "secrets/keyring.h"
#include "storage/sessionstore.h"

#include <QtEndian>

namespace Gatehouse::Server {

QString ShortCodes::displayCode(const QString &keyId, const QByteArray &sessionSecret, const QString &nonce) const
{
    QByteArray input = sessionSecret;
    input += '.';
    input += nonce.toLatin1();
    const QByteArray mac = Crypto::hmacSha256(m_keyring.derive(u"short-code-display", keyId), input);
    // 32 bits mod 10^6: the bias (< 0.03 %) is irrelevant for a code that dies after 5 tries.
    const quint32 n = qFromBigEndian<quint32>(mac.constData());
    return QStringLiteral("%1").arg(n % 1000000u, 6, 10, QLatin1Char('0'));
}

QString ShortCodes::codeHmac(const QString &keyId, qint64 clientId, QStringView purpose, QStringView code) const
{
    QByteArray input = QByteArray::number(clientId);
    input += ':';
    input += purpose.toLatin1();
    input += ':';
    input += code.toLatin1();
    return QString::fromLatin1(Crypto::hmacSha256(m_keyring.derive(u"short-code", keyId), input).toHex());
}

Result<QString> ShortCodes::phoneCodeFor(QSqlDatabase &db, qint64 clientId, qint64 sessionId,
                                         const QByteArray &sessionSecret, const QDateTime &now) const
{
    auto latest = SessionStore::latestCode(db, clientId, PhonePurpose, sessionId);
    if (!latest)
        return latest.error();
    if (latest->has_value() && (*latest)->expiresAt > now && (*latest)->attempts < MaxAttempts)
        return displayCode((*latest)->keyId, sessionSecret, (*latest)->nonce);

    auto count = SessionStore::countCodes(db, sessionId, PhonePurpose);
    if (!count)
        return count.error();
    if (*count >= MaxCodesPerSession)
        return Error{QStringLiteral("code_locked"),
                     QStringLiteral("This sign-in asked for too many codes. Open your link again.")};
    const QString keyId = m_keyring.currentKeyId();
    const QString nonce = QString::fromLatin1(Crypto::toBase64Url(Crypto::randomBytes(16)));
    const QString code = displayCode(keyId, sessionSecret, nonce);
    auto id =
        SessionStore::insertCode(db, clientId, sessionId, PhonePurpose, keyId, nonce,
                                 codeHmac(keyId, clientId, PhonePurpose, code), now, now.addSecs(ValiditySeconds));
    if (!id)
        return id.error();
    return code;
}

Result<QString> ShortCodes::issueMailedCode(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QString &nonce,
                                            const QDateTime &now) const
{
    const quint32 n = qFromBigEndian<quint32>(Crypto::randomBytes(4).constData());
    const QString code = QStringLiteral("%1").arg(n % 1000000u, 6, 10, QLatin1Char('0'));
    const QString keyId = m_keyring.currentKeyId();
    auto id = SessionStore::insertCode(db, clientId, sessionId, CrossDevicePurpose, keyId, nonce,
                                       codeHmac(keyId, clientId, CrossDevicePurpose, code), now,
                                       now.addSecs(ValiditySeconds));
    if (!id)
        return id.error();
    return code;
}

Result<ShortCodes::Confirmation> ShortCodes::check(QSqlDatabase &db, const SessionStore::ShortCode &row,
                                                   qint64 clientId, const QString &purpose, QStringView code,
                                                   const QDateTime &now) const
{
    Confirmation confirmation;
    confirmation.sessionId = row.sessionId;
    if (row.expiresAt <= now)
        return confirmation; // NoCode: expired
    if (row.attempts >= MaxAttempts) {
        confirmation.result = Check::Locked;
        return confirmation;
    }
    // Compare HMACs in constant time (R2); the stored value is never the code.
    const QString expected = codeHmac(row.keyId, clientId, purpose, code);
    if (Crypto::constantTimeEquals(expected.toLatin1(), row.codeHmac.toLatin1())) {
        if (auto r = SessionStore::confirmCode(db, row.id, now); !r)
            return r.error();
        confirmation.result = Check::Confirmed;
        return confirmation;
    }
    if (auto r = SessionStore::recordWrongCode(db, row.id); !r)
        return r.error();
    confirmation.attemptsLeft = MaxAttempts - row.attempts - 1;
    confirmation.result = confirmation.attemptsLeft <= 0 ? Check::Locked : Check::Wrong;
    return confirmation;
}

Result<ShortCodes::Confirmation> ShortCodes::confirmPhone(QSqlDatabase &db, qint64 clientId, QStringView code,
                                                          const QDateTime &now) const
{
    auto latest = SessionStore::latestCode(db, clientId, PhonePurpose);
    if (!latest)
        return latest.error();
    if (!latest->has_value())
        return Confirmation{}; // NoCode: none pending
    return check(db, **latest, clientId, PhonePurpose, code, now);
}

} // namespace Gatehouse::Server
