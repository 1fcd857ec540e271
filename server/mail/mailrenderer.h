// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QString>
#include <QVariantMap>

namespace Gatehouse::Server {

// Renders the branded mail templates in resources/server/mail/ (":/server/mail"):
// <name>.subject, <name>.txt and <name>.html, the HTML inside layout.html. Logic-less
// Mustache (libmstch): templates cannot run code, and {{field}} is HTML-escaped, so a
// client named "<script>" is shown, not run. Plain-text templates use {{{field}}}.
class MailRenderer
{
public:
    struct Rendered
    {
        QString subject;
        QString text;
        QString html;
    };

    static bool hasTemplate(const QString &name);
    // `fields`: QString/number/bool values as they are; QDateTime as
    // "28 November 2026, 14:05 UTC"; a missing field renders empty.
    static Result<Rendered> render(const QString &name, const QVariantMap &fields);
};

} // namespace Gatehouse::Server
