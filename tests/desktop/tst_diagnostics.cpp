// SPDX-License-Identifier: Apache-2.0
// What the app hands to IT: redaction of secrets and the diagnostics report built from
// its parts. (The rotating log is in tst_logfile; the whole report, against a real
// server, in tst_mainwindow.)
#include "model/diagnostics.h"
#include "model/redaction.h"

#include <QTest>

using namespace Gatehouse;

namespace {

const QString kToken = QStringLiteral("pQ3x_Vb8kLm2N9rT4yWz7Hc1Jd6Fg0Ks5Ua");

} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT

private slots:
    void redacted_secrets_areRemoved_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer header") << QStringLiteral("GET /api/v1/me Authorization: Bearer %1").arg(kToken)
                                       << kToken;
        QTest::newRow("bearer alone") << QStringLiteral("using bearer %1 now").arg(kToken) << kToken;
        QTest::newRow("cookie header") << QStringLiteral("Cookie: __Host-gh_session=abc123def")
                                       << QStringLiteral("abc123def");
        QTest::newRow("set-cookie") << QStringLiteral("set-cookie: __Host-gh_browser=zz9; Path=/")
                                    << QStringLiteral("zz9");
        QTest::newRow("json password") << QStringLiteral(R"(body {"email":"a@b.c","password":"hunter2 horse"})")
                                       << QStringLiteral("hunter2");
        QTest::newRow("form password") << QStringLiteral("password=s3cret&email=x") << QStringLiteral("s3cret");
        QTest::newRow("token field") << QStringLiteral(R"({"token":"short1"})") << QStringLiteral("short1");
        QTest::newRow("totp code") << QStringLiteral(R"({"totp":"123456"})") << QStringLiteral("123456");
        QTest::newRow("totp secret") << QStringLiteral("secret=JBSWY3DPEHPK3PXP") << QStringLiteral("JBSWY3DPEHPK3PXP");
        QTest::newRow("magic link") << QStringLiteral("opened https://portal.firm.example/portal/%1").arg(kToken)
                                    << kToken;
        QTest::newRow("document link") << QStringLiteral("https://p.example/d/AbCdEfGhIjKlMnOpQrSt")
                                       << QStringLiteral("AbCdEfGhIjKlMnOpQrSt");
        QTest::newRow("bare token") << QStringLiteral("stored %1 in the keychain").arg(kToken) << kToken;
        QTest::newRow("bare token without digits")
            << QStringLiteral("stored pQxVbkLmNrTyWzHcJdFgKsUaqwEr in the keychain")
            << QStringLiteral("pQxVbkLmNrTyWzHcJdFgKsUa");
        QTest::newRow("qdebug header pair")
            << QStringLiteral(R"(headers (("Cookie", "__Host-gh_session=ab1")))") << QStringLiteral("ab1");
        QTest::newRow("qdebug authorization pair")
            << QStringLiteral(R"(("Authorization", "Token zz9")))") << QStringLiteral("zz9");
        QTest::newRow("json authorization")
            << QStringLiteral(R"({"Authorization": "Bearer %1"})").arg(kToken) << kToken;
        QTest::newRow("otpauth uri") << QStringLiteral(
                                            "otpauth://totp/Gatehouse:paula?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse")
                                     << QStringLiteral("JBSWY3DPEHPK3PXP");
        QTest::newRow("query token") << QStringLiteral("GET /portal/sign-in?token=abc12") << QStringLiteral("abc12");
        QTest::newRow("end-session link")
            << QStringLiteral("https://p.example/portal/end-session/c12s3/%1").arg(kToken) << kToken;
    }
    void redacted_secrets_areRemoved()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        const QString out = redacted(line);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[redacted]")), qPrintable(out));
    }

    void redacted_ordinaryText_isKept()
    {
        const QString line = QStringLiteral("sync finished: 120 clients, server https://portal.firm.example:8443, "
                                            "cache /home/paula/.local/share/Gatehouse/Gatehouse/cache.sqlite, "
                                            "certificate AB:CD:EF:01:23:45:67:89");
        QCOMPARE(redacted(line), line);
    }

    void report_secretsInEveryFreeText_neverAppear()
    {
        // Everything a report prints that is not fixed text, each holding a secret.
        Diagnostics d;
        d.appVersion = QStringLiteral("0.1.0");
        d.qtVersion = QStringLiteral("6.4.2");
        d.os = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
        d.serverUrl = QStringLiteral("https://portal.firm.example");
        d.server = ServerInfo{QStringLiteral("0.1.0"), 7, QStringLiteral("Rossi & Partners")};
        d.signedInAs = QStringLiteral("Paula <paula@firm.example> (paralegal)");
        d.settings.append({QStringLiteral("connection/server_url"),
                           SettingValue{QStringLiteral("https://portal.firm.example/portal/%1").arg(kToken),
                                        SettingSource::Policy, true, QStringLiteral("policy.conf")}});
        d.settings.append({QStringLiteral("sync/interval_ms"), SettingValue{5000, SettingSource::User, false, {}}});
        d.cachePath = QStringLiteral("/home/paula/.local/share/Gatehouse/Gatehouse/cache.sqlite");
        d.cacheBytes = 4096;
        d.lastSync = QDateTime(QDate(2026, 12, 5), QTime(8, 50), Qt::UTC);
        d.syncCursor = QStringLiteral("42");
        d.updates = QStringLiteral("polling every 5 s");
        d.pinnedCertificate = QStringLiteral("AB:CD:EF:01:23:45:67:89");
        d.logLines = {
            QStringLiteral("GET /api/v1/me Authorization: Bearer %1").arg(kToken),
            QStringLiteral(R"(sign-in {"email":"paula@firm.example","password":"correct horse"})"),
            QStringLiteral("reply (\"Set-Cookie\", \"__Host-gh_browser=b1rd; Path=/\")"),
            QStringLiteral("enrol otpauth://totp/Gatehouse:paula?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse"),
            QStringLiteral("mailed https://portal.firm.example/portal/%1").arg(kToken),
        };

        const QString report = d.report();
        for (const auto &secret :
             {kToken, QStringLiteral("correct horse"), QStringLiteral("b1rd"), QStringLiteral("JBSWY3DPEHPK3PXP")})
            QVERIFY2(!report.contains(secret), qPrintable(report));
        // What IT needs is still there.
        QVERIFY(report.contains(QStringLiteral("Server version: 0.1.0\nServer schema: 7\n")));
        QVERIFY(report.contains(QStringLiteral("connection/server_url = https://portal.firm.example/portal/[redacted]  "
                                               "[managed by policy (policy.conf)]")));
        QVERIFY(report.contains(QStringLiteral("sync/interval_ms = 5000  [set by the user]")));
        QVERIFY(report.contains(QStringLiteral("Sync cursor: 42\n")));
        QVERIFY(report.contains(QStringLiteral("Pinned certificate (SHA-256): AB:CD:EF:01:23:45:67:89\n")));
        QVERIFY(report.contains(QStringLiteral("Last 5 log lines:\n")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
