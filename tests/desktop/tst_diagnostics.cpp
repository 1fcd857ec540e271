// SPDX-License-Identifier: Apache-2.0
// What the app writes for IT: redaction of secrets, the rotating log file and its
// message handler. (The whole report, against a real server, is in tst_mainwindow.)
#include "model/logfile.h"
#include "model/redaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;

namespace {

Q_LOGGING_CATEGORY(lcSync, "gatehouse.sync")

const QString kToken = QStringLiteral("pQ3x_Vb8kLm2N9rT4yWz7Hc1Jd6Fg0Ks5Ua");

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

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

    void write_pastTheCap_rotatesAndKeepsAtMostTheFileCount()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/gatehouse.log"));
        LogFile log(path, 4096, 3);
        for (int i = 0; i < 400; ++i)
            log.write(QStringLiteral("line %1 of the test, padded so that rotation happens often enough").arg(i, 4));
        const auto files = QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("gatehouse.log"), QStringLiteral("gatehouse.log.1"),
                                     QStringLiteral("gatehouse.log.2")}));
        for (const auto &name : files)
            QVERIFY2(QFileInfo(dir.filePath(QStringLiteral("logs/") + name)).size() <= 4096, qPrintable(name));
        const auto last = log.lastLines(50);
        QCOMPARE(last.size(), 50);
        QVERIFY(last.constLast().contains(QStringLiteral("line  399 ")));
        QVERIFY(last.constFirst().contains(QStringLiteral("line  350 ")));
        QVERIFY(!fileText(path + QStringLiteral(".2")).contains(QStringLiteral("line    0 ")));
    }

    void install_routesQtMessagesRedactedAndRestores()
    {
        QTemporaryDir dir;
        LogFile log(dir.filePath(QStringLiteral("gatehouse.log")));
        LogFile::install(&log);
        QCOMPARE(LogFile::installed(), &log);
        qWarning("request failed, Authorization: Bearer %s", qPrintable(kToken));
        qCInfo(lcSync, "synced %d clients", 12);
        LogFile::install(nullptr);
        qWarning("after uninstall");
        QCOMPARE(LogFile::installed(), nullptr);

        const QString text = fileText(log.path());
        QVERIFY2(!text.contains(kToken), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(" warning default: request failed, Authorization: [redacted]")));
        QVERIFY(text.contains(QStringLiteral(" info gatehouse.sync: synced 12 clients")));
        QVERIFY(!text.contains(QStringLiteral("after uninstall")));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
