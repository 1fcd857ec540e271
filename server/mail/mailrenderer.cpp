// SPDX-License-Identifier: Apache-2.0
#include "mailrenderer.h"

#include "common/errorcode.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <exception>
#include <mstch/mstch.hpp>

namespace Gatehouse::Server {

namespace {

QString resourcePath(const QString &name, QLatin1StringView suffix)
{
    return QStringLiteral(":/server/mail/") + name + suffix;
}

std::optional<std::string> readTemplate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll().toStdString();
}

// Names must be plain words, so a field can never point the renderer at another file.
bool isTemplateName(const QString &name)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z_]{0,40}$"));
    return word.match(name).hasMatch() && name != u"layout";
}

mstch::node toNode(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::QDateTime:
        // English and UTC, like the rest of the message; the client's zone is unknown.
        return QLocale::c()
            .toString(value.toDateTime().toUTC(), QStringLiteral("d MMMM yyyy, HH:mm 'UTC'"))
            .toStdString();
    default:
        return value.toString().toStdString();
    }
}

} // namespace

bool MailRenderer::hasTemplate(const QString &name)
{
    return isTemplateName(name) && QFile::exists(resourcePath(name, QLatin1StringView(".subject")));
}

Result<MailRenderer::Rendered> MailRenderer::render(const QString &name, const QVariantMap &fields)
{
    if (!hasTemplate(name))
        return Error{QString(ErrorCode::ValidationFailed), QStringLiteral("no mail template named '%1'").arg(name)};
    const auto subject = readTemplate(resourcePath(name, QLatin1StringView(".subject")));
    const auto text = readTemplate(resourcePath(name, QLatin1StringView(".txt")));
    const auto html = readTemplate(resourcePath(name, QLatin1StringView(".html")));
    const auto layout = readTemplate(resourcePath(QStringLiteral("layout"), QLatin1StringView(".html")));
    if (!subject || !text || !html || !layout)
        return Error{QString(ErrorCode::Internal), QStringLiteral("mail template '%1' is incomplete").arg(name)};

    mstch::map context;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        context.emplace(it.key().toStdString(), toNode(it.value()));
    try {
        Rendered out;
        out.subject = QString::fromStdString(mstch::render(*subject, context)).simplified();
        out.text = QString::fromStdString(mstch::render(*text, context));
        out.html = QString::fromStdString(mstch::render(*layout, context, {{"content", *html}}));
        return out;
    } catch (const std::exception &e) {
        // mstch throws on malformed templates; they ship with the binary, so this is a bug.
        return Error{QString(ErrorCode::Internal),
                     QStringLiteral("mail template '%1' failed: %2").arg(name, QString::fromUtf8(e.what()))};
    }
}

} // namespace Gatehouse::Server
