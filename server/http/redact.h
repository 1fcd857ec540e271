// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::Server {

// The request path as it may be logged (R1). Under the token routes (/portal/..., /d/...)
// every segment that is not one of the routes' fixed words ("hub", "sign-in", "verify",
// ...) becomes "[token]" whole, judged after percent-decoding and whatever its length,
// so a link with a linkifier's trailing ")", a ";param" or an encoded first character
// never reaches the log. Anywhere else, a segment holding a token-length run of
// base64url characters is redacted the same way.
QString redactTokens(const QString &path);

} // namespace Gatehouse::Server
