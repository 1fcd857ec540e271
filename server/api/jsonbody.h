// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <variant>

namespace Gatehouse::Server {

// Strict reading of a JSON request body. The checks run in the order a client can
// fix them: media type (415), UTF-8 (400 invalid_utf8), JSON object (400
// malformed_json), field names (400 unknown_field), then field values, all of whose
// problems are reported together (400 validation_failed with an "errors" array).
class JsonBody
{
public:
    // Whether a route whose fields are all optional takes an empty body as {}.
    enum class EmptyBody { Refused, IsEmptyObject };
    // Every handler's first step: the body, read strictly and with no field outside
    // `allowedFields`, or the problem answer to send instead.
    static std::variant<JsonBody, HttpResponse> parse(const HttpRequest &request, QStringList allowedFields,
                                                      EmptyBody empty = EmptyBody::Refused);
    // The body as an object, or the problem answer to send instead.
    static std::variant<QJsonObject, HttpResponse> parseObject(const HttpRequest &request);

    JsonBody(QJsonObject object, QStringList allowedFields);

    // The 400 unknown_field answer for the first field not in allowedFields, if any.
    std::optional<HttpResponse> unknownFieldProblem() const;
    const QJsonObject &object() const { return m_object; }
    bool has(const QString &field) const { return m_object.contains(field); }

    // Trimmed; a missing, non-string, empty or overlong value records an error.
    QString requiredString(const QString &field, int maxLength);
    bool optionalBool(const QString &field, bool fallback);
    // A positive integer id, or 0 when absent or null.
    qint64 optionalId(const QString &field);

    void addError(const QString &field, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    HttpResponse validationProblem() const;

private:
    QJsonObject m_object;
    QStringList m_allowed;
    QJsonArray m_errors;
};

} // namespace Gatehouse::Server
