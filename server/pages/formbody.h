// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "http/httptypes.h"

#include <QHash>
#include <QString>

namespace Gatehouse::Server {

// An application/x-www-form-urlencoded body as the portal's forms send it. Strict on
// purpose: the right content type, at most `maxFields` fields of at most
// `maxValueChars` characters each, valid UTF-8, no field twice. Anything else fails
// with ErrorCode::BadRequest (or PayloadTooLarge / UnsupportedMediaType), which the
// pages turn into a readable 400 page.
class FormBody
{
public:
    static Result<FormBody> parse(const HttpRequest &request, int maxFields = 8, int maxValueChars = 512);

    QString value(const QString &name) const { return m_fields.value(name); }
    bool contains(const QString &name) const { return m_fields.contains(name); }

private:
    QHash<QString, QString> m_fields;
};

} // namespace Gatehouse::Server
