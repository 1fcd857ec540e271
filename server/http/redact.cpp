// SPDX-License-Identifier: Apache-2.0
#include "redact.h"

#include <QStringList>
#include <QUrl>

namespace Gatehouse::Server {

namespace {

const QString Redacted = QStringLiteral("[token]");

// The fixed words of the portal routes (portalroutes, verifyroutes, sessionroutes);
// everything else under a token route is a token, a reference or a MAC.
bool isFixedWord(QStringView segment)
{
    static const QStringList words{QStringLiteral("hub"),      QStringLiteral("sign-in"),
                                   QStringLiteral("sign-out"), QStringLiteral("sign-out-everywhere"),
                                   QStringLiteral("verify"),   QStringLiteral("send"),
                                   QStringLiteral("resend"),   QStringLiteral("documents"),
                                   QStringLiteral("phone"),    QStringLiteral("status"),
                                   QStringLiteral("continue"), QStringLiteral("end-session")};
    return words.contains(segment);
}

// True when the text holds a run of base64url characters long enough to be a secret
// (tokens are 43 characters; 32 leaves room for a truncated copy).
bool holdsSecretRun(QStringView text)
{
    int run = 0;
    for (const QChar c : text) {
        const bool alphabet =
            (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
        run = alphabet ? run + 1 : 0;
        if (run >= 32)
            return true;
    }
    return false;
}

} // namespace

QString redactTokens(const QString &path)
{
    QStringList segments = path.split(u'/');
    // Decoded before judging: "%61bc..." is the token "abc..." to the router.
    auto decoded = [&](qsizetype i) { return QUrl::fromPercentEncoding(segments.at(i).toUtf8()); };
    const QString root = segments.size() > 1 ? decoded(1) : QString();
    const bool tokenRoute = root == u"portal" || root == u"d";
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QString plain = decoded(i);
        if (i == 1 && tokenRoute)
            continue;
        if ((tokenRoute && !plain.isEmpty() && !isFixedWord(plain)) || holdsSecretRun(plain))
            segments[i] = Redacted;
    }
    return segments.join(u'/');
}

} // namespace Gatehouse::Server
