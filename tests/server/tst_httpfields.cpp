// SPDX-License-Identifier: Apache-2.0
// The HTTP edge's translation of a handler's answer into Beast fields.
#include "http/connection.h"

#include <QTest>

using namespace Gatehouse::Server;

class TestHttpFields : public QObject
{
    Q_OBJECT

private slots:
    void copyHeaders_repeatedSetCookie_keepsEveryLine()
    {
        const HeaderList headers{{"Set-Cookie", "__Host-gh_session=a; Path=/; Secure"},
                                 {"Set-Cookie", "__Host-gh_browser=b; Path=/; Secure"},
                                 {"Location", "/portal/hub"}};
        boost::beast::http::fields fields;
        copyHeaders(headers, fields);
        QStringList cookies;
        for (auto it = fields.find("Set-Cookie"); it != fields.end() && it->name_string() == "Set-Cookie"; ++it)
            cookies << QString::fromStdString(std::string(it->value()));
        QCOMPARE(cookies, (QStringList{QStringLiteral("__Host-gh_session=a; Path=/; Secure"),
                                       QStringLiteral("__Host-gh_browser=b; Path=/; Secure")}));
        QCOMPARE(QByteArray(fields["Location"].data(), qsizetype(fields["Location"].size())),
                 QByteArray("/portal/hub"));
    }
};

QTEST_GUILESS_MAIN(TestHttpFields)
#include "tst_httpfields.moc"
