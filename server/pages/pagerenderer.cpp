// SPDX-License-Identifier: Apache-2.0
#include "pagerenderer.h"

#include "config.h"
#include "log.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <mstch/mstch.hpp>

namespace Gatehouse::Server {

namespace {

const QString templateDir = QStringLiteral(":/server/pages");

mstch::node toNode(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        // mstch only knows int; our numbers (sizes, counts) are shown as text anyway.
        return value.toString().toStdString();
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        mstch::array array;
        for (const auto &item : value.toList())
            array.push_back(toNode(item));
        return array;
    }
    case QMetaType::QVariantMap: {
        mstch::map map;
        const QVariantMap source = value.toMap();
        for (auto it = source.cbegin(); it != source.cend(); ++it)
            map.emplace(it.key().toStdString(), toNode(it.value()));
        return map;
    }
    default:
        break;
    }
    const QString text = value.toString();
    // An empty string is "false" in Mustache sections already; keep it a string.
    return text.toStdString();
}

mstch::map toMap(const QVariantMap &data)
{
    mstch::map map;
    for (auto it = data.cbegin(); it != data.cend(); ++it)
        map.emplace(it.key().toStdString(), toNode(it.value()));
    return map;
}

} // namespace

PageRenderer::PageRenderer(const Config &config, QString portalCssUrl, QString brandCssUrl)
    : m_portalCssUrl(std::move(portalCssUrl)), m_brandCssUrl(std::move(brandCssUrl))
{
    const QDir dir(templateDir);
    for (const auto &name : dir.entryList({QStringLiteral("*.mustache")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            Log::error(QStringLiteral("page_template_unreadable"), {{QStringLiteral("template"), name}});
            continue;
        }
        m_templates.insert(name.chopped(int(sizeof(".mustache") - 1)), file.readAll().toStdString());
    }
    m_firm.insert(QStringLiteral("firm_name"), config.firmName);
    // Only a logo the page may load under its CSP is shown (see PageResponse).
    if (!config.firmLogoUrl.isEmpty())
        m_firm.insert(QStringLiteral("logo_url"), config.firmLogoUrl);
}

std::string PageRenderer::renderFragment(const QString &templateName, const QVariantMap &data) const
{
    const auto it = m_templates.constFind(templateName);
    if (it == m_templates.cend()) {
        // A programming error, but the visitor still gets a page, never a crash.
        Log::error(QStringLiteral("page_template_missing"), {{QStringLiteral("template"), templateName}});
        return "<h1>Something went wrong</h1><p>Please try again in a moment.</p>";
    }
    QVariantMap merged = m_firm;
    for (auto d = data.cbegin(); d != data.cend(); ++d)
        merged.insert(d.key(), d.value());
    return mstch::render(*it, toMap(merged));
}

QByteArray PageRenderer::render(const QString &templateName, const QString &title, const QVariantMap &data,
                                const Options &options) const
{
    const std::string content = renderFragment(templateName, data);

    mstch::map layout = toMap(m_firm);
    layout.emplace("title", title.toStdString());
    layout.emplace("content", content);
    layout.emplace("portal_css", m_portalCssUrl.toStdString());
    layout.emplace("brand_css", m_brandCssUrl.toStdString());
    if (!options.script.isEmpty())
        layout.emplace("script", options.script.toStdString());
    if (options.refreshSeconds > 0)
        layout.emplace("refresh_seconds", std::to_string(options.refreshSeconds));
    const auto it = m_templates.constFind(QStringLiteral("layout"));
    if (it == m_templates.cend())
        return QByteArray::fromStdString(content);
    return QByteArray::fromStdString(mstch::render(*it, layout));
}

} // namespace Gatehouse::Server
