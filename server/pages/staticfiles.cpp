// SPDX-License-Identifier: Apache-2.0
#include "staticfiles.h"

#include "common/crypto.h"
#include "config.h"
#include "pageresponse.h"

#include <QDir>
#include <QFile>
#include <cmath>
#include <optional>

namespace Gatehouse::Server {

namespace {

QByteArray contentTypeFor(const QString &name)
{
    if (name.endsWith(u".css"))
        return "text/css; charset=utf-8";
    if (name.endsWith(u".js"))
        return "text/javascript; charset=utf-8";
    if (name.endsWith(u".svg"))
        return "image/svg+xml";
    if (name.endsWith(u".png"))
        return "image/png";
    if (name.endsWith(u".ico"))
        return "image/x-icon";
    return "application/octet-stream";
}

// QtGui's QColor is not linked into the server, and three numbers are all we need.
struct Rgb
{
    int r = 0, g = 0, b = 0;
    QString name() const
    {
        return QStringLiteral("#%1%2%3").arg(r, 2, 16, QChar(u'0')).arg(g, 2, 16, QChar(u'0')).arg(b, 2, 16, QChar(u'0'));
    }
};

std::optional<Rgb> parseHex(const QString &text)
{
    if (text.size() != 7 || !text.startsWith(u'#'))
        return std::nullopt;
    bool ok = false;
    const uint value = text.mid(1).toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return Rgb{int((value >> 16) & 0xff), int((value >> 8) & 0xff), int(value & 0xff)};
}

double channel(int value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Rgb &colour)
{
    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
}

double ratio(const Rgb &a, const Rgb &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb darker(const Rgb &c)
{
    return Rgb{c.r * 9 / 10, c.g * 9 / 10, c.b * 9 / 10};
}

} // namespace

StaticFiles::StaticFiles(const Config &config)
{
    const QDir dir(QStringLiteral(":/server/static"));
    for (const auto &name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        File entry{file.readAll(), contentTypeFor(name), {}};
        entry.version = Crypto::sha256Hex(entry.body).left(12);
        m_files.insert(name, entry);
    }
    File brand{brandCss(config.firmColour), contentTypeFor(QStringLiteral("brand.css")), {}};
    brand.version = Crypto::sha256Hex(brand.body).left(12);
    m_files.insert(QStringLiteral("brand.css"), brand);
}

QString StaticFiles::url(const QString &name) const
{
    const auto it = m_files.constFind(name);
    if (it == m_files.cend())
        return {};
    return QStringLiteral("/static/%1?v=%2").arg(name, it->version);
}

HttpResponse StaticFiles::serve(const QString &name) const
{
    const auto it = m_files.constFind(name);
    if (it == m_files.cend()) {
        HttpResponse r;
        r.status = 404;
        r.body = "Not found\n";
        r.setHeader("Content-Type", "text/plain; charset=utf-8");
        PageResponse::addBaseHeaders(r);
        return r;
    }
    HttpResponse r;
    r.body = it->body;
    r.setHeader("Content-Type", it->contentType);
    // Versioned URLs change with the content, so a year of caching is safe.
    r.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    PageResponse::addBaseHeaders(r);
    return r;
}

double StaticFiles::contrastRatio(const QString &a, const QString &b)
{
    const auto ca = parseHex(a);
    const auto cb = parseHex(b);
    return ca && cb ? ratio(*ca, *cb) : 1.0;
}

QByteArray StaticFiles::brandCss(const QString &firmColour)
{
    const Rgb brand = parseHex(firmColour).value_or(Rgb{0x1f, 0x4e, 0x79});
    const Rgb white{255, 255, 255};
    const Rgb ink{0x1b, 0x1f, 0x24};
    // Text on the header: whichever of white and near-black contrasts more.
    const Rgb brandText = ratio(brand, white) >= ratio(brand, ink) ? white : ink;
    // Links and buttons sit on white: darken the firm colour step by step until it
    // reaches 4.5:1 (WCAG AA), so a pale brand colour cannot make text unreadable.
    Rgb accent = brand;
    for (int step = 0; step < 40 && ratio(accent, white) < 4.5; ++step)
        accent = darker(accent);
    if (ratio(accent, white) < 4.5)
        accent = ink;
    const QString css = QStringLiteral(":root { --brand: %1; --brand-text: %2; --accent: %3; }\n")
                            .arg(brand.name(), brandText.name(), accent.name());
    return css.toUtf8();
}

} // namespace Gatehouse::Server
