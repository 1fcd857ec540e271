// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::Server {

// The request path as it may be logged (R1): every segment shaped like a token (43
// base64url characters: magic links, document links) becomes "[token]", so the
// operational log never holds a usable link.
QString redactTokens(const QString &path);

} // namespace Gatehouse::Server
