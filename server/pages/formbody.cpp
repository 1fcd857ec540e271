// SPDX-License-Identifier: Apache-2.0
#include "formbody.h"

#include "common/errorcode.h"

#include <QStringDecoder>

namespace Gatehouse::Server {

namespace {

Error bad(const QString &message)
{
    return Error{QString(ErrorCode::BadRequest), message};
}

// Percent-decoding with '+' as space, refusing bytes that are not UTF-8.
std::optional<QString> decode(QByteArrayView raw)
{
    QByteArray bytes = raw.toByteArray();
    bytes.replace('+', ' ');
    const QByteArray decoded = QByteArray::fromPercentEncoding(bytes);
    QStringDecoder toUtf16(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = toUtf16(decoded);
    if (toUtf16.hasError())
        return std::nullopt;
    return text;
}

} // namespace

Result<FormBody> FormBody::parse(const HttpRequest &request, int maxFields, int maxValueChars)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type != "application/x-www-form-urlencoded")
        return Error{QString(ErrorCode::UnsupportedMediaType), QStringLiteral("This form was not sent as a form.")};
    FormBody form;
    if (request.body.isEmpty())
        return form;
    const QList<QByteArray> pairs = request.body.split('&');
    if (pairs.size() > maxFields)
        return bad(QStringLiteral("The form has too many fields."));
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const auto eq = pair.indexOf('=');
        const auto name = decode(eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq));
        const auto value = decode(eq < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(eq + 1));
        if (!name || !value)
            return bad(QStringLiteral("The form is not valid UTF-8."));
        if (name->isEmpty() || name->size() > 64 || value->size() > maxValueChars)
            return Error{QString(ErrorCode::PayloadTooLarge), QStringLiteral("A form field is too long.")};
        if (form.m_fields.contains(*name))
            return bad(QStringLiteral("A form field was sent twice."));
        form.m_fields.insert(*name, *value);
    }
    return form;
}

} // namespace Gatehouse::Server
