// SPDX-License-Identifier: Apache-2.0
#include "jsonbody.h"

#include "common/errorcode.h"
#include "http/problem.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace Gatehouse::Server {

std::variant<QJsonObject, HttpResponse> JsonBody::parseObject(const HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type");
    const auto semicolon = contentType.indexOf(';');
    const QByteArray mediaType = contentType.left(semicolon < 0 ? contentType.size() : semicolon).trimmed().toLower();
    const QByteArray params = semicolon < 0 ? QByteArray() : contentType.mid(semicolon + 1).trimmed().toLower();
    if (mediaType != "application/json" || (params.startsWith("charset=") && params != "charset=utf-8"))
        return Problem::make(415, ErrorCode::UnsupportedMediaType,
                             QStringLiteral("Send the body as Content-Type: application/json (UTF-8)."));

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(request.body);
    if (decoder.hasError())
        return Problem::make(400, ErrorCode::InvalidUtf8, QStringLiteral("The body is not valid UTF-8."));

    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Problem::make(400, ErrorCode::MalformedJson, QStringLiteral("The body must be one JSON object."));
    return document.object();
}

std::variant<JsonBody, HttpResponse> JsonBody::parse(const HttpRequest &request, QStringList allowedFields,
                                                     EmptyBody empty)
{
    if (empty == EmptyBody::IsEmptyObject && request.body.trimmed().isEmpty())
        return JsonBody(QJsonObject(), std::move(allowedFields));
    auto parsed = parseObject(request);
    if (auto *problem = std::get_if<HttpResponse>(&parsed))
        return std::move(*problem);
    JsonBody body(std::get<QJsonObject>(std::move(parsed)), std::move(allowedFields));
    if (auto problem = body.unknownFieldProblem())
        return std::move(*problem);
    return body;
}

JsonBody::JsonBody(QJsonObject object, QStringList allowedFields)
    : m_object(std::move(object)), m_allowed(std::move(allowedFields))
{}

std::optional<HttpResponse> JsonBody::unknownFieldProblem() const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_allowed.contains(it.key()))
            continue;
        // Rejecting instead of ignoring catches client typos ("require_signin") that
        // would otherwise silently leave a security switch off.
        const QJsonArray errors{QJsonObject{{QStringLiteral("field"), it.key()},
                                            {QStringLiteral("message"), QStringLiteral("unknown field")}}};
        return Problem::make(400, ErrorCode::UnknownField,
                             QStringLiteral("Unknown field '%1'. Allowed: %2.").arg(it.key(), m_allowed.join(u", ")),
                             {{QStringLiteral("errors"), errors}});
    }
    return std::nullopt;
}

QString JsonBody::requiredString(const QString &field, int maxLength)
{
    const auto value = m_object.value(field);
    if (value.isUndefined() || value.isNull()) {
        addError(field, QStringLiteral("is required"));
        return {};
    }
    if (!value.isString()) {
        addError(field, QStringLiteral("must be a string"));
        return {};
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        addError(field, QStringLiteral("must not be empty"));
    else if (text.size() > maxLength)
        addError(field, QStringLiteral("must be at most %1 characters").arg(maxLength));
    return text;
}

bool JsonBody::optionalBool(const QString &field, bool fallback)
{
    const auto value = m_object.value(field);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        addError(field, QStringLiteral("must be true or false"));
        return fallback;
    }
    return value.toBool();
}

qint64 JsonBody::optionalId(const QString &field)
{
    const auto value = m_object.value(field);
    if (value.isUndefined() || value.isNull())
        return 0;
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 1 || d > 9007199254740991.0 || d != double(qint64(d))) {
        addError(field, QStringLiteral("must be a positive whole number or null"));
        return 0;
    }
    return qint64(d);
}

void JsonBody::addError(const QString &field, const QString &message)
{
    m_errors.append(QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("message"), message}});
}

HttpResponse JsonBody::validationProblem() const
{
    return Problem::make(400, ErrorCode::ValidationFailed, QStringLiteral("Some fields are missing or invalid."),
                         {{QStringLiteral("errors"), m_errors}});
}

} // namespace Gatehouse::Server
