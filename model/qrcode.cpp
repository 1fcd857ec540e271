// SPDX-License-Identifier: Apache-2.0
#include "qrcode.h"

#include "common/errorcode.h"

#include <QCoreApplication>
#include <algorithm>
#include <memory>
#include <qrencode.h>

namespace Gatehouse {

Result<QrCode> QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    // Version 0 lets libqrencode pick the smallest symbol that fits; 8-bit mode keeps
    // the URI byte-exact (case matters in the base32 secret and the email address).
    std::unique_ptr<QRcode, decltype(&QRcode_free)> raw(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M),
                                                        &QRcode_free);
    if (!raw || raw->width <= 0)
        return Error{QString(ErrorCode::ValidationFailed),
                     QCoreApplication::translate("Gatehouse::QrCode", "The text is too long for a QR code.")};
    QrCode code;
    code.m_version = raw->version;
    code.m_width = raw->width;
    const qsizetype cells = qsizetype(raw->width) * raw->width;
    code.m_modules.reserve(cells);
    // Bit 0 of each byte is the module colour (1 = dark); the other bits describe
    // which part of the symbol the module belongs to and do not matter for drawing.
    for (qsizetype i = 0; i < cells; ++i)
        code.m_modules.append((raw->data[i] & 1) != 0);
    return code;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_width)
        return false;
    return m_modules.at(qsizetype(y) * m_width + x);
}

QImage QrCode::toImage(int scale, int quietZone) const
{
    if (m_width <= 0 || scale <= 0 || quietZone < 0)
        return {};
    const int side = (m_width + 2 * quietZone) * scale;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (!isDark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar *line = image.scanLine((y + quietZone) * scale + dy);
                std::fill_n(line + (x + quietZone) * scale, scale, uchar(0));
            }
        }
    }
    return image;
}

} // namespace Gatehouse
