// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>

namespace Gatehouse::Server {

// AES-256-GCM for queued mail (R1: the magic link in a queued message must not sit in
// the database in clear). The sealed form is IV (12 random bytes) ‖ ciphertext ‖ tag
// (16 bytes); GCM's tag makes any change to the stored bytes fail to open rather
// than send altered mail.
namespace MailCipher {

Result<QByteArray> seal(const QByteArray &key, const QByteArray &plaintext);
Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed);

} // namespace MailCipher
} // namespace Gatehouse::Server
