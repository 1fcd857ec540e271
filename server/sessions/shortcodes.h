// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

class Keyring;

// Six-digit short codes (SPEC B4, F11): stored as HMAC-SHA256 under a key derived
// from the keyring (so a database copy cannot be brute-forced offline), valid for
// 10 minutes, dead after 5 wrong tries.
//
// A phone code is derived from the session's secret id and a per-code nonce, so the
// page can show it again on reload without the code itself being stored anywhere.
class ShortCodes
{
public:
    static constexpr int MaxAttempts = 5;
    static constexpr qint64 ValiditySeconds = 600;
    // New codes a session may ask for; beyond it the client must start again from a
    // link, so five wrong tries per code cannot be multiplied without limit.
    static constexpr int MaxCodesPerSession = 3;

    explicit ShortCodes(const Keyring &keyring) : m_keyring(keyring) {}

    // The phone code for a session waiting for phone confirmation, creating one if it
    // has no live code. Inside the caller's WriteTransaction. Fails with code_locked
    // when the session used up its codes.
    Result<QString> phoneCodeFor(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QByteArray &sessionSecret,
                                 const QDateTime &now) const;

    enum class Check { Confirmed, Wrong, Locked, NoCode };
    struct Confirmation
    {
        Check result = Check::NoCode;
        qint64 sessionId = 0;
        int attemptsLeft = 0;
    };
    // Staff typed `code` for the client (F11). Wrong answers are counted; the fifth
    // kills the code. Inside the caller's WriteTransaction.
    Result<Confirmation> confirmPhone(QSqlDatabase &db, qint64 clientId, QStringView code, const QDateTime &now) const;

private:
    QString displayCode(const QString &keyId, const QByteArray &sessionSecret, const QString &nonce) const;
    QString codeHmac(const QString &keyId, qint64 clientId, QStringView purpose, QStringView code) const;

    const Keyring &m_keyring;
};

} // namespace Gatehouse::Server
