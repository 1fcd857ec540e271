// SPDX-License-Identifier: Apache-2.0
#pragma once
// Helpers for tst_mail: a portal process wired to a real aiosmtpd, staff sign-in,
// queueing test mail through the CLI, and reading the outbox and the database.
#include "common/apitypes.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"
#include "support/smtpserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace Gatehouse::Test::MailTestKit {

using namespace Qt::Literals::StringLiterals;

const QString AdminEmail = u"it@hale.example"_s;
const QString AdminPassword = u"admin password 1"_s;
const QString ParalegalEmail = u"para@hale.example"_s;
const QString ParalegalPassword = u"paralegal password 1"_s;
const QString FirmName = u"Hale & Partners"_s;
const QString FromName = u"Zoë at Hale"_s; // non-ASCII: the From header needs RFC 2047
const QString FromAddress = u"portal@hale.example"_s;

struct Queued
{
    qint64 id = 0;
    QString checkCode;
};

// libmstch escapes more than it must ('/' as &#x2F;, '=' as &#x3D;); browsers and
// mail clients decode these in text and attributes alike, so compare decoded HTML.
inline QString decodeEntities(QString html)
{
    static const QList<QPair<QString, QString>> entities{
        {u"&#x2F;"_s, u"/"_s}, {u"&#x3D;"_s, u"="_s}, {u"&#x60;"_s, u"`"_s},
        {u"&#x27;"_s, u"'"_s}, {u"&#39;"_s, u"'"_s},  {u"&quot;"_s, u"\""_s},
        {u"&lt;"_s, u"<"_s},   {u"&gt;"_s, u">"_s},   {u"&amp;"_s, u"&"_s}};
    for (const auto &[entity, plain] : entities)
        html.replace(entity, plain);
    return html;
}

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Everything one scenario needs; a fresh portal and SMTP server per test.
struct Setup
{
    PortalProcess portal;
    SmtpServer smtp;
    QByteArray adminToken;
};

inline void configure(PortalProcess &portal, const SmtpServer &smtp, int maxAttempts = 10)
{
    portal.setConfig(u"mail/transport"_s, u"smtp"_s);
    portal.setConfig(u"mail/smtp_url"_s, smtp.url());
    portal.setConfig(u"mail/smtp_starttls"_s, u"off"_s); // aiosmtpd here has no certificate
    portal.setConfig(u"mail/smtp_timeout_seconds"_s, u"5"_s);
    portal.setConfig(u"mail/poll_interval_ms"_s, u"200"_s);
    portal.setConfig(u"mail/backoff_base_seconds"_s, u"1"_s);
    portal.setConfig(u"mail/backoff_max_seconds"_s, u"2"_s);
    portal.setConfig(u"mail/max_attempts"_s, QString::number(maxAttempts));
    portal.setConfig(u"mail/from_name"_s, FromName);
    portal.setConfig(u"mail/from_address"_s, FromAddress);
    portal.setConfig(u"firm/name"_s, FirmName);
    portal.setConfig(u"firm/colour"_s, u"#224466"_s);
}

// Reserves the SMTP port (start + stop) so the portal can be configured with it
// while no server listens there.
inline bool reserveSmtpPort(Setup &s)
{
    if (!s.smtp.start())
        return false;
    s.smtp.stop();
    return true;
}

inline QByteArray signIn(Setup &s, const QString &email, const QString &password)
{
    const auto r = httpRequest("POST", s.portal.baseUrl().resolved(QUrl(u"/api/v1/session"_s)),
                               json({{u"email"_s, email}, {u"password"_s, password}}));
    return r.status == 201 ? r.json().value(u"token"_s).toString().toLatin1() : QByteArray();
}

inline bool startPortal(Setup &s)
{
    if (!s.portal.start())
        return false;
    if (s.adminToken.isEmpty()) {
        if (!s.portal.createStaff(AdminEmail, AdminPassword, u"admin"_s) ||
            !s.portal.createStaff(ParalegalEmail, ParalegalPassword, u"paralegal"_s))
            return false;
    }
    s.adminToken = signIn(s, AdminEmail, AdminPassword);
    return !s.adminToken.isEmpty();
}

inline HttpResponse authed(Setup &s, const QByteArray &method, const QString &path, const QByteArray &token,
                           const QByteArray &body = {})
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token}};
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return httpRequest(method, s.portal.baseUrl().resolved(QUrl(path)), body, headers);
}

inline Queued sendTestMail(Setup &s, const QString &to)
{
    const auto r = PortalProcess::runCli({u"send-test-mail"_s, u"--config"_s, s.portal.configPath(), u"--to"_s, to});
    const QString out = QString::fromUtf8(r.out);
    static const QRegularExpression line(u"queued test mail (\\d+) to .*check code: ([A-Za-z0-9_-]{43})"_s);
    const auto m = line.match(out);
    if (r.exitCode != 0 || !m.hasMatch()) {
        qWarning("send-test-mail failed (%d): %s %s", r.exitCode, r.out.constData(), r.err.constData());
        return {};
    }
    return Queued{m.captured(1).toLongLong(), m.captured(2)};
}

inline QJsonObject outboxEntry(Setup &s, qint64 id)
{
    const auto r = authed(s, "GET", u"/api/v1/mail/outbox"_s, s.adminToken);
    for (const auto &v : r.json().value(u"messages"_s).toArray()) {
        if (v.toObject().value(u"id"_s).toInteger() == id)
            return v.toObject();
    }
    return {};
}

// Polls the admin outbox (bounded) until message `id` satisfies `done`.
template<typename Pred> QJsonObject waitForEntry(Setup &s, qint64 id, Pred done, int timeoutMs = 30000)
{
    QDeadlineTimer deadline(timeoutMs);
    QJsonObject entry;
    while (!deadline.hasExpired()) {
        entry = outboxEntry(s, id);
        if (!entry.isEmpty() && done(entry))
            return entry;
        QTest::qWait(150);
    }
    return entry;
}

// "Nothing else arrives later", proved rather than waited for: a marker message queued
// now is delivered only after the sender has taken at least one more turn over the
// outbox, and once the servers have stopped nothing more can be on its way. Returns
// false when the marker did not arrive.
inline bool drainThenStop(Setup &s, const QList<PortalProcess *> &alsoRunning = {})
{
    const int before = int(s.smtp.messages().size());
    const Queued marker = sendTestMail(s, u"marker@example.org"_s);
    if (marker.id <= 0 || !s.smtp.waitForMessages(before + 1, 30000))
        return false;
    s.portal.stop();
    for (auto *other : alsoRunning)
        other->stop();
    return true;
}

inline int countWithCode(const SmtpServer &smtp, const QString &code)
{
    int n = 0;
    for (const auto &m : smtp.messages())
        n += m.text.contains(code) ? 1 : 0;
    return n;
}

inline QByteArray databaseBytes(const PortalProcess &portal)
{
    QByteArray all;
    for (const auto &suffix : {u""_s, u"-wal"_s}) {
        QFile f(portal.databasePath() + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

// Reads the database directly (a second reader next to the server; WAL allows it).
inline QVariantList column(const PortalProcess &portal, const QString &sql)
{
    QVariantList out;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst_mail_reader"_s);
        db.setDatabaseName(portal.databasePath());
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next())
                    out << q.value(0);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"tst_mail_reader"_s);
    return out;
}

inline void checkHeaders(const ReceivedMail &mail, const QString &to)
{
    for (const QByteArray name : {"date", "message-id", "from", "to", "subject", "mime-version"})
        QVERIFY2(mail.headerCount(name) == 1, name.constData());
    QCOMPARE(mail.header("from"), QString(FromName + u" <"_s + FromAddress + u'>'));
    QVERIFY2(mail.rawHeader("from").contains("=?UTF-8?B?"), mail.rawHeader("from").constData());
    QVERIFY2(mail.header("to").contains(u'<' + to + u'>') || mail.header("to") == to, qPrintable(mail.header("to")));
    QCOMPARE(mail.rawHeader("x-rcptto"), to.toLatin1()); // the SMTP envelope, added by aiosmtpd
    QCOMPARE(mail.rawHeader("x-mailfrom"), FromAddress.toLatin1());
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(mail.rawHeader("date")), Qt::RFC2822Date);
    QVERIFY2(date.isValid(), mail.rawHeader("date").constData());
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    static const QRegularExpression messageId(u"^<[0-9a-f]{32}@hale\\.example>$"_s);
    QVERIFY2(messageId.match(QString::fromLatin1(mail.rawHeader("message-id"))).hasMatch(),
             mail.rawHeader("message-id").constData());
    QVERIFY2(mail.contentType.startsWith("multipart/alternative"), mail.contentType.constData());
    QCOMPARE(mail.textTransferEncoding, QByteArray("quoted-printable"));
    // Every line of the wire form fits SMTP's limit (RFC 5322 §2.1.1).
    for (const QByteArray &line : mail.raw.split('\n'))
        QVERIFY2(line.size() <= 998, line.left(80).constData());
    // Branded, escaped, and nothing that phones home.
    QVERIFY(mail.html.contains(u"Hale &amp; Partners"_s));
    QVERIFY(!mail.html.contains(u"<img"_s, Qt::CaseInsensitive));
    QVERIFY(!mail.html.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(mail.html.contains(u"#224466"_s));
    QVERIFY(mail.text.contains(u"/portal/sign-in"_s));
    QVERIFY(decodeEntities(mail.html).contains(u"/portal/sign-in"_s));
}

} // namespace Gatehouse::Test::MailTestKit
