// SPDX-License-Identifier: Apache-2.0
#include "redaction.h"

#include <QRegularExpression>

namespace Gatehouse {

QString redacted(const QString &text)
{
    using RE = QRegularExpression;
    // "Authorization: …", "cookie=…" and the way QDebug prints a header pair,
    // ("Cookie", "…"): everything after the name to the end of the line.
    static const RE header(
        QStringLiteral(R"(\b(authorization|proxy-authorization|cookie|set-cookie)\b("?\s*[:=]\s*|"\s*,\s*")[^\r\n]*)"),
        RE::CaseInsensitiveOption);
    static const RE bearer(QStringLiteral(R"(\b(bearer|basic)\s+[^\s"',;]+)"), RE::CaseInsensitiveOption);
    // key=value, key: value, "key": "value" for secret-looking keys.
    static const RE secretField(
        QStringLiteral(
            R"(("?\b[\w-]*(password|passwd|secret|token|totp|cookie|session|code|otp|key)[\w-]*"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+))"),
        RE::CaseInsensitiveOption);
    // A link's last path segment under the portal's link routes.
    static const RE linkPath(QStringLiteral(R"((/(portal|d|api/v1/[\w/-]*)/)([A-Za-z0-9_-]{16,}))"));
    // Anything that looks like a random credential: 24+ base64url characters with a digit
    // and a letter, or with upper and lower case (a random token may hold no digit);
    // colon-separated hex fingerprints of certificates stay readable.
    static const RE longRandom(QStringLiteral(
        R"((?<![A-Za-z0-9_:-])(?:(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])|(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z]))[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_:-]))"));
    static const QString mark = QStringLiteral("[redacted]");

    QString out = text;
    out.replace(header, QStringLiteral("\\1\\2") + mark);
    out.replace(bearer, QStringLiteral("\\1 ") + mark);
    out.replace(secretField, QStringLiteral("\\1") + mark);
    out.replace(linkPath, QStringLiteral("\\1") + mark);
    out.replace(longRandom, mark);
    return out;
}

} // namespace Gatehouse
