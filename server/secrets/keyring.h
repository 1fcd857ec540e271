// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Gatehouse::Server {

// The server's secret keys, kept in a file of their own (mode 0600), never in the
// database: a stolen database backup must not let anyone forge session cookies or
// read queued mail. Each line is "<key id> <32 bytes, base64url>"; the last line is
// the current key. Rotation appends a key, so values signed under an older key stay
// verifiable until they expire (SPEC F5).
//
// Keys are never used directly: derive() gives an independent subkey per purpose
// ("session-cookie", "outbox", "short-code", ...), so one use cannot be turned
// against another.
class Keyring
{
public:
    // Reads PATH, creating it with one fresh key when it does not exist.
    static Result<Keyring> loadOrCreate(const QString &path);
    // Appends a fresh key to PATH (creating the file if needed); returns its id.
    static Result<QString> rotate(const QString &path);

    QString currentKeyId() const { return m_keys.isEmpty() ? QString() : m_keys.last().first; }
    bool hasKey(const QString &keyId) const;
    // HMAC-SHA256(key, "gatehouse/" + purpose); empty when the key id is unknown.
    QByteArray derive(QStringView purpose, const QString &keyId) const;
    QByteArray derive(QStringView purpose) const { return derive(purpose, currentKeyId()); }

private:
    QList<QPair<QString, QByteArray>> m_keys; // oldest first
};

} // namespace Gatehouse::Server
