// SPDX-License-Identifier: Apache-2.0
// B7: the "new sign-in" notice goes out for a browser (device) the client has not used
// before, and only then: not for the first browser a client ever uses (the invite's
// first consume), not again for a browser already seen. A browser is named by its signed
// __Host-gh_device cookie.
#include "portalflow.h"
#include "portalmail.h"

#include <QTest>

using namespace Gatehouse::Test;

namespace {

const QString StaffEmail = QStringLiteral("para@firm.example");
const QString StaffPassword = QStringLiteral("paralegal password 1");

// "name=value" of the Set-Cookie line for `name`; Qt Network folds several lines into
// one header, one cookie per line.
QByteArray cookieSet(const HttpResponse &r, const QByteArray &name)
{
    for (const auto &[header, folded] : r.headers) {
        if (header.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const auto &value : folded.split('\n')) {
            if (value.startsWith(QByteArray(name + '=')))
                return value.left(value.indexOf(';'));
        }
    }
    return {};
}

} // namespace

class TestDeviceNotice : public QObject
{
    Q_OBJECT

private:
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;

    int notices(qint64 clientId) const
    {
        return PortalMail::outboxCount(m_portal.databasePath(), QStringLiteral("new_sign_in"), clientId);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_portal.createStaff(StaffEmail, StaffPassword, QStringLiteral("paralegal")),
                 qPrintable(m_portal.errorString()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(StaffEmail, StaffPassword));
    }

    void consume_sameBrowserTwice_noNotice_newBrowser_oneNotice()
    {
        const qint64 id = m_flow->createClient(QStringLiteral("Dev Client"), QStringLiteral("dev@client.example"));
        QVERIFY(id > 0);

        // Browser A: the invite's first consume is the client's first browser — no notice.
        const auto first = m_flow->consume(m_flow->invite(id));
        QCOMPARE(first.status, 303);
        const QByteArray deviceA = cookieSet(first, "__Host-gh_device");
        QVERIFY2(!deviceA.isEmpty(), "the consume did not name the browser");
        QVERIFY(first.header("Set-Cookie").contains("HttpOnly"));
        QCOMPARE(notices(id), 0);

        // Browser A again, with a new link: a browser the client has used — no notice,
        // and the browser keeps its name.
        const auto again = m_flow->consume(m_flow->invite(id), deviceA);
        QCOMPARE(again.status, 303);
        QVERIFY(cookieSet(again, "__Host-gh_device").isEmpty());
        QCOMPARE(notices(id), 0);

        // Browser B (a fresh context, no device cookie): a new browser — one notice.
        const auto other = m_flow->consume(m_flow->invite(id));
        QCOMPARE(other.status, 303);
        const QByteArray deviceB = cookieSet(other, "__Host-gh_device");
        QVERIFY(!deviceB.isEmpty());
        QVERIFY(deviceB != deviceA);
        QCOMPARE(notices(id), 1);

        // Browser B again: seen now — still one.
        QCOMPARE(m_flow->consume(m_flow->invite(id), deviceB).status, 303);
        QCOMPARE(notices(id), 1);
    }

    void deviceCookie_forged_treatedAsNewBrowser()
    {
        const qint64 id = m_flow->createClient(QStringLiteral("Forge Client"), QStringLiteral("forge@client.example"));
        QVERIFY(id > 0);
        const auto first = m_flow->consume(m_flow->invite(id));
        QCOMPARE(first.status, 303);
        QByteArray forged = cookieSet(first, "__Host-gh_device");
        forged.chop(2);
        forged += "AA"; // the HMAC no longer verifies
        const auto second = m_flow->consume(m_flow->invite(id), forged);
        QCOMPARE(second.status, 303);
        QVERIFY(!cookieSet(second, "__Host-gh_device").isEmpty());
        QCOMPARE(notices(id), 1);
    }

    void cleanupTestCase() { QVERIFY(m_portal.stop()); }
};

QTEST_GUILESS_MAIN(TestDeviceNotice)
#include "tst_devicenotice.moc"
