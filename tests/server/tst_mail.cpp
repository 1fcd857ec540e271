// SPDX-License-Identifier: Apache-2.0
// The mail outbox end to end (SPEC F16, R1, R9): the real gatehouse-portal binary,
// a real SMTP server on loopback (aiosmtpd, tests/support/smtpserver.h) and the real
// SQLite file. Mail is queued with `gatehouse-portal send-test-mail` (a separate
// process writing to the same database, as IT would run it) or through the invite
// route, and delivered by the server's sender thread.
#include "mailtestkit.h"

#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;
using namespace Gatehouse::Test::MailTestKit;
using namespace Qt::Literals::StringLiterals;

class TestMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!PortalProcess::binaryPath().isEmpty(), "GATEHOUSE_PORTAL_BIN is not set; run through ctest");
    }

    void smtp_queuedTestMail_arrivesWithHeadersBothPartsAndLink()
    {
        Setup s;
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));

        const Queued q = sendTestMail(s, u"ann.client@example.org"_s);
        QVERIFY(q.id > 0);
        QVERIFY2(s.smtp.waitForMessages(1, 30000), "the message never reached the SMTP server");
        const auto messages = s.smtp.messages();
        QCOMPARE(messages.size(), 1);
        const ReceivedMail &mail = messages.first();
        checkHeaders(mail, u"ann.client@example.org"_s);
        QCOMPARE(mail.header("subject"), FirmName + u": test message from the portal"_s);
        const QString link = u"http://127.0.0.1/portal/sign-in?check="_s + q.checkCode;
        QVERIFY2(mail.text.contains(link), qPrintable(mail.text));
        QVERIFY2(decodeEntities(mail.html).contains(u"href=\""_s + link + u'"'), qPrintable(mail.html));

        // The admin view says sent, and the ciphertext is gone once delivered.
        const auto entry = waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"sent"_s; });
        QCOMPARE(entry.value(u"state"_s).toString(), u"sent"_s);
        QCOMPARE(entry.value(u"to"_s).toString(), u"ann.client@example.org"_s);
        QCOMPARE(entry.value(u"template"_s).toString(), u"test"_s);
        QVERIFY(!entry.contains(u"body"_s));
        QCOMPARE(column(s.portal, u"SELECT sealed IS NULL FROM mail_outbox WHERE id = %1"_s.arg(q.id)),
                 QVariantList{1});
        // Neither the code nor the link is in the server's log (R1).
        QVERIFY(!s.portal.serverLog().contains(q.checkCode.toLatin1()));
    }

    void invite_viaRoute_mailNamesMatterPartnerExpiryAndTheLink()
    {
        Setup s;
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));

        const auto created = authed(s, "POST", u"/api/v1/clients"_s, s.adminToken,
                                    json({{u"name"_s, u"Renée Ørsted"_s},
                                          {u"email"_s, u"renee@example.org"_s},
                                          {u"matter"_s, u"Estate of Ørsted"_s}}));
        QCOMPARE(created.status, 201);
        const qint64 clientId = created.json().value(u"id"_s).toInteger();
        const auto invited =
            authed(s, "POST", u"/api/v1/clients/%1/invite"_s.arg(clientId), s.adminToken, json(QJsonObject{}));
        QCOMPARE(invited.status, 201);
        const QString portalUrl = invited.json().value(u"portal_url"_s).toString();
        QVERIFY(portalUrl.contains(u"/portal/"_s));

        QVERIFY2(s.smtp.waitForMessages(1, 30000), "the invite never reached the SMTP server");
        const ReceivedMail mail = s.smtp.messages().first();
        checkHeaders(mail, u"renee@example.org"_s);
        QCOMPARE(mail.header("to"), u"Renée Ørsted <renee@example.org>"_s);
        QVERIFY2(mail.header("subject").contains(u"Estate of Ørsted"_s), qPrintable(mail.header("subject")));
        QVERIFY2(mail.text.contains(portalUrl), qPrintable(mail.text));
        QVERIFY2(decodeEntities(mail.html).contains(u"href=\""_s + portalUrl + u'"'), qPrintable(mail.html));
        QVERIFY(mail.text.contains(u"Estate of Ørsted"_s));
        QVERIFY(mail.text.contains(u"UTC"_s)); // the expiry
        QVERIFY(mail.text.contains(u"If you did not expect this email"_s));
    }

    void smtpDown_messageBacksOff_deliveredOnceServerIsBack()
    {
        Setup s;
        QVERIFY2(reserveSmtpPort(s), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));

        const Queued q = sendTestMail(s, u"bob@example.org"_s);
        QVERIFY(q.id > 0);
        const auto waiting = waitForEntry(s, q.id, [](const QJsonObject &e) {
            return e.value(u"state"_s) == u"retrying"_s && e.value(u"attempts"_s).toInt() >= 2;
        });
        QCOMPARE(waiting.value(u"state"_s).toString(), u"retrying"_s);
        QVERIFY(!waiting.value(u"last_error"_s).toString().isEmpty());
        const QDateTime next = fromWireTime(waiting.value(u"next_attempt_at"_s).toString());
        QVERIFY(next.isValid());

        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        QVERIFY2(s.smtp.waitForMessages(1, 30000), "queued mail was not delivered after the SMTP server came back");
        const auto sent = waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"sent"_s; });
        QCOMPARE(sent.value(u"state"_s).toString(), u"sent"_s);
        QVERIFY(sent.value(u"attempts"_s).toInt() >= 3);
        QVERIFY(drainThenStop(s)); // nothing else arrives later
        QCOMPARE(countWithCode(s.smtp, q.checkCode), 1);
    }

    void startTlsRequired_serverWithoutTls_refusesToSendInClear()
    {
        // [mail] smtp_starttls = required (the default): a relay that offers no STARTTLS
        // (this aiosmtpd has no certificate) never receives the link in clear.
        Setup s;
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        s.portal.setConfig(u"mail/smtp_starttls"_s, u"required"_s);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        const Queued q = sendTestMail(s, u"ivy@example.org"_s);
        QVERIFY(q.id > 0);
        const auto waiting = waitForEntry(s, q.id, [](const QJsonObject &e) {
            return e.value(u"state"_s) == u"retrying"_s && e.value(u"attempts"_s).toInt() >= 2;
        });
        QCOMPARE(waiting.value(u"state"_s).toString(), u"retrying"_s);
        QVERIFY(!waiting.value(u"last_error"_s).toString().isEmpty());
        QCOMPARE(s.smtp.messages().size(), 0);
    }

    void portalStopped_whileMailQueued_deliveredExactlyOnceAfterRestart_data()
    {
        QTest::addColumn<bool>("kill");
        QTest::newRow("SIGTERM") << false;
        QTest::newRow("SIGKILL") << true;
    }

    void portalStopped_whileMailQueued_deliveredExactlyOnceAfterRestart()
    {
        QFETCH(bool, kill);
        Setup s;
        QVERIFY2(reserveSmtpPort(s), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        const Queued first = sendTestMail(s, u"carol@example.org"_s);
        const Queued second = sendTestMail(s, u"dave@example.org"_s);
        QVERIFY(first.id > 0 && second.id > 0);
        const auto tried =
            waitForEntry(s, first.id, [](const QJsonObject &e) { return e.value(u"attempts"_s).toInt() >= 1; });
        QVERIFY(tried.value(u"attempts"_s).toInt() >= 1);

        if (kill)
            s.portal.kill();
        else
            s.portal.stop();
        QVERIFY(!s.portal.isRunning());
        QCOMPARE(s.smtp.messages().size(), 0);

        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        QVERIFY2(s.smtp.waitForMessages(2, 45000), "mail queued before the restart was lost");
        for (const auto &q : {first, second})
            waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"sent"_s; });
        QVERIFY(drainThenStop(s));
        QCOMPARE(countWithCode(s.smtp, first.checkCode), 1);
        QCOMPARE(countWithCode(s.smtp, second.checkCode), 1);
        QCOMPARE(s.smtp.messages().size(), 3); // the two and the marker
    }

    void maxAttempts_reached_deadLetteredVisibleToAdminsRetryable()
    {
        Setup s;
        QVERIFY2(reserveSmtpPort(s), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp, 2);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        const Queued q = sendTestMail(s, u"erin@example.org"_s);
        QVERIFY(q.id > 0);

        const auto dead = waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"dead"_s; });
        QCOMPARE(dead.value(u"state"_s).toString(), u"dead"_s);
        QCOMPARE(dead.value(u"attempts"_s).toInt(), 2);

        // The dead-letter list is for admins; paralegals are refused.
        const auto list = authed(s, "GET", u"/api/v1/mail/outbox?state=dead"_s, s.adminToken);
        QCOMPARE(list.status, 200);
        const auto messages = list.json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().toObject().value(u"id"_s).toInteger(), q.id);
        QVERIFY(!messages.first().toObject().value(u"last_error"_s).toString().isEmpty());
        QCOMPARE(authed(s, "GET", u"/api/v1/mail/outbox?state=queued"_s, s.adminToken)
                     .json()
                     .value(u"messages"_s)
                     .toArray()
                     .size(),
                 0);
        const QByteArray paralegal = signIn(s, ParalegalEmail, ParalegalPassword);
        QVERIFY(!paralegal.isEmpty());
        const auto refused = authed(s, "GET", u"/api/v1/mail/outbox?state=dead"_s, paralegal);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.json().value(u"code"_s).toString(), u"forbidden"_s);
        QCOMPARE(authed(s, "POST", u"/api/v1/mail/outbox/%1/retry"_s.arg(q.id), paralegal).status, 403);
        QCOMPARE(authed(s, "GET", u"/api/v1/mail/outbox?state=lost"_s, s.adminToken).status, 400);

        // Audited once, with no body or code in the entry.
        const auto audit = column(s.portal, u"SELECT details FROM audit_events WHERE type = 'mail.dead_lettered'"_s);
        QCOMPARE(audit.size(), 1);
        QVERIFY(!audit.first().toString().contains(q.checkCode));

        // Retry: dead → queued, then delivered once the server is up.
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        const auto retried = authed(s, "POST", u"/api/v1/mail/outbox/%1/retry"_s.arg(q.id), s.adminToken);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.json().value(u"state"_s).toString(), u"queued"_s);
        QCOMPARE(retried.json().value(u"attempts"_s).toInt(), 0);
        QVERIFY2(s.smtp.waitForMessages(1, 30000), "the retried message was not delivered");
        waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"sent"_s; });
        QCOMPARE(countWithCode(s.smtp, q.checkCode), 1);
        QCOMPARE(column(s.portal, u"SELECT count(*) FROM audit_events WHERE type = 'mail.retried'"_s), QVariantList{1});

        // Only dead mail can be retried; unknown ids are 404.
        const auto again = authed(s, "POST", u"/api/v1/mail/outbox/%1/retry"_s.arg(q.id), s.adminToken);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(u"code"_s).toString(), u"conflict"_s);
        QCOMPARE(authed(s, "POST", u"/api/v1/mail/outbox/999999/retry"_s, s.adminToken).status, 404);
        QCOMPARE(authed(s, "POST", u"/api/v1/mail/outbox/%1/retry"_s.arg(q.id), s.adminToken, "{\"x\":1}").status, 400);
    }

    void queued_databaseFile_holdsNoLinkOrCodeInClear()
    {
        Setup s;
        QVERIFY2(reserveSmtpPort(s), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        const Queued q = sendTestMail(s, u"frank@example.org"_s);
        QVERIFY(q.id > 0);
        waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"attempts"_s).toInt() >= 1; });

        // R1: while queued, the message (and with it the link) exists only encrypted.
        const QByteArray bytes = databaseBytes(s.portal);
        QVERIFY(bytes.size() > 0);
        QVERIFY(!bytes.contains(q.checkCode.toLatin1()));
        QVERIFY(!bytes.contains("portal/sign-in?check="));
        QVERIFY(!bytes.contains("test message from the portal"));
        const auto sealed = column(s.portal, u"SELECT sealed FROM mail_outbox WHERE id = %1"_s.arg(q.id));
        QCOMPARE(sealed.size(), 1);
        QVERIFY(sealed.first().toByteArray().size() > 500);
        QVERIFY(!s.portal.serverLog().contains(q.checkCode.toLatin1()));

        // And it still decrypts and arrives intact (GCM authenticated it).
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        QVERIFY(s.smtp.waitForMessages(1, 30000));
        QCOMPARE(countWithCode(s.smtp, q.checkCode), 1);
    }

    void tamperedCiphertext_neverSent_deadLettered()
    {
        Setup s;
        QVERIFY2(reserveSmtpPort(s), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        s.portal.stop();
        const Queued q = sendTestMail(s, u"gina@example.org"_s);
        QVERIFY(q.id > 0);
        // Flip one byte of the stored ciphertext, as someone with the file could.
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(s.portal.databasePath());
            QVERIFY(db.open());
            QSqlQuery q1(db);
            QVERIFY(q1.exec(u"UPDATE mail_outbox SET sealed = substr(sealed, 1, 40) || CASE WHEN substr(sealed, 41, 1) "
                            u"= X'00' THEN X'01' ELSE X'00' END || substr(sealed, 42)"_s));
            QCOMPARE(q1.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        const auto dead = waitForEntry(s, q.id, [](const QJsonObject &e) { return e.value(u"state"_s) == u"dead"_s; });
        QCOMPARE(dead.value(u"state"_s).toString(), u"dead"_s);
        QVERIFY(drainThenStop(s));
        QCOMPARE(s.smtp.messages().size(), 1); // only the marker: the dead letter stayed dead
    }

    void twoServersOnOneDatabase_eachMessageSentOnce()
    {
        // Two server processes share one database and its keys (the key file sits
        // beside the database by default); their senders race for the same rows.
        Setup s;
        QVERIFY2(s.smtp.start(), qPrintable(s.smtp.errorString()));
        configure(s.portal, s.smtp);
        s.portal.setConfig(u"mail/poll_interval_ms"_s, u"50"_s);
        QVERIFY2(startPortal(s), qPrintable(s.portal.errorString()));
        PortalProcess other;
        configure(other, s.smtp);
        other.setConfig(u"mail/poll_interval_ms"_s, u"50"_s);
        other.setConfig(u"database/path"_s, s.portal.databasePath());
        QVERIFY2(other.start(), qPrintable(other.errorString()));

        QList<Queued> queued;
        for (int i = 0; i < 6; ++i) {
            queued << sendTestMail(s, u"client%1@example.org"_s.arg(i));
            QVERIFY(queued.last().id > 0);
        }
        QVERIFY2(s.smtp.waitForMessages(6, 45000), "not every message was delivered");
        QVERIFY(drainThenStop(s, {&other}));
        QCOMPARE(s.smtp.messages().size(), 7); // the six and the marker
        for (const auto &q : queued)
            QCOMPARE(countWithCode(s.smtp, q.checkCode), 1);
    }

    void mailBudget_spent_enqueueRefused()
    {
        // B3: [ratelimit] mail_per_hour caps all outgoing mail, whatever queues it.
        PortalProcess portal;
        portal.setConfig(u"ratelimit/mail_per_hour"_s, u"2"_s);
        portal.writeConfig();
        for (int i = 0; i < 2; ++i) {
            const auto ok = PortalProcess::runCli(
                {u"send-test-mail"_s, u"--config"_s, portal.configPath(), u"--to"_s, u"a@example.org"_s});
            QCOMPARE(ok.exitCode, 0);
        }
        const auto refused = PortalProcess::runCli(
            {u"send-test-mail"_s, u"--config"_s, portal.configPath(), u"--to"_s, u"a@example.org"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("mail_per_hour"), refused.err.constData());
    }

    void mailBudget_spent_inviteAnswers429AndChangesNothing()
    {
        // A spent budget is a wait for the staff member, not a server fault: 429 with
        // Retry-After, and the invite leaves no token, status change or queued mail.
        PortalProcess portal;
        portal.setConfig(u"ratelimit/mail_per_hour"_s, u"1"_s);
        QVERIFY2(portal.createStaff(u"admin@example.org"_s, u"correct horse battery"_s),
                 qPrintable(portal.errorString()));
        const auto spent = PortalProcess::runCli(
            {u"send-test-mail"_s, u"--config"_s, portal.configPath(), u"--to"_s, u"a@example.org"_s});
        QCOMPARE(spent.exitCode, 0);
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        const auto session =
            httpRequest("POST", portal.baseUrl().resolved(QUrl(u"/api/v1/session"_s)),
                        json({{u"email"_s, u"admin@example.org"_s}, {u"password"_s, u"correct horse battery"_s}}));
        QCOMPARE(session.status, 201);
        const QByteArray bearer = "Bearer " + session.json().value(u"token"_s).toString().toLatin1();
        const auto created = httpRequest("POST", portal.baseUrl().resolved(QUrl(u"/api/v1/clients"_s)),
                                         json({{u"name"_s, u"Ada Client"_s},
                                               {u"email"_s, u"ada@example.org"_s},
                                               {u"matter"_s, u"Lovelace v. Babbage"_s}}),
                                         {{"Authorization", bearer}});
        QCOMPARE(created.status, 201);
        const QString clientPath = u"/api/v1/clients/%1"_s.arg(created.json().value(u"id"_s).toInteger());
        const auto invited = httpRequest("POST", portal.baseUrl().resolved(QUrl(clientPath + u"/invite"_s)), "{}",
                                         {{"Authorization", bearer}});
        QCOMPARE(invited.status, 429);
        QCOMPARE(invited.json().value(u"code"_s).toString(), u"rate_limited"_s);
        QVERIFY(invited.header("Retry-After").toInt() > 0);
        const auto after =
            httpRequest("GET", portal.baseUrl().resolved(QUrl(clientPath)), {}, {{"Authorization", bearer}});
        QCOMPARE(after.json().value(u"status"_s).toString(), u"draft"_s);
        portal.stop();
        QCOMPARE(column(portal, u"SELECT COUNT(*) FROM magic_tokens"_s).value(0).toInt(), 0);
        QCOMPARE(column(portal, u"SELECT COUNT(*) FROM mail_outbox"_s).value(0).toInt(), 1);
    }

    void folderTransport_writesParseableEml()
    {
        PortalProcess portal;
        portal.setConfig(u"mail/from_name"_s, FromName);
        portal.setConfig(u"mail/from_address"_s, FromAddress);
        portal.setConfig(u"firm/name"_s, FirmName);
        portal.setConfig(u"firm/colour"_s, u"#224466"_s);
        portal.setConfig(u"mail/poll_interval_ms"_s, u"200"_s);
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        const auto r = PortalProcess::runCli(
            {u"send-test-mail"_s, u"--config"_s, portal.configPath(), u"--to"_s, u"hal@example.org"_s});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression line(u"queued test mail (\\d+) to .*check code: ([A-Za-z0-9_-]{43})"_s);
        const auto m = line.match(QString::fromUtf8(r.out));
        QVERIFY(m.hasMatch());
        const QString file = QDir(portal.mailFolder()).filePath(m.captured(1) + u".eml"_s);
        QDeadlineTimer deadline(20000);
        while (!QFile::exists(file) && !deadline.hasExpired())
            QTest::qWait(100);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const ReceivedMail mail = ReceivedMail::parse(f.readAll());
        QCOMPARE(mail.header("subject"), FirmName + u": test message from the portal"_s);
        QCOMPARE(mail.header("to"), u"hal@example.org"_s);
        QVERIFY(mail.text.contains(m.captured(2)));
        QVERIFY(decodeEntities(mail.html).contains(m.captured(2)));
        QVERIFY(mail.html.contains(u"Hale &amp; Partners"_s));
        QCOMPARE(QDir(portal.mailFolder()).entryList(QDir::Files).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMail)
#include "tst_mail.moc"
