// SPDX-License-Identifier: Apache-2.0
// R1: after a full invite → consume → sign-in-by-email flow and a staff sign-in, no raw
// token, session id, staff bearer token or password is anywhere in the database files
// (main, -wal, -shm), the data directory (bar the secret file and the dev mail folder,
// which is allowed to hold the links it "sent") or the server's log.
#include "portalflow.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("Secret-Admin-Password-4711");

// The text of the .eml files in `folder`, with quoted-printable soft line breaks undone
// so a long link reads as one string.
QByteArray mailText(const QString &folder)
{
    QByteArray all;
    QDirIterator it(folder, {QStringLiteral("*.eml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll() + '\n';
    }
    all.replace("=\r\n", "");
    all.replace("=\n", "");
    return all;
}

QStringList linksIn(const QByteArray &text)
{
    static const QRegularExpression link(QStringLiteral("/portal/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"));
    QStringList tokens;
    auto it = link.globalMatch(QString::fromLatin1(text));
    while (it.hasNext()) {
        const auto token = it.next().captured(1);
        if (!tokens.contains(token))
            tokens << token;
    }
    return tokens;
}

} // namespace

class TestSecretsAtRest : public QObject
{
    Q_OBJECT

private slots:
    void fullFlow_noSecretInDatabaseDataDirOrLog()
    {
        PortalProcess portal;
        QVERIFY2(portal.createStaff(AdminEmail, AdminPassword), qPrintable(portal.errorString()));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        PortalFlow flow(portal);
        QVERIFY(flow.signInStaff(AdminEmail, AdminPassword));

        QList<QByteArray> secrets{flow.staffToken(), AdminPassword.toUtf8()};
        const qint64 id = flow.createClient(QStringLiteral("Rita Rest"), QStringLiteral("rita@client.example"));
        QVERIFY(id > 0);
        const QString link = flow.invite(id);
        QVERIFY(!link.isEmpty());
        secrets << link.section(u'/', -1).toLatin1();

        QCOMPARE(httpRequest("GET", flow.url(link)).status, 200);
        const auto consumed = flow.consume(link);
        QCOMPARE(consumed.status, 303);
        const QByteArray cookie = PortalFlow::sessionCookie(consumed);
        secrets << cookie.mid(cookie.indexOf('=') + 1) << cookie.split('.').value(1);
        QCOMPARE(flow.hub(cookie).status, 200);

        // Sign-in by email: the link reaches only the mail (dev folder transport).
        const auto asked = flow.postForm(QStringLiteral("/portal/sign-in"), "email=rita%40client.example");
        QCOMPARE(asked.status, 200);
        QStringList mailed;
        for (int i = 0; i < 100 && mailed.size() < 2; ++i) {
            QThread::msleep(200);
            mailed = linksIn(mailText(portal.mailFolder()));
        }
        // The invite link and the sign-in link both went out by mail.
        QVERIFY2(mailed.size() >= 2, qPrintable(QStringLiteral("links in mail: %1").arg(mailed.size())));
        QVERIFY(mailed.contains(link.section(u'/', -1)));
        QString signInToken;
        for (const auto &t : std::as_const(mailed)) {
            if (t != link.section(u'/', -1))
                signInToken = t;
        }
        secrets << signInToken.toLatin1();
        const auto second = flow.consume(QStringLiteral("/portal/") + signInToken);
        QCOMPARE(second.status, 303);
        const QByteArray cookie2 = PortalFlow::sessionCookie(second);
        secrets << cookie2.mid(cookie2.indexOf('=') + 1) << cookie2.split('.').value(1);
        QCOMPARE(flow.hub(cookie2).status, 200);

        const QByteArray log = portal.serverLog();
        portal.stop();
        QVERIFY(!log.isEmpty());
        QVERIFY(log.contains("/portal/[token]")); // the paths were logged, redacted

        // Everything on disk except the key file and the dev mail folder.
        QByteArray disk;
        QStringList scanned;
        const QString secretFile = QDir(portal.directory()).filePath(QStringLiteral("portal.secrets"));
        QDirIterator it(portal.directory(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.startsWith(portal.mailFolder()) || QFileInfo(path) == QFileInfo(secretFile))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            disk += f.readAll();
            scanned << QFileInfo(path).fileName();
        }
        QVERIFY2(scanned.contains(QFileInfo(portal.databasePath()).fileName()), qPrintable(scanned.join(u',')));
        QVERIFY(disk.size() > 10000);

        for (const auto &secret : std::as_const(secrets)) {
            QVERIFY(secret.size() >= 20);
            QVERIFY2(!disk.contains(secret), secret.constData());
            QVERIFY2(!log.contains(secret), secret.constData());
            // Text columns could hold UTF-16 only with another driver; check it anyway.
            const QString asText = QString::fromLatin1(secret);
            const QByteArray utf16(reinterpret_cast<const char *>(asText.utf16()), asText.size() * 2);
            QVERIFY(!disk.contains(utf16));
        }
        // The scan can fail: the mail folder, which may hold links, does contain them.
        QVERIFY(mailText(portal.mailFolder()).contains(link.section(u'/', -1).toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestSecretsAtRest)
#include "tst_secretsatrest.moc"
