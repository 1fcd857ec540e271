// SPDX-License-Identifier: Apache-2.0
// The rotating log file IT reads (model/logfile.h): the cap, the number of files, the
// message handler, its redaction and the handler it chains to.
#include "model/logfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
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

// What the handler installed before the log's received: the console in the real app.
QStringList g_seenByPrevious;
void recordingHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_seenByPrevious.append(message);
}

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT

private slots:
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

    void write_defaultCap_rotatesAtOneMebibyteIntoFiveFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gatehouse.log"));
        LogFile log(path);
        const QString line = QString(1023, u'x'); // 1 KiB with the newline
        for (int i = 0; i < 6 * 1024 + 10; ++i)
            log.write(line);
        const auto files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), LogFile::DefaultKeptFiles);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".5")));
        for (const auto &name : files)
            QVERIFY2(QFileInfo(dir.filePath(name)).size() <= LogFile::DefaultMaxBytes, qPrintable(name));
        QCOMPARE(QFileInfo(path + QStringLiteral(".1")).size(), LogFile::DefaultMaxBytes);
    }

    void write_lineLongerThanAQuarterOfTheCap_isCutAfterRedaction()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gatehouse.log"));
        LogFile log(path, 4096, 2);
        log.write(QStringLiteral("before the long line"));
        // The token straddles the cut (about byte 984): redaction runs on the whole line
        // first, so not even its start is left.
        const QString body =
            QString(300, u'é') + QString(370, u'a') + QStringLiteral(" token=") + kToken + u' ' + QString(3000, u'x');
        log.write(body);
        // A cut inside a two-byte character would leave half of it.
        log.write(QString(2000, u'é'));
        const auto lines = log.lastLines(3);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("before the long line"));
        QVERIFY(lines.at(1).startsWith(QString(300, u'é') + QString(370, u'a')));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(" bytes cut]")), qPrintable(lines.at(1).right(60)));
        QVERIFY(lines.at(2).endsWith(QStringLiteral(" bytes cut]")));
        QVERIFY(!lines.at(2).contains(QChar::ReplacementCharacter));
        QVERIFY(QFileInfo(path).size() <= 4096);
        QVERIFY(!fileText(path).contains(kToken.left(8)));
    }

    void defaultPath_isLogsUnderTheAppDataFolder()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(LogFile::defaultPath(), QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                                             QStringLiteral("/logs/gatehouse.log"));
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

    void install_chainsToPreviousHandlerWithRedactedText()
    {
        g_seenByPrevious.clear();
        const QtMessageHandler outer = qInstallMessageHandler(recordingHandler);
        QTemporaryDir dir;
        LogFile log(dir.filePath(QStringLiteral("gatehouse.log")));
        LogFile::install(&log);
        qWarning("sent Cookie: __Host-gh_session=%s", qPrintable(kToken));
        LogFile::install(nullptr);
        qWarning("after uninstall");
        qInstallMessageHandler(outer);

        QCOMPARE(g_seenByPrevious,
                 (QStringList{QStringLiteral("sent Cookie: [redacted]"), QStringLiteral("after uninstall")}));
        QVERIFY(fileText(log.path()).contains(QStringLiteral("sent Cookie: [redacted]")));
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
