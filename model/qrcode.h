// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QImage>
#include <QList>
#include <QString>

namespace Gatehouse {

// A QR code symbol made by libqrencode: the module matrix plus a renderer to QImage.
// Used to show the otpauth:// URI of two-step sign-in enrolment (D1) so a phone can
// scan it; the text never leaves memory (no temp files, no logging).
class QrCode
{
public:
    // Encodes UTF-8 text at error-correction level M (what authenticator apps expect
    // to scan reliably from a screen). Fails only for text too long for a QR code.
    static Result<QrCode> encode(const QString &text);

    int version() const { return m_version; } // 1..40
    int width() const { return m_width; }     // modules per side: 17 + 4 × version
    bool isDark(int x, int y) const;

    // Black modules on white, each `scale` pixels, with a `quietZone` of light modules
    // around (the spec asks for 4; scanners fail on codes drawn flush to a dark edge).
    QImage toImage(int scale = 1, int quietZone = 4) const;

private:
    int m_version = 0;
    int m_width = 0;
    QList<bool> m_modules; // row-major, width × width
};

} // namespace Gatehouse
