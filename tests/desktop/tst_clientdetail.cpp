// SPDX-License-Identifier: Apache-2.0
// The client's details and the access dialogs against the real gatehouse-portal: the
// client's side (consume, hub, phone code) over real HTTP as a browser would, the
// staff side through the app's own widgets, and mail read from the server's folder
// transport as the client's inbox.
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "server/portalflow.h"
#include "support/smtpserver.h"
#include "ui/clientdetailpane.h"
#include "ui/documentlinkdialog.h"
#include "ui/invitedialog.h"
#include "ui/phonecodedialog.h"
#include "ui/revokedialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString kParalegal = QStringLiteral("paolo@firm.example");
const QString kPartner = QStringLiteral("piera@firm.example");
const QString kPartnerName = QStringLiteral("Piera Partner");
const QString kPassword = QStringLiteral("correct horse battery staple");

QString codeOnPage(const QByteArray &body)
{
    static const QRegularExpression code(QStringLiteral("class=\"code-display\"[^>]*>(\\d{6})<"));
    return code.match(QString::fromUtf8(body)).captured(1);
}

QPushButton *buttonNamed(QWidget *parent, const QString &accessibleName)
{
    const auto buttons = parent->findChildren<QPushButton *>();
    for (auto *b : buttons) {
        if (b->accessibleName() == accessibleName)
            return b;
    }
    return nullptr;
}

QTreeWidgetItem *itemWithId(QTreeWidget *list, qint64 id)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id)
            return list->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestClientDetail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The English catalogue gives plural forms their words ("2 sessions ended.").
        QVERIFY(m_english.load(QStringLiteral("gatehouse_en"), QStringLiteral(GATEHOUSE_QM_DIR)));
        QCoreApplication::installTranslator(&m_english);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kParalegal, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paolo")));
        QVERIFY(m_portal.createStaff(kPartner, kPassword, QStringLiteral("partner"), kPartnerName));
        m_flow = std::make_unique<PortalFlow>(m_portal);
        QVERIFY(m_flow->signInStaff(kParalegal, kPassword));

        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("app.ini")));
        m_settings->setCacheFilePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
        m_settings->setSyncIntervalMs(500);
        m_session = std::make_unique<Session>(m_settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        m_session->signIn(m_portal.baseUrl(), kParalegal, kPassword, [&](Result<void> r) { done = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 20000);
        QVERIFY2(done->ok(), done->ok() ? "" : qPrintable(done->error().message));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->sync()->lastSyncedAt().isValid(), 20000);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_portal.stop();
    }

    // D7: the Sessions tab lists the client's open sessions; End session ends the
    // selected one only, End all ends the rest.
    void detailPane_endOneThenAll_serverAndPortalAgree()
    {
        const qint64 id = newClient(QStringLiteral("Sara Sessions"));
        const QByteArray one = signedIn(id);
        const QByteArray two = signedIn(id);
        const QByteArray three = signedIn(id);
        QVERIFY(!one.isEmpty() && !two.isEmpty() && !three.isEmpty());
        const auto ids = serverSessionIds(id);
        QCOMPARE(ids.size(), 3);

        ClientDetailPane pane(m_session.get());
        pane.show();
        pane.showClient(cachedClient(id));
        auto *list = pane.sessionList();
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 3, 10000);
        auto *first = itemWithId(list, ids.first());
        QVERIFY(first);
        list->setCurrentItem(first);
        QTest::mouseClick(buttonNamed(&pane, QStringLiteral("End session")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pane.statusText(), QStringLiteral("Session ended."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 2, 10000);
        QVERIFY(!itemWithId(list, ids.first()));
        QCOMPARE(serverSessionIds(id), ids.mid(1));
        QCOMPARE(m_flow->hub(one).status, 401);
        QCOMPARE(m_flow->hub(two).status, 200);

        QTest::mouseClick(buttonNamed(&pane, QStringLiteral("End all")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pane.statusText(), QStringLiteral("2 sessions ended."), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 0, 10000);
        QVERIFY(serverSessionIds(id).isEmpty());
        QCOMPARE(m_flow->hub(two).status, 401);
        QCOMPARE(m_flow->hub(three).status, 401);
    }

    // D8: the code the client's page shows, typed into "Confirm a client's code",
    // confirms it, and the client's page proceeds.
    void phoneCodeDialog_codeFromPortalPage_confirmsAndClientProceeds()
    {
        const qint64 id = newClient(QStringLiteral("Fabio Phone"));
        QCOMPARE(m_flow
                     ->api("PUT", QStringLiteral("/api/v1/clients/%1/phone-confirmation").arg(id),
                           {{QStringLiteral("enabled"), true}})
                     .status,
                 200);
        const QByteArray cookie = signedIn(id);
        const auto waiting = m_flow->hub(cookie);
        QCOMPARE(waiting.status, 200);
        const QString code = codeOnPage(waiting.body);
        QVERIFY2(!code.isEmpty(), waiting.body.left(2000).constData());

        PhoneCodeDialog dialog(m_session.get(), cachedClient(id));
        dialog.show();
        QTest::keyClicks(dialog.codeEdit(), code);
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.confirmed(), 10000);
        QCOMPARE(dialog.resultText(), QStringLiteral("✔ Confirmed. The client can now continue in the portal."));
        const auto hub = m_flow->hub(cookie);
        QCOMPARE(hub.status, 200);
        QVERIFY(hub.body.contains("Welcome, "));
        QVERIFY(codeOnPage(hub.body).isEmpty());
    }

    // D4: "End all sessions" in the revoke dialog signs the client out everywhere and
    // records the reason; the link and access stay.
    void revokeDialog_endAllSessions_endsEverySessionWithReason()
    {
        const qint64 id = newClient(QStringLiteral("Elio Ending"));
        const QByteArray one = signedIn(id);
        const QByteArray two = signedIn(id);
        QCOMPARE(serverSessionIds(id).size(), 2);
        RevokeDialog dialog(m_session.get(), cachedClient(id), RevokeDialog::Action::EndSessions);
        dialog.show();
        QCOMPARE(dialog.action(), RevokeDialog::Action::EndSessions);
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Client lost their laptop"));
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.consequenceText(), QStringLiteral("Done. 2 sessions ended."), 10000);
        QVERIFY(serverSessionIds(id).isEmpty());
        QCOMPARE(m_flow->hub(one).status, 401);
        QCOMPARE(m_flow->hub(two).status, 401);
        QCOMPARE(serverClient(id).value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        bool recorded = false;
        const auto events =
            m_flow->api("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(id)).json().value(u"events").toArray();
        for (const auto &v : events) {
            const auto e = v.toObject();
            recorded |= e.value(u"type").toString() == u"client.sessions_ended" &&
                        e.value(u"details").toObject().value(u"reason").toString() == u"Client lost their laptop" &&
                        e.value(u"details").toObject().value(u"ended").toInt() == 2 &&
                        e.value(u"actor_label").toString() == kParalegal;
        }
        QVERIFY(recorded);
    }

private:
    qint64 newClient(const QString &name)
    {
        const qint64 id =
            m_flow->createClient(name, name.toLower().replace(u' ', u'.') + QStringLiteral("@client.example"));
        if (id <= 0)
            return id;
        m_session->sync()->syncNow();
        if (!QTest::qWaitFor([&] { return m_session->cache()->client(id).has_value(); }, 10000))
            return 0;
        return id;
    }

    ClientRecord cachedClient(qint64 id) { return m_session->cache()->client(id).value_or(ClientRecord{}); }

    // Invite + Continue, as the client's browser does: the session cookie.
    QByteArray signedIn(qint64 id)
    {
        const auto r = m_flow->consume(m_flow->invite(id));
        return r.status == 303 ? PortalFlow::sessionCookie(r) : QByteArray();
    }

    QList<qint64> serverSessionIds(qint64 id)
    {
        QList<qint64> ids;
        const auto list = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1/sessions").arg(id))
                              .json()
                              .value(QStringLiteral("sessions"))
                              .toArray();
        for (const auto &s : list)
            ids << s.toObject().value(QStringLiteral("id")).toInteger();
        return ids;
    }

    QJsonObject serverClient(qint64 id)
    {
        const auto json = m_flow->api("GET", QStringLiteral("/api/v1/clients/%1").arg(id)).json();
        return json.value(QStringLiteral("client")).isObject() ? json.value(QStringLiteral("client")).toObject() : json;
    }

    QTranslator m_english;
    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    PortalProcess m_portal;
    std::unique_ptr<PortalFlow> m_flow;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestClientDetail)
#include "tst_clientdetail.moc"
