// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "storage/sessionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace Gatehouse::Server {

class Keyring;

// Six-digit short codes (SPEC B4, F4, F9, F11): stored as HMAC-SHA256 under a key
// derived from the keyring (so a database copy cannot be brute-forced offline), valid
// for 10 minutes, dead after 5 wrong tries. Three kinds share the table and the rules:
//  - phone codes (F11), shown on the page and typed by staff;
//  - sign-in codes (F4), mailed with a sign-in link for opening it on another device,
//    bound to that link through the nonce "token:<token id>";
//  - browser-verification codes (F9), mailed to confirm the browser of one session.
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

    static inline const QString PhonePurpose = QStringLiteral("phone");
    static inline const QString CrossDevicePurpose = QStringLiteral("cross_device");

    explicit ShortCodes(const Keyring &keyring) : m_keyring(keyring) {}

    // The phone code for a session waiting for phone confirmation, creating one if it
    // has no live code. Inside the caller's WriteTransaction. Fails with code_locked
    // when the session used up its codes.
    Result<QString> phoneCodeFor(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QByteArray &sessionSecret,
                                 const QDateTime &now) const;

    // A new random code to be mailed (sign-in or browser verification); only its HMAC
    // is stored. `sessionId` 0 when no session exists yet (a sign-in link).
    Result<QString> issueMailedCode(QSqlDatabase &db, qint64 clientId, qint64 sessionId, const QString &nonce,
                                    const QDateTime &now) const;

    enum class Check { Confirmed, Wrong, Locked, NoCode };
    struct Confirmation
    {
        Check result = Check::NoCode;
        qint64 sessionId = 0;
        int attemptsLeft = 0;
    };
    // Checks `code` against a stored row: NoCode when it expired, Locked after five wrong
    // tries, otherwise Confirmed (the row is marked used) or Wrong (the try is counted;
    // the fifth kills the code). Only wrong tries count. Inside the caller's
    // WriteTransaction.
    Result<Confirmation> check(QSqlDatabase &db, const SessionStore::ShortCode &row, qint64 clientId,
                               const QString &purpose, QStringView code, const QDateTime &now) const;

    // Staff typed `code` for the client (F11): check() against the client's newest
    // phone code.
    Result<Confirmation> confirmPhone(QSqlDatabase &db, qint64 clientId, QStringView code, const QDateTime &now) const;

    // The nonce that binds a mailed code to the link sent in the same mail.
    static QString linkNonce(qint64 tokenId) { return QStringLiteral("token:%1").arg(tokenId); }

private:
    QString displayCode(const QString &keyId, const QByteArray &sessionSecret, const QString &nonce) const;
    QString codeHmac(const QString &keyId, qint64 clientId, QStringView purpose, QStringView code) const;

    const Keyring &m_keyring;
};

} // namespace Gatehouse::Server
