// SPDX-License-Identifier: Apache-2.0
#include "validation.h"

namespace Gatehouse::Server {

bool isPlausibleEmail(const QString &email)
{
    if (email.size() > 254 || email.count(u'@') != 1)
        return false;
    for (QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == u'<' || c == u'>' || c == u',' || c == u';' ||
            c == u'"' || c == u'\\')
            return false;
    }
    const auto at = email.indexOf(u'@');
    const QStringView local = QStringView(email).left(at);
    const QStringView domain = QStringView(email).mid(at + 1);
    if (local.isEmpty() || local.size() > 64 || domain.size() < 3)
        return false;
    if (!domain.contains(u'.') || domain.startsWith(u'.') || domain.endsWith(u'.') || domain.contains(u".."))
        return false;
    return true;
}

} // namespace Gatehouse::Server
