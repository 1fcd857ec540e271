// SPDX-License-Identifier: Apache-2.0
// R1 in the operational log: a live link reaches the server in the shapes mail clients
// and linkifiers produce (trailing punctuation, a ";param", a percent-encoded first
// character, ...). Whatever the shape, neither the token nor an encoded form of it may
// appear anywhere in the server's whole output.
#include "portalflow.h"

#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("Secret-Admin-Password-4711");

// Every character percent-encoded, as a paranoid linkifier might send it.
QByteArray fullyEncoded(const QByteArray &token)
{
    QByteArray out;
    for (const char c : token)
        out += '%' + QByteArray(1, c).toHex().toUpper();
    return out;
}

} // namespace

class TestLogRedaction : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;

    // A fresh live invite token (the 43 characters after /portal/).
    QByteArray liveToken(const QString &name)
    {
        const qint64 id = m_flow->createClient(name, name.toLower().remove(u' ') + QStringLiteral("@client.example"));
        if (id <= 0)
            return {};
        return m_flow->invite(id).section(u'/', -1).toLatin1();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(AdminEmail, AdminPassword), qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(AdminEmail, AdminPassword));
    }

    void requestedShape_tokenNeverInServerLog_data()
    {
        // %1 is the token; each row is the request target as the server receives it.
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("trailing paren") << QByteArray("/portal/%1)");
        QTest::newRow("trailing dot") << QByteArray("/portal/%1.");
        QTest::newRow("trailing angle") << QByteArray("/portal/%1>");
        QTest::newRow("trailing encoded angle") << QByteArray("/portal/%1%3E");
        QTest::newRow("trailing encoded space") << QByteArray("/portal/%1%20");
        QTest::newRow("semicolon param") << QByteArray("/portal/%1;jsessionid=x");
        QTest::newRow("encoded first char") << QByteArray("/portal/%F");
        QTest::newRow("fully encoded") << QByteArray("/portal/%E");
        QTest::newRow("resend with trailing dot") << QByteArray("/portal/%1./resend");
        QTest::newRow("document link trailing paren") << QByteArray("/d/%1)");
        QTest::newRow("end-session ref and mac") << QByteArray("/portal/end-session/%1/%1");
        QTest::newRow("query after trailing comma") << QByteArray("/portal/%1,?utm=x");
    }

    void requestedShape_tokenNeverInServerLog()
    {
        QFETCH(QByteArray, target);
        const QByteArray token =
            liveToken(QStringLiteral("Lou %1").arg(QString::fromLatin1(QTest::currentDataTag())).remove(u' '));
        QCOMPARE(token.size(), 43);
        QByteArray path = target;
        path.replace("%1", token);
        // %F: the first character percent-encoded; %E: every character.
        path.replace("%F", QByteArray('%' + token.left(1).toHex().toUpper() + token.mid(1)));
        path.replace("%E", fullyEncoded(token));
        const QByteArray logBefore = m_portal.serverLog();
        // Raw bytes: an HTTP library would normalise the very shapes under test.
        const QByteArray answer =
            rawExchange(m_portal.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 8000);
        QVERIFY2(answer.startsWith("HTTP/1.1 "), answer.left(200).constData());
        // The request line is logged once the answer is written; wait for it, not a time.
        QTRY_VERIFY(m_portal.serverLog().size() > logBefore.size() &&
                    m_portal.serverLog().mid(logBefore.size()).contains("\"event\":\"request\""));

        const QByteArray log = m_portal.serverLog();
        QVERIFY2(!log.contains(token), "the raw token is in the server log");
        QVERIFY2(!log.contains(token.mid(1)), "the token (after an encoded first character) is in the server log");
        QVERIFY2(!log.contains(fullyEncoded(token)), "the percent-encoded token is in the server log");
    }

    void cleanupTestCase()
    {
        // The whole output, shutdown included, must be clean as well.
        QVERIFY(m_portal.stop());
    }
};

QTEST_GUILESS_MAIN(TestLogRedaction)
#include "tst_logredaction.moc"
