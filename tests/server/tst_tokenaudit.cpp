// SPDX-License-Identifier: Apache-2.0
// F14: every token issue, consumption and failed attempt is recorded with a UTC time,
// the source address and the user-agent. Each request here sends its own user-agent,
// and the audit entries must carry exactly that, 127.0.0.1, and a UTC time inside the
// test's own window.
#include "portalflow.h"

#include <QJsonArray>
#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("Secret-Admin-Password-4711");

} // namespace

class TestTokenAudit : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;

    // A form POST from a browser that calls itself `userAgent`.
    HttpResponse postAs(const QString &path, const QByteArray &fields, const QByteArray &userAgent) const
    {
        const auto [cookie, token] = m_flow->csrf();
        QByteArray body = "csrf=" + token;
        if (!fields.isEmpty())
            body += '&' + fields;
        return httpRequest(
            "POST", m_flow->url(path), body,
            {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}, {"User-Agent", userAgent}});
    }

    // The newest audit event of `type` (for `clientId`, 0: any) whose details match.
    QJsonObject event(const QString &type, qint64 clientId, const QString &detailKey, const QString &detailValue)
    {
        QString path = QStringLiteral("/api/v1/audit?limit=500&type=%1").arg(type);
        if (clientId > 0)
            path += QStringLiteral("&client_id=%1").arg(clientId);
        const auto r = m_flow->api("GET", path);
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray()) {
            const auto e = v.toObject();
            if (e.value(QStringLiteral("details")).toObject().value(detailKey).toString() == detailValue)
                return e;
        }
        return {};
    }

    static void verifyStamped(const QJsonObject &e, const QByteArray &userAgent, const QDateTime &from,
                              const QDateTime &to)
    {
        QVERIFY2(!e.isEmpty(), "no such audit event");
        const QString time = e.value(QStringLiteral("time")).toString();
        QVERIFY2(time.endsWith(u'Z'), qPrintable(time));
        const QDateTime at = QDateTime::fromString(time, Qt::ISODateWithMs);
        QVERIFY(at.isValid());
        QCOMPARE(at.offsetFromUtc(), 0);
        QVERIFY2(at >= from && at <= to, qPrintable(time));
        QCOMPARE(e.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(e.value(QStringLiteral("user_agent")).toString(), QString::fromLatin1(userAgent));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(AdminEmail, AdminPassword), qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(AdminEmail, AdminPassword));
    }

    void tokenEvents_stampedWithUtcTimeAddressAndUserAgent()
    {
        // Whole seconds either side: the wire time may be truncated to the second.
        const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-1);
        const qint64 id = m_flow->createClient(QStringLiteral("Fay Fourteen"), QStringLiteral("fay@client.example"));
        QVERIFY(id > 0);

        const QByteArray inviteAgent = "F14-Staff-App/1.0 (invite)";
        const auto invited =
            httpRequest("POST", m_flow->url(QStringLiteral("/api/v1/clients/%1/invite").arg(id)), {},
                        {{"Authorization", "Bearer " + m_flow->staffToken()}, {"User-Agent", inviteAgent}});
        QCOMPARE(invited.status, 201);
        const QString link = QUrl(invited.json().value(QStringLiteral("portal_url")).toString()).path();

        const QByteArray consumeAgent = "F14-Browser/2.0 (consume)";
        QCOMPARE(postAs(link, {}, consumeAgent).status, 303);

        const QByteArray failedAgent = "F14-Browser/3.0 (unknown link)";
        const QString unknown = QStringLiteral("/portal/") + QString(43, u'Q');
        QCOMPARE(postAs(unknown, {}, failedAgent).status, 404);

        const QByteArray signInAgent = "F14-Browser/4.0 (sign-in form)";
        QCOMPARE(postAs(QStringLiteral("/portal/sign-in"), "email=fay%40client.example", signInAgent).status, 200);
        const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(1);

        verifyStamped(event(QStringLiteral("token.issued"), id, QStringLiteral("purpose"), QStringLiteral("invite")),
                      inviteAgent, from, to);
        verifyStamped(event(QStringLiteral("token.consumed"), id, QStringLiteral("purpose"), QStringLiteral("invite")),
                      consumeAgent, from, to);
        verifyStamped(event(QStringLiteral("token.rejected"), 0, QStringLiteral("reason"), QStringLiteral("unknown")),
                      failedAgent, from, to);
        verifyStamped(event(QStringLiteral("token.issued"), id, QStringLiteral("purpose"), QStringLiteral("sign_in")),
                      signInAgent, from, to);
    }

    void cleanupTestCase() { QVERIFY(m_portal.stop()); }
};

QTEST_GUILESS_MAIN(TestTokenAudit)
#include "tst_tokenaudit.moc"
