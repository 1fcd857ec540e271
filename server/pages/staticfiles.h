// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Gatehouse::Server {

struct Config;

// The portal's few static files (resources/server/static/) plus brand.css, generated
// from the [firm] settings. Everything is loaded once at start-up and served from
// memory with long caching: pages link them with a ?v=<content hash> suffix, so a new
// release or a changed colour gets a new URL instead of a stale cache.
class StaticFiles
{
public:
    explicit StaticFiles(const Config &config);

    // "/static/portal.css?v=1a2b3c4d" for a known file name, else an empty string.
    QString url(const QString &name) const;

    // The answer for GET /static/{name}: 200 with type and caching, or 404.
    HttpResponse serve(const QString &name) const;

    // The CSS custom properties for the firm colour: --brand (header), --brand-text
    // (black or white, whichever reads better on it) and --accent (the firm colour, or
    // a darker shade of it, so that links and buttons keep 4.5:1 on white).
    static QByteArray brandCss(const QString &firmColour);
    // WCAG 2.x contrast ratio of two #rrggbb colours (1 to 21).
    static double contrastRatio(const QString &a, const QString &b);

private:
    struct File
    {
        QByteArray body;
        QByteArray contentType;
        QString version;
    };
    QHash<QString, File> m_files;
};

} // namespace Gatehouse::Server
