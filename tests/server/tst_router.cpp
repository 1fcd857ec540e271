// SPDX-License-Identifier: Apache-2.0
// The router's choice among patterns that match one path: the most specific pattern owns
// the path (a literal segment beats a parameter, leftmost difference first), whatever
// the registration order; its methods alone make up a 405's Allow.
#include "http/router.h"

#include <QTest>

using namespace Gatehouse::Server;

namespace {

struct Registration
{
    QByteArray method;
    QString pattern;
    std::uint64_t maxBody = 0;
};

// A router whose every route answers 200 with "<pattern>|<params>" as the body.
Router routerOf(const QList<Registration> &routes)
{
    Router router;
    for (const auto &r : routes) {
        router.add(
            r.method, r.pattern, Access::publicRoute(),
            [pattern = r.pattern](const RequestContext &c) {
                QStringList params;
                for (auto it = c.params.begin(); it != c.params.end(); ++it)
                    params << it.key() + u'=' + it.value();
                HttpResponse response;
                response.body = (pattern + u'|' + params.join(u',')).toUtf8();
                return response;
            },
            r.maxBody);
    }
    return router;
}

HttpResponse ask(const Router &router, const QByteArray &method, const QString &path)
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    return router.dispatch(request);
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private slots:
    void dispatch_literalAndParameterMatch_literalWinsInEitherOrder_data()
    {
        QTest::addColumn<bool>("parameterFirst");
        QTest::newRow("parameter registered first") << true;
        QTest::newRow("literal registered first") << false;
    }
    void dispatch_literalAndParameterMatch_literalWinsInEitherOrder()
    {
        QFETCH(bool, parameterFirst);
        QList<Registration> routes{{"GET", QStringLiteral("/portal/{token}")}, {"GET", QStringLiteral("/portal/hub")}};
        if (!parameterFirst)
            std::reverse(routes.begin(), routes.end());
        const auto router = routerOf(routes);
        QCOMPARE(ask(router, "GET", QStringLiteral("/portal/hub")).body, QByteArray("/portal/hub|"));
        QCOMPARE(ask(router, "GET", QStringLiteral("/portal/abc%20d")).body, QByteArray("/portal/{token}|token=abc d"));
    }

    void dispatch_leftmostDifferenceDecides()
    {
        const auto router = routerOf({{"GET", QStringLiteral("/a/{x}/c")},
                                      {"GET", QStringLiteral("/a/b/{y}")},
                                      {"GET", QStringLiteral("/{z}/b/c")}});
        QCOMPARE(ask(router, "GET", QStringLiteral("/a/b/c")).body, QByteArray("/a/b/{y}|y=c"));
        QCOMPARE(ask(router, "GET", QStringLiteral("/a/q/c")).body, QByteArray("/a/{x}/c|x=q"));
        QCOMPARE(ask(router, "GET", QStringLiteral("/q/b/c")).body, QByteArray("/{z}/b/c|z=q"));
    }

    void dispatch_literalPathWithoutTheMethod_is405NotTheParameterRoute()
    {
        // POST /portal/hub must not be taken for a magic link called "hub".
        const auto router = routerOf({{"GET", QStringLiteral("/portal/{token}")},
                                      {"POST", QStringLiteral("/portal/{token}")},
                                      {"GET", QStringLiteral("/portal/hub")}});
        const auto answer = ask(router, "POST", QStringLiteral("/portal/hub"));
        QCOMPARE(answer.status, 405);
        QCOMPARE(answer.header("Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(ask(router, "POST", QStringLiteral("/portal/xyz")).body, QByteArray("/portal/{token}|token=xyz"));
    }

    void dispatch_noPatternMatches_is404()
    {
        const auto router = routerOf({{"GET", QStringLiteral("/portal/{token}")}});
        QCOMPARE(ask(router, "GET", QStringLiteral("/portal/a/b")).status, 404);
        QCOMPARE(ask(router, "GET", QStringLiteral("/portal/")).status, 404);
    }

    void bodyLimitFor_followsTheOwningRoute()
    {
        const auto router = routerOf({{"POST", QStringLiteral("/clients/{id}"), 1000},
                                      {"POST", QStringLiteral("/clients/import"), 0},
                                      {"PUT", QStringLiteral("/clients/{id}"), 0}});
        QCOMPARE(router.bodyLimitFor("POST", QStringLiteral("/clients/7"), 10), std::uint64_t(1000));
        QCOMPARE(router.bodyLimitFor("POST", QStringLiteral("/clients/import"), 10), std::uint64_t(10));
        QCOMPARE(router.bodyLimitFor("PUT", QStringLiteral("/clients/7"), 10), std::uint64_t(10));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
