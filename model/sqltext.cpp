// SPDX-License-Identifier: Apache-2.0
#include "sqltext.h"

namespace Gatehouse::SqlText {

QString likeEscaped(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar ch : text) {
        if (ch == u'\\' || ch == u'%' || ch == u'_')
            escaped += u'\\';
        escaped += ch;
    }
    return escaped;
}

QString ftsPhrase(QString text)
{
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

} // namespace Gatehouse::SqlText
