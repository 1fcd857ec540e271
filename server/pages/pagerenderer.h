// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariantMap>
#include <string>

namespace Gatehouse::Server {

struct Config;

// Turns the Mustache templates in resources/server/pages/ into HTML. Templates are
// logic-less and mstch escapes every {{value}} by default, so a client name such as
// "<script>" arrives as text; only the layout's {{{content}}} (our own rendered page)
// is inserted raw.
//
// Page data is a QVariantMap (QString, bool, int, QVariantList, QVariantMap), so no
// caller ever sees mstch or Boost types. Every page shares one layout that carries the
// firm's branding from [firm] settings.
//
// Templates are read from the binary once, at construction; rendering only reads, so
// one renderer serves every I/O thread.
class PageRenderer
{
public:
    // `cssUrl`/`brandCssUrl` are the versioned static URLs (see StaticFiles).
    PageRenderer(const Config &config, QString portalCssUrl, QString brandCssUrl);

    struct Options
    {
        QString script;         // a /static/... script URL, or empty
        int refreshSeconds = 0; // > 0: reload the page this often when scripts are off
    };

    // Renders `templateName` (file name without .mustache) with `data` inside the
    // layout titled `title`. The firm fields (firm_name, ...) are added to `data`.
    QByteArray render(const QString &templateName, const QString &title, const QVariantMap &data,
                      const Options &options) const;
    QByteArray render(const QString &templateName, const QString &title, const QVariantMap &data) const
    {
        return render(templateName, title, data, Options{});
    }

    // Whether a template of that name was found in the resources (tests, start-up check).
    bool hasTemplate(const QString &templateName) const { return m_templates.contains(templateName); }

private:
    std::string renderFragment(const QString &templateName, const QVariantMap &data) const;

    QHash<QString, std::string> m_templates;
    QVariantMap m_firm;
    QString m_portalCssUrl;
    QString m_brandCssUrl;
};

} // namespace Gatehouse::Server
