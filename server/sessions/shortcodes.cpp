// SPDX-License-Identifier: Apache-2.0
#include "shortcodes.h"

#include "common/crypto.h"
#include "common/errorcode.h"
#include "secrets/keyring.h"
#include "storage/sessionstore.h"

#include <QtEndian>

namespace Gatehouse::Server {

namespace {

const QString PhonePurpose = QStringLiteral("phone");

} // namespace

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

Result<ShortCodes::Confirmation> ShortCodes::confirmPhone(QSqlDatabase &db, qint64 clientId, QStringView code,
                                                          const QDateTime &now) const
{
    Confirmation confirmation;
    auto latest = SessionStore::latestCode(db, clientId, PhonePurpose);
    if (!latest)
        return latest.error();
    if (!latest->has_value() || (*latest)->expiresAt <= now)
        return confirmation; // NoCode: none pending, or expired
    const auto &row = **latest;
    confirmation.sessionId = row.sessionId;
    if (row.attempts >= MaxAttempts) {
        confirmation.result = Check::Locked;
        return confirmation;
    }
    // Compare HMACs in constant time (R2); the stored value is never the code.
    const QString expected = codeHmac(row.keyId, clientId, PhonePurpose, code);
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

} // namespace Gatehouse::Server
