// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace Gatehouse::Server {

class Keyring;

// Keeps TOTP secrets encrypted at rest (SPEC R1): a copied database alone must not let
// anyone produce a staff member's codes. The stored text is
//   "v1:<key id>:<base64url(IV ‖ AES-256-GCM ciphertext ‖ tag)>"
// under the keyring's derive("totp") subkey for that key id, so rotating the keyring
// leaves older secrets readable. The plaintext starts with the staff id, so a sealed
// secret copied onto another account's row fails to open instead of granting codes.
//
// Rows written before this format hold the bare base32 secret; open() still accepts
// them (marking them legacy) so the caller can re-seal them on their next use.
class TotpVault
{
public:
    explicit TotpVault(const Keyring &keyring) : m_keyring(keyring) {}

    Result<QString> seal(qint64 staffId, const QByteArray &secret) const;

    struct Opened
    {
        QByteArray secret;
        bool legacy = false; // stored in clear (base32): re-seal it
    };
    Result<Opened> open(qint64 staffId, const QString &stored) const;

    static bool isSealed(const QString &stored) { return stored.startsWith(u"v1:"); }

private:
    const Keyring &m_keyring;
};

} // namespace Gatehouse::Server
