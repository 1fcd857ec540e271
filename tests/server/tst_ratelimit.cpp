// SPDX-License-Identifier: Apache-2.0
// Rate limits (SPEC F13, B3): fixed-window counters in the real SQLite schema, the
// Retry-After they report, keys stored only hashed, and X-Forwarded-For honoured
// only from configured trusted proxies.
#include "common/crypto.h"
#include "config.h"
#include "http/clientaddress.h"
#include "http/httptypes.h"
#include "ratelimit/ratelimiter.h"
#include "storage/database.h"
#include "storage/writetransaction.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Server;
using namespace Gatehouse::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 11, 28), QTime(9, 0, 0), Qt::UTC);

} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CryptoRuntime> m_crypto;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_dbCount = 0;

    // One hit at `when` in its own write transaction, like a request would.
    RateLimiter::Decision hitAt(const QString &bucket, const QString &key, int limit, int window, const QDateTime &when)
    {
        const RateLimiter limiter(*m_db);
        WriteTransaction tx(*m_db);
        if (!tx.begin().ok())
            qFatal("cannot begin");
        QSqlDatabase c = tx.connection();
        auto d = limiter.hitAt(c, bucket, key, limit, window, when);
        if (!d.ok())
            qFatal("hit failed: %s", qPrintable(d.error().message));
        if (!tx.commit().ok())
            qFatal("cannot commit");
        return *d;
    }

private slots:
    void initTestCase()
    {
        m_crypto = std::make_unique<CryptoRuntime>();
        QVERIFY(m_crypto->check().ok());
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        // A fresh, migrated database per test, so counters never leak between tests.
        Database::closeThreadConnection();
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("rl%1.db").arg(++m_dbCount)));
        auto migrated = m_db->migrate();
        QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().message));
    }

    void cleanup() { Database::closeThreadConnection(); }

    void hit_sequenceInOneWindow_deniesAfterLimitWithRetryAfter_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("window");
        QTest::addColumn<QList<int>>("offsets");    // seconds after T0 of each hit
        QTest::addColumn<QList<bool>>("allowed");   // expected decision per hit
        QTest::addColumn<QList<int>>("retryAfter"); // expected Retry-After per hit (0 when allowed)

        QTest::newRow("5 per hour, 6th denied")
            << 5 << 3600 << QList<int>{0, 10, 20, 30, 40, 50} << QList<bool>{true, true, true, true, true, false}
            << QList<int>{0, 0, 0, 0, 0, 3550};
        QTest::newRow("denied hits do not count")
            << 2 << 60 << QList<int>{0, 1, 2, 30} << QList<bool>{true, true, false, false} << QList<int>{0, 0, 58, 30};
        QTest::newRow("window over, counting restarts")
            << 2 << 60 << QList<int>{0, 1, 2, 60, 61, 62} << QList<bool>{true, true, false, true, true, false}
            << QList<int>{0, 0, 58, 0, 0, 58};
        QTest::newRow("limit 1, retry at the last second")
            << 1 << 10 << QList<int>{0, 9, 10} << QList<bool>{true, false, true} << QList<int>{0, 1, 0};
    }

    void hit_sequenceInOneWindow_deniesAfterLimitWithRetryAfter()
    {
        QFETCH(int, limit);
        QFETCH(int, window);
        QFETCH(QList<int>, offsets);
        QFETCH(QList<bool>, allowed);
        QFETCH(QList<int>, retryAfter);
        for (qsizetype i = 0; i < offsets.size(); ++i) {
            const auto d =
                hitAt(QStringLiteral("invite.client"), QStringLiteral("42"), limit, window, T0.addSecs(offsets.at(i)));
            QVERIFY2(d.allowed == allowed.at(i), qPrintable(QStringLiteral("hit %1").arg(i)));
            QCOMPARE(d.retryAfterSeconds, retryAfter.at(i));
        }
    }

    void hit_differentKeysAndBuckets_countSeparately()
    {
        QVERIFY(hitAt(QStringLiteral("a"), QStringLiteral("k1"), 1, 3600, T0).allowed);
        QVERIFY(!hitAt(QStringLiteral("a"), QStringLiteral("k1"), 1, 3600, T0).allowed);
        QVERIFY(hitAt(QStringLiteral("a"), QStringLiteral("k2"), 1, 3600, T0).allowed);
        QVERIFY(hitAt(QStringLiteral("b"), QStringLiteral("k1"), 1, 3600, T0).allowed);
    }

    void hit_ownTransaction_countsAndDenies()
    {
        // The overload that opens its own write transaction (the sign-in endpoint's).
        const RateLimiter limiter(*m_db);
        for (int i = 0; i < 3; ++i) {
            auto d = limiter.hit(QStringLiteral("sign_in.address"), QStringLiteral("192.0.2.7"), 3, 3600);
            QVERIFY(d.ok());
            QVERIFY(d->allowed);
        }
        auto denied = limiter.hit(QStringLiteral("sign_in.address"), QStringLiteral("192.0.2.7"), 3, 3600);
        QVERIFY(denied.ok());
        QVERIFY(!denied->allowed);
        QVERIFY(denied->retryAfterSeconds > 3590 && denied->retryAfterSeconds <= 3600);
    }

    void hit_rolledBackTransaction_doesNotCount()
    {
        // Counted with the action it limits: a failed invite does not use up the budget.
        const RateLimiter limiter(*m_db);
        {
            WriteTransaction tx(*m_db);
            QVERIFY(tx.begin().ok());
            QSqlDatabase c = tx.connection();
            QVERIFY(limiter.hitAt(c, QStringLiteral("x"), QStringLiteral("k"), 1, 3600, T0)->allowed);
        } // rolled back
        QVERIFY(hitAt(QStringLiteral("x"), QStringLiteral("k"), 1, 3600, T0).allowed);
    }

    void hit_emailKey_storedOnlyAsHash()
    {
        const QString email = QStringLiteral("Ann.Client@Example.ORG ");
        QVERIFY(hitAt(QStringLiteral("sign_in.email"), RateLimiter::emailKey(email), 5, 3600, T0).allowed);
        // Same counter whatever the case and spacing.
        QVERIFY(hitAt(QStringLiteral("sign_in.email"), RateLimiter::emailKey(QStringLiteral("ann.client@example.org")),
                      1, 3600, T0.addSecs(1))
                    .retryAfterSeconds > 0);
        Database::closeThreadConnection();
        // R1 / F13: no raw email anywhere in the database files (WAL included).
        for (const auto &suffix : {QStringLiteral(""), QStringLiteral("-wal")}) {
            QFile f(m_db->path() + suffix);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll().toLower();
            QVERIFY(!bytes.contains("ann.client@example.org"));
            QVERIFY(!bytes.contains("example.org"));
        }
    }

    void prune_expiredWindows_removed()
    {
        hitAt(QStringLiteral("a"), QStringLiteral("old"), 5, 60, T0);
        hitAt(QStringLiteral("a"), QStringLiteral("new"), 5, 3600, T0);
        const RateLimiter limiter(*m_db);
        auto pruned = limiter.prune(T0.addSecs(120));
        QVERIFY(pruned.ok());
        QCOMPARE(*pruned, 1);
        // The live counter survived: its second hit still counts toward the limit.
        QVERIFY(!hitAt(QStringLiteral("a"), QStringLiteral("new"), 1, 3600, T0.addSecs(130)).allowed);
    }

    void clientAddress_forwardedFor_honouredOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QStringList>("forwardedFor"); // one entry per X-Forwarded-For header
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("expected");

        const QStringList none;
        QTest::newRow("no proxies configured: header ignored")
            << u"203.0.113.9"_s << QStringList{u"198.51.100.1"_s} << none << u"203.0.113.9"_s;
        QTest::newRow("untrusted peer: header ignored")
            << u"203.0.113.9"_s << QStringList{u"198.51.100.1"_s} << QStringList{u"10.0.0.1"_s} << u"203.0.113.9"_s;
        QTest::newRow("trusted peer: client from header")
            << u"10.0.0.1"_s << QStringList{u"198.51.100.1"_s} << QStringList{u"10.0.0.1"_s} << u"198.51.100.1"_s;
        QTest::newRow("trusted by CIDR") << u"10.1.2.3"_s << QStringList{u"198.51.100.1"_s}
                                         << QStringList{u"10.0.0.0/8"_s} << u"198.51.100.1"_s;
        QTest::newRow("outside the CIDR")
            << u"11.1.2.3"_s << QStringList{u"198.51.100.1"_s} << QStringList{u"10.0.0.0/8"_s} << u"11.1.2.3"_s;
        QTest::newRow("spoofed leftmost entry is skipped") << u"10.0.0.1"_s << QStringList{u"1.2.3.4, 198.51.100.1"_s}
                                                           << QStringList{u"10.0.0.1"_s} << u"198.51.100.1"_s;
        QTest::newRow("chain of trusted proxies") << u"10.0.0.1"_s << QStringList{u"198.51.100.1, 10.0.0.2"_s}
                                                  << QStringList{u"10.0.0.0/24"_s} << u"198.51.100.1"_s;
        QTest::newRow("several headers are one list") << u"10.0.0.1"_s << QStringList{u"1.2.3.4"_s, u"198.51.100.1"_s}
                                                      << QStringList{u"10.0.0.1"_s} << u"198.51.100.1"_s;
        QTest::newRow("garbage hop: the last vouched address")
            << u"10.0.0.1"_s << QStringList{u"not-an-ip"_s} << QStringList{u"10.0.0.1"_s} << u"10.0.0.1"_s;
        QTest::newRow("v4-mapped peer matches a v4 proxy") << u"::ffff:10.0.0.1"_s << QStringList{u"198.51.100.1"_s}
                                                           << QStringList{u"10.0.0.1"_s} << u"198.51.100.1"_s;
        QTest::newRow("IPv6 proxy and client") << u"2001:db8::1"_s << QStringList{u"2001:db8:ffff::5"_s}
                                               << QStringList{u"2001:db8::/64"_s} << u"2001:db8:ffff::5"_s;
        QTest::newRow("trusted peer without header")
            << u"10.0.0.1"_s << QStringList{} << QStringList{u"10.0.0.1"_s} << u"10.0.0.1"_s;
    }

    void clientAddress_forwardedFor_honouredOnlyFromTrustedProxies()
    {
        QFETCH(QString, peer);
        QFETCH(QStringList, forwardedFor);
        QFETCH(QStringList, trusted);
        QFETCH(QString, expected);
        HttpRequest request;
        request.method = "POST";
        request.remoteAddress = peer;
        for (const auto &value : forwardedFor)
            request.headers.append({"x-forwarded-for", value.toLatin1()});
        QCOMPARE(clientAddress(request, trusted), expected);
    }

    void validTrustedProxies_badEntries_rejected_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("valid");
        QTest::newRow("v4") << u"127.0.0.1"_s << true;
        QTest::newRow("v4 cidr") << u"10.0.0.0/8"_s << true;
        QTest::newRow("v6 cidr") << u"fd00::/8"_s << true;
        QTest::newRow("host name") << u"proxy.example.org"_s << false;
        QTest::newRow("prefix too long") << u"10.0.0.0/33"_s << false;
        QTest::newRow("empty prefix") << u"10.0.0.0/"_s << false;
    }

    void validTrustedProxies_badEntries_rejected()
    {
        QFETCH(QString, entry);
        QFETCH(bool, valid);
        QString bad;
        QCOMPARE(validTrustedProxies({entry}, &bad), valid);
        if (!valid)
            QCOMPARE(bad, entry);
    }

    void signInEndpoint_forwardedFor_countsPerClientOnlyBehindTrustedProxy_data()
    {
        QTest::addColumn<QString>("trustedProxies");
        QTest::addColumn<bool>("perForwardedAddress");
        QTest::newRow("no trusted proxy: header ignored, one peer") << QString() << false;
        QTest::newRow("other proxy trusted: header ignored") << u"10.0.0.1"_s << false;
        QTest::newRow("loopback trusted: each forwarded client counted") << u"127.0.0.1"_s << true;
    }

    void signInEndpoint_forwardedFor_countsPerClientOnlyBehindTrustedProxy()
    {
        // Over real HTTP against the real binary: the public sign-in form is limited per
        // source address (2 here); distinct X-Forwarded-For values only count as distinct
        // clients when the TCP peer (127.0.0.1) is a configured proxy.
        QFETCH(QString, trustedProxies);
        QFETCH(bool, perForwardedAddress);
        PortalProcess portal;
        portal.setConfig(u"ratelimit/sign_in_per_address"_s, u"2"_s);
        portal.setConfig(u"ratelimit/sign_in_per_email"_s, u"100"_s);
        if (!trustedProxies.isEmpty())
            portal.setConfig(u"server/trusted_proxies"_s, trustedProxies);
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        const QUrl url = portal.baseUrl().resolved(QUrl(u"/portal/sign-in"_s));
        // The form is CSRF-protected (R5): take the cookie and field a browser would hold.
        const auto form = httpRequest("GET", url);
        QByteArray csrfCookie, csrfToken;
        for (const auto &[name, value] : form.headers) {
            if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && value.startsWith("__Host-gh_csrf="))
                csrfCookie = value.left(value.indexOf(';'));
        }
        const QByteArray marker = "name=\"csrf\" value=\"";
        const auto at = form.body.indexOf(marker) + marker.size();
        csrfToken = form.body.mid(at, form.body.indexOf('"', at) - at);
        QVERIFY(!csrfCookie.isEmpty() && !csrfToken.isEmpty());
        const auto post = [&](int i, const QByteArray &forwardedFor) {
            return httpRequest("POST", url,
                               "csrf=" + csrfToken + "&email=nobody" + QByteArray::number(i) + "%40example.org",
                               {{"Content-Type", "application/x-www-form-urlencoded"},
                                {"Cookie", csrfCookie},
                                {"X-Forwarded-For", forwardedFor}});
        };
        QList<int> statuses;
        for (int i = 0; i < 3; ++i)
            statuses << post(i, "198.51.100." + QByteArray::number(i + 1)).status;
        if (perForwardedAddress)
            QCOMPARE(statuses, (QList<int>{200, 200, 200}));
        else
            QCOMPARE(statuses, (QList<int>{200, 200, 429}));
        // One forwarded client is still limited when it repeats itself.
        const auto again = post(10, "198.51.100.1");
        const auto third = post(11, "198.51.100.1");
        QCOMPARE(third.status, 429);
        QVERIFY(third.header("Retry-After").toInt() > 3500);
        Q_UNUSED(again);
    }

    void config_trustedProxies_parsedAndValidated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("portal.conf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[server]\ntrusted_proxies = 127.0.0.1, 10.0.0.0/8\n[ratelimit]\ninvite_per_client = 3\n");
        f.close();
        auto config = Config::load(path, QProcessEnvironment());
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config->trustedProxies, (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.0/8")}));
        QCOMPARE(config->inviteLimitPerClient, 3);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[server]\ntrusted_proxies = 127.0.0.1, proxy.local\n");
        f.close();
        auto bad = Config::load(path, QProcessEnvironment());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(QStringLiteral("proxy.local")), qPrintable(bad.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
