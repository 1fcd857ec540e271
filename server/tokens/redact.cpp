// SPDX-License-Identifier: Apache-2.0
#include "redact.h"

#include "common/crypto.h"

#include <QStringList>

namespace Gatehouse::Server {

QString redactTokens(const QString &path)
{
    // Fast path: no segment can be a token in a path shorter than one.
    if (path.size() < 44)
        return path;
    QStringList segments = path.split(u'/');
    for (auto &segment : segments) {
        // Percent-encoding cannot hide a token: its alphabet needs none.
        if (Crypto::looksLikeToken(segment))
            segment = QStringLiteral("[token]");
    }
    return segments.join(u'/');
}

} // namespace Gatehouse::Server
