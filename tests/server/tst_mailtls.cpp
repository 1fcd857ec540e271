// SPDX-License-Identifier: Apache-2.0
// F16's success path against a relay like a real one: a loopback SMTP server that
// insists on STARTTLS and AUTH (tests/support/smtptlsauth.py, aiosmtpd) with a throwaway
// self-signed certificate the portal trusts through [mail] smtp_ca_file, so nothing
// turns verification off. The right password delivers over the upgraded, authenticated
// session; a wrong one keeps the message queued with a clear error, and it goes out once
// the password is fixed.
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("Secret-Admin-Password-4711");
const QString SmtpUser = QStringLiteral("gatehouse-relay");
const QString SmtpPassword = QStringLiteral("relay password 42");

struct OutboxRow
{
    QString state;
    int attempts = -1;
    QString lastError;
};

OutboxRow outboxRow(const QString &databasePath, const QString &templateName)
{
    const QString name = QUuid::createUuid().toString();
    OutboxRow row;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT state, attempts, last_error FROM mail_outbox WHERE template = ? "
                                     "ORDER BY id DESC LIMIT 1"));
            q.addBindValue(templateName);
            if (q.exec() && q.next())
                row = OutboxRow{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()};
        }
    }
    QSqlDatabase::removeDatabase(name);
    return row;
}

} // namespace

class TestMailTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_relay;
    quint16 m_port = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QList<QJsonObject> record() const
    {
        QList<QJsonObject> entries;
        QFile f(path(QStringLiteral("record.jsonl")));
        if (f.open(QIODevice::ReadOnly)) {
            for (const auto &line : f.readAll().split('\n')) {
                if (!line.trimmed().isEmpty())
                    entries.append(QJsonDocument::fromJson(line).object());
            }
        }
        return entries;
    }

    int delivered() const { return int(QDir(path(QStringLiteral("maildir/new"))).entryList(QDir::Files).size()); }

    bool startPortal(PortalProcess &portal, const QString &password)
    {
        QFile secret(portal.directory() + QStringLiteral("/smtp-password"));
        if (!secret.open(QIODevice::WriteOnly) || secret.write(password.toUtf8()) < 0)
            return false;
        secret.close();
        portal.setConfig(QStringLiteral("mail/transport"), QStringLiteral("smtp"));
        portal.setConfig(QStringLiteral("mail/smtp_url"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_port));
        portal.setConfig(QStringLiteral("mail/smtp_starttls"), QStringLiteral("required"));
        portal.setConfig(QStringLiteral("mail/smtp_username"), SmtpUser);
        portal.setConfig(QStringLiteral("mail/smtp_password_file"), secret.fileName());
        portal.setConfig(QStringLiteral("mail/smtp_ca_file"), path(QStringLiteral("cert.pem")));
        portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("100"));
        return portal.createStaff(AdminEmail, AdminPassword) && portal.start();
    }

    // Creates and invites a client through the staff API; the invite mail is queued.
    static bool invite(PortalProcess &portal, const QString &email)
    {
        const auto url = [&](const QString &p) { return portal.baseUrl().resolved(QUrl(p)); };
        const auto session = httpRequest("POST", url(QStringLiteral("/api/v1/session")),
                                         QJsonDocument(QJsonObject{{QStringLiteral("email"), AdminEmail},
                                                                   {QStringLiteral("password"), AdminPassword}})
                                             .toJson(QJsonDocument::Compact));
        const QByteArray bearer = "Bearer " + session.json().value(QStringLiteral("token")).toString().toLatin1();
        const auto created = httpRequest("POST", url(QStringLiteral("/api/v1/clients")),
                                         QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Tia Tls")},
                                                                   {QStringLiteral("email"), email},
                                                                   {QStringLiteral("matter"), QStringLiteral("Tls")}})
                                             .toJson(QJsonDocument::Compact),
                                         {{"Authorization", bearer}});
        const qint64 id = qint64(created.json().value(QStringLiteral("id")).toDouble());
        return id > 0 && httpRequest("POST", url(QStringLiteral("/api/v1/clients/%1/invite").arg(id)), {},
                                     {{"Authorization", bearer}})
                                 .status == 201;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A throwaway certificate for 127.0.0.1, made for this run only.
        const int openssl = QProcess::execute(
            QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(QStringLiteral("key.pem")),
             QStringLiteral("-out"), path(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY2(openssl == 0, "openssl could not make a test certificate (is the openssl package installed?)");
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
        probe.close();
        m_relay.setProcessChannelMode(QProcess::MergedChannels);
        m_relay.start(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral(GATEHOUSE_SMTP_TLS_AUTH), QString::number(m_port),
                       path(QStringLiteral("cert.pem")), path(QStringLiteral("key.pem")),
                       path(QStringLiteral("maildir")), SmtpUser, SmtpPassword, path(QStringLiteral("record.jsonl"))});
        QVERIFY2(m_relay.waitForStarted(10000), "cannot run /usr/bin/python3 (needs python3-aiosmtpd)");
        QByteArray out;
        QTRY_VERIFY2_WITH_TIMEOUT((out += m_relay.readAll()).contains("READY") ||
                                      m_relay.state() == QProcess::NotRunning,
                                  qPrintable(QString::fromUtf8(out)), 20000);
        QVERIFY2(out.contains("READY"), qPrintable(QStringLiteral("the relay did not start (python3-aiosmtpd "
                                                                  "missing?):\n%1")
                                                       .arg(QString::fromUtf8(out))));
    }

    void rightPassword_deliveredOverStartTlsAfterAuth()
    {
        PortalProcess portal;
        QVERIFY2(startPortal(portal, SmtpPassword), qPrintable(portal.errorString()));
        QVERIFY(invite(portal, QStringLiteral("tia@client.example")));
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), 1, 30000);
        QCOMPARE(outboxRow(portal.databasePath(), QStringLiteral("invite")).state, QStringLiteral("sent"));

        const auto entries = record();
        QList<QJsonObject> auths, messages;
        for (const auto &e : entries)
            (e.value(QStringLiteral("event")).toString() == u"auth" ? auths : messages).append(e);
        QCOMPARE(auths.size(), 1);
        QCOMPARE(auths.first().value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(auths.first().value(QStringLiteral("login")).toString(), SmtpUser);
        QCOMPARE(auths.first().value(QStringLiteral("tls")).toBool(), true); // AUTH only after STARTTLS
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(messages.first().value(QStringLiteral("authenticated")).toBool(), true);
        QCOMPARE(messages.first().value(QStringLiteral("login")).toString(), SmtpUser);
        QVERIFY(portal.stop());
    }

    void wrongPassword_staysQueuedWithClearError_sentOncePasswordFixed()
    {
        const int before = delivered();
        const auto recordBefore = record().size();
        PortalProcess portal;
        QVERIFY2(startPortal(portal, QStringLiteral("not the password")), qPrintable(portal.errorString()));
        QVERIFY(invite(portal, QStringLiteral("ted@client.example")));
        // The positive signal: the sender tried, failed, and put the message back. (While
        // it tries, attempts already counts and the state is "sending".)
        QTRY_VERIFY_WITH_TIMEOUT(outboxRow(portal.databasePath(), QStringLiteral("invite")).attempts >= 1 &&
                                     outboxRow(portal.databasePath(), QStringLiteral("invite")).state ==
                                         QStringLiteral("retrying"),
                                 30000);
        const OutboxRow failed = outboxRow(portal.databasePath(), QStringLiteral("invite"));
        QCOMPARE(failed.state, QStringLiteral("retrying"));
        QVERIFY2(failed.lastError.contains(QStringLiteral("535")), qPrintable(failed.lastError));
        QVERIFY(!failed.lastError.contains(QStringLiteral("not the password")));
        QCOMPARE(delivered(), before);
        const auto tried = record().mid(recordBefore);
        QVERIFY(!tried.isEmpty());
        QCOMPARE(tried.first().value(QStringLiteral("success")).toBool(), false);

        // IT fixes the password file (read per message); the waiting message goes out.
        QFile secret(portal.directory() + QStringLiteral("/smtp-password"));
        QVERIFY(secret.open(QIODevice::WriteOnly | QIODevice::Truncate));
        secret.write(SmtpPassword.toUtf8());
        secret.close();
        portal.advanceClock(3600); // past any backoff, without waiting it out
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), before + 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(outboxRow(portal.databasePath(), QStringLiteral("invite")).state,
                                  QStringLiteral("sent"), 10000);
        QVERIFY(portal.stop());
    }

    void cleanupTestCase()
    {
        m_relay.terminate();
        m_relay.waitForFinished(10000);
    }
};

QTEST_GUILESS_MAIN(TestMailTls)
#include "tst_mailtls.moc"
