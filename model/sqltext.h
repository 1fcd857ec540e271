// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Gatehouse::SqlText {

// `text` for a LIKE pattern with ESCAPE '\': % and _ (and \) match themselves, as a
// user typing them means.
QString likeEscaped(const QString &text);
// A LIKE pattern (ESCAPE '\') for "contains `text`".
inline QString likeContains(const QString &text)
{
    return u'%' + likeEscaped(text) + u'%';
}
// `text` as one FTS5 phrase (quotes doubled), so no character is query syntax.
QString ftsPhrase(QString text);

} // namespace Gatehouse::SqlText
