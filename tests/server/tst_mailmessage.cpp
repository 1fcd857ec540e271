// SPDX-License-Identifier: Apache-2.0
// The pieces of an outgoing message, without a server: every template renders branded
// and escaped, MIME framing survives hostile names and long lines, and sealed
// messages open only unchanged and with the right key (SPEC F1, F16, B10, R1).
#include "common/crypto.h"
#include "mail/mailcipher.h"
#include "mail/mailrenderer.h"
#include "mail/mimemessage.h"
#include "support/smtpserver.h"

#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Server;
using namespace Gatehouse::Test;
using namespace Qt::Literals::StringLiterals;

class TestMailMessage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CryptoRuntime> m_crypto;

    static QVariantMap fields()
    {
        return {{u"firm_name"_s, u"Hale & Partners"_s},
                {u"firm_colour"_s, u"#224466"_s},
                {u"from_name"_s, u"Hale & Partners"_s},
                {u"public_url"_s, u"https://portal.hale.example"_s},
                {u"sign_in_url"_s, u"https://portal.hale.example/portal/sign-in"_s},
                {u"client_name"_s, u"<script>alert(1)</script>"_s},
                {u"matter"_s, u"Estate of Ørsted"_s},
                {u"partner_name"_s, u"Pam Partner"_s},
                {u"portal_url"_s, u"https://portal.hale.example/portal/AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJKKK"_s},
                {u"expires_at"_s, QDateTime(QDate(2026, 11, 29), QTime(14, 5), Qt::UTC)},
                {u"code"_s, u"482913"_s},
                {u"device"_s, u"Firefox on Linux"_s},
                {u"address"_s, u"198.51.100.7"_s},
                {u"time"_s, u"28 November 2026, 09:00 UTC"_s}};
    }

private slots:
    void initTestCase()
    {
        m_crypto = std::make_unique<CryptoRuntime>();
        QVERIFY(m_crypto->check().ok());
    }

    void render_everyTemplate_brandedEscapedWithWayBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("carriesLink");
        QTest::newRow("invite") << u"invite"_s << true;
        QTest::newRow("sign_in") << u"sign_in"_s << true;
        QTest::newRow("verify_browser") << u"verify_browser"_s << true;
        QTest::newRow("new_sign_in") << u"new_sign_in"_s << false;
        QTest::newRow("phone_code") << u"phone_code"_s << false;
        QTest::newRow("test") << u"test"_s << true;
    }

    void render_everyTemplate_brandedEscapedWithWayBack()
    {
        QFETCH(QString, name);
        QFETCH(bool, carriesLink);
        auto r = MailRenderer::render(name, fields());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QVERIFY(!r->subject.isEmpty());
        QVERIFY(!r->subject.contains(u'\n'));
        QVERIFY2(r->subject.startsWith(u"Hale & Partners"_s), qPrintable(r->subject));
        // HTML: escaped client data, branding, no remote content of any kind.
        QVERIFY(!r->html.contains(u"<script>"_s));
        QVERIFY(r->html.contains(u"Hale &amp; Partners"_s));
        QVERIFY(r->html.contains(u"#224466"_s));
        QVERIFY(!r->html.contains(u"<img"_s, Qt::CaseInsensitive));
        QVERIFY(!r->html.contains(u"url("_s, Qt::CaseInsensitive));
        // Both parts tell the client how to reach the portal without the link.
        QVERIFY(r->html.contains(u"If you did not expect this email"_s));
        QVERIFY2(r->text.contains(u"portal.hale.example/portal/sign-in"_s), qPrintable(r->text));
        QVERIFY(!r->text.contains(u"{{"_s));
        QVERIFY(!r->text.contains(u"SPDX"_s) && !r->html.contains(u"SPDX"_s));
        const QString link = fields().value(u"portal_url"_s).toString();
        QCOMPARE(r->text.contains(link), carriesLink);
        if (name == u"invite" || name == u"sign_in" || name == u"verify_browser" || name == u"phone_code") {
            QVERIFY2(r->text.contains(u"Estate of Ørsted"_s), qPrintable(r->text));
            QVERIFY2(r->text.contains(u"29 November 2026, 14:05 UTC"_s), qPrintable(r->text));
        }
        if (name == u"invite")
            QVERIFY(r->text.contains(u"Pam Partner"_s));
        if (name == u"sign_in" || name == u"phone_code")
            QVERIFY(r->text.contains(u"482913"_s));
    }

    void render_unknownOrPathLikeName_refused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("unknown") << u"nope"_s;
        QTest::newRow("layout is not a message") << u"layout"_s;
        QTest::newRow("path") << u"../migrations/0001_initial"_s;
        QTest::newRow("empty") << QString();
    }

    void render_unknownOrPathLikeName_refused()
    {
        QFETCH(QString, name);
        QVERIFY(!MailRenderer::hasTemplate(name));
        QVERIFY(!MailRenderer::render(name, fields()).ok());
    }

    void build_hostileAndNonAsciiNames_headersStaySafeAndDecodable()
    {
        MimeMessage m;
        m.fromName = u"Zoë \"the\" Clerk"_s;
        m.fromAddress = u"portal@hale.example"_s;
        // A name trying to inject a Bcc header, and a very long non-ASCII one.
        m.toName = u"Eve\r\nBcc: everyone@example.org"_s;
        m.toAddress = u"eve@example.org"_s;
        m.subject = QString(40, QChar(0x00d8)) + u" — ünïcödé"_s;
        m.text = QString(300, u'x') + u"\nline with trailing space \nÆble"_s;
        m.html = u"<p>hi</p>"_s;
        m.date = QDateTime(QDate(2026, 11, 28), QTime(9, 5, 7), Qt::UTC);
        m.messageId = MimeMessage::newMessageId(m.fromAddress);
        const QByteArray raw = m.build();
        for (const QByteArray &line : raw.split('\n'))
            QVERIFY2(line.size() <= 78, line.constData()); // RFC 5322 recommended limit (with CR)
        const ReceivedMail parsed = ReceivedMail::parse(raw);
        QCOMPARE(parsed.headerCount("bcc"), 0);
        QCOMPARE(parsed.header("to"), u"\"Eve Bcc: everyone@example.org\" <eve@example.org>"_s);
        QCOMPARE(parsed.header("subject"), m.subject);
        QCOMPARE(parsed.header("from"), u"Zoë \"the\" Clerk <portal@hale.example>"_s);
        QCOMPARE(parsed.rawHeader("date"), QByteArray("Sat, 28 Nov 2026 09:05:07 +0000"));
        // Quoted-printable keeps the trailing space and the non-ASCII letters exactly.
        QString text = parsed.text;
        while (text.endsWith(u'\n') || text.endsWith(u'\r'))
            text.chop(1);
        QCOMPARE(text, m.text);
        QCOMPARE(parsed.html.trimmed(), m.html);

        // A long plain subject is folded, and unfolds to the same text.
        m.subject = QString(u"Your secure portal for the matter "_s + QString(60, u'x') + u" and more words here"_s);
        const ReceivedMail folded = ReceivedMail::parse(m.build());
        QCOMPARE(folded.header("subject"), m.subject);
        for (const QByteArray &line : m.build().split('\n'))
            QVERIFY2(line.size() <= 998, line.constData());
    }

    void seal_openRoundTrip_tamperOrWrongKeyFails()
    {
        const QByteArray key = Crypto::randomBytes(32);
        const QByteArray message = "Subject: x\r\n\r\nhttps://portal.example/portal/secret-token-value";
        auto sealed = MailCipher::seal(key, message);
        QVERIFY(sealed.ok());
        QVERIFY(!sealed->contains("secret-token-value"));
        QCOMPARE(sealed->size(), message.size() + 12 + 16);
        // A fresh IV each time: the same message never seals to the same bytes.
        QVERIFY(*MailCipher::seal(key, message) != *sealed);
        auto opened = MailCipher::open(key, *sealed);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, message);
        for (const qsizetype at : {qsizetype(0), qsizetype(20), sealed->size() - 1}) {
            QByteArray tampered = *sealed;
            tampered[at] = char(tampered.at(at) ^ 0x01);
            QVERIFY2(!MailCipher::open(key, tampered).ok(), qPrintable(QString::number(at)));
        }
        QVERIFY(!MailCipher::open(Crypto::randomBytes(32), *sealed).ok());
        QVERIFY(!MailCipher::open(key, sealed->left(20)).ok());
    }
};

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
