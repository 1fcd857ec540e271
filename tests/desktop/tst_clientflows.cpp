// SPDX-License-Identifier: Apache-2.0
// The client workflows end to end: the real dialogs and models of two app instances
// (two Sessions with their own caches) against the real gatehouse-portal over HTTP.
#include "common/crypto.h"
#include "common/errorcode.h"
#include "model/appsettings.h"
#include "model/auditstore.h"
#include "model/clientactions.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/networkprobe.h"
#include "support/portalprocess.h"
#include "ui/invitedialog.h"
#include "ui/mainwindow.h"
#include "ui/phonecodedialog.h"
#include "ui/revokedialog.h"
#include "ui/teamdialog.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kAdmin = QStringLiteral("ada@firm.example");
const QString kParalegal = QStringLiteral("paolo@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");
} // namespace

class TestClientFlows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kAdmin, kPassword, QStringLiteral("admin"), QStringLiteral("Ada Admin")));
        QVERIFY(m_portal.createStaff(kParalegal, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paolo")));
        const auto login =
            api("POST", QStringLiteral("/api/v1/session"),
                QJsonObject{{QStringLiteral("email"), kAdmin}, {QStringLiteral("password"), kPassword}}, false);
        QCOMPARE(login.status, 201);
        m_token = login.json().value(QStringLiteral("token")).toString().toUtf8();
        for (const auto &name : {QStringLiteral("Anna Bianchi"), QStringLiteral("Bruno Gialli"),
                                 QStringLiteral("Carla Neri"), QStringLiteral("Maria Rossi")})
            QVERIFY(createClient(name) > 0);

        m_a = signIn(QStringLiteral("a"), kAdmin);
        m_b = signIn(QStringLiteral("b"), kParalegal);
        QVERIFY(m_a && m_b);
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_settingsA.reset();
        m_settingsB.reset();
    }

    void toggle_requireSignInCheckbox_roundTripsToServer()
    {
        auto *model = m_a->clients();
        const int row = rowNamed(model, QStringLiteral("Anna Bianchi"));
        QVERIFY(row >= 0);
        const qint64 id = model->index(row, 0).data(ClientListModel::ClientIdRole).toLongLong();
        const auto lock = model->index(row, ClientListModel::RequireSignIn);
        QVERIFY(model->setData(lock, Qt::Checked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(serverClient(id).value(QStringLiteral("require_sign_in")).toBool(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_a->cache()->client(id)->requireSignIn, 5000);
        // And back off again.
        QVERIFY(model->setData(
            model->index(rowNamed(model, QStringLiteral("Anna Bianchi")), ClientListModel::RequireSignIn),
            Qt::Unchecked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(!serverClient(id).value(QStringLiteral("require_sign_in")).toBool(), 10000);
    }

    void toggle_serverRefuses_revertsRowWithMessage()
    {
        const qint64 id = createClient(QStringLiteral("Doomed Client"));
        QVERIFY(id > 0);
        m_a->sync()->syncNow();
        auto *model = m_a->clients();
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(model, QStringLiteral("Doomed Client")) >= 0, 10000);
        // A colleague deletes the client before our change reaches the server.
        QCOMPARE(api("DELETE", QStringLiteral("/api/v1/clients/%1").arg(id)).status, 204);
        QSignalSpy failed(m_a->actions(), &ClientActions::actionFailed);
        const int row = rowNamed(model, QStringLiteral("Doomed Client"));
        QVERIFY(model->setData(model->index(row, ClientListModel::RequireSignIn), Qt::Checked, Qt::CheckStateRole));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("Could not require sign-in")));
        QCOMPARE(model->index(row, ClientListModel::RequireSignIn).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                 Qt::Unchecked);
    }

    void inviteDialog_badInput_refusedBeforeSending_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("matter");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no name") << QString() << QStringLiteral("x@y.example") << QStringLiteral("M")
                                 << QStringLiteral("Enter the client's name");
        QTest::newRow("no email") << QStringLiteral("Zed") << QString() << QStringLiteral("M")
                                  << QStringLiteral("Enter the client's email");
        QTest::newRow("bad email") << QStringLiteral("Zed") << QStringLiteral("zed@nowhere") << QStringLiteral("M")
                                   << QStringLiteral("is not a valid email address");
        QTest::newRow("two ats") << QStringLiteral("Zed") << QStringLiteral("z@d@x.example") << QStringLiteral("M")
                                 << QStringLiteral("is not a valid email address");
        QTest::newRow("no matter") << QStringLiteral("Zed") << QStringLiteral("zed@x.example") << QString()
                                   << QStringLiteral("Enter the matter");
    }

    void inviteDialog_badInput_refusedBeforeSending()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, matter);
        QFETCH(QString, problem);
        const int before = serverClientCount();
        InviteDialog dialog(m_a.get(), std::nullopt);
        dialog.show();
        QTest::keyClicks(dialog.nameEdit(), name);
        QTest::keyClicks(dialog.emailEdit(), email);
        QTest::keyClicks(dialog.matterEdit(), matter);
        const int requests = liveReplies(m_a->client());
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QCOMPARE(liveReplies(m_a->client()), requests); // nothing was sent
        QVERIFY2(dialog.errorText().contains(problem), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.isShowingResult());
        QCOMPARE(serverClientCount(), before);
    }

    void inviteDialog_newClient_createsInvitesAndShowsLinkOnce()
    {
        InviteDialog dialog(m_a.get(), std::nullopt);
        dialog.show();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Elena Verdi"));
        QTest::keyClicks(dialog.emailEdit(), QStringLiteral("elena.verdi@client.example"));
        QTest::keyClicks(dialog.matterEdit(), QStringLiteral("Estate of G. Verdi"));
        // Rendered by the server from the real invite template once typing pauses.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.shownPreview().text.contains(QStringLiteral("Dear Elena Verdi")), 10000);
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isShowingResult() || !dialog.errorText().isEmpty(), 15000);
        QVERIFY2(dialog.isShowingResult(), qPrintable(dialog.errorText()));
        QVERIFY(dialog.shownLink().contains(QStringLiteral("/portal/")));
        const auto c = dialog.result();
        QVERIFY(c);
        QCOMPARE(serverClient(c->id).value(QStringLiteral("status")).toString(), QStringLiteral("invited"));
        m_link = dialog.shownLink();
        m_elena = c->id;
    }

    void revokeDialog_regenerateThenRevoke_serverAndOldLinkChange()
    {
        QVERIFY(m_elena > 0);
        const auto client = m_a->cache()->client(m_elena);
        QVERIFY(client);
        {
            RevokeDialog dialog(m_a.get(), *client, RevokeDialog::Action::Regenerate);
            dialog.show();
            QVERIFY(dialog.consequenceText().contains(QStringLiteral("The link Elena has will stop working")));
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            QVERIFY(dialog.errorText().contains(QStringLiteral("Enter a reason")));
            QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Client lost the email"));
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.newLink().isEmpty() || !dialog.errorText().isEmpty(), 15000);
            QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
            QVERIFY(dialog.newLink() != m_link);
            m_newLink = dialog.newLink();
        }
        // The first link no longer opens anything: pressing "Continue" on its page (the
        // form's POST with the page's CSRF field and cookie, as a browser would) is refused.
        const int status = continueStatus(m_link);
        QVERIFY2(status == 410 || status == 404, qPrintable(QString::number(status)));
        {
            RevokeDialog dialog(m_a.get(), *client, RevokeDialog::Action::Revoke);
            dialog.show();
            QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Matter closed"));
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(
                serverClient(m_elena).value(QStringLiteral("status")).toString() == QStringLiteral("revoked"), 15000);
            QTRY_VERIFY_WITH_TIMEOUT(dialog.consequenceText().startsWith(QStringLiteral("Done.")), 5000);
        }
        // Recorded with the reason in the audit log.
        const auto events = api("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(m_elena)).json();
        QVERIFY(QJsonDocument(events).toJson().contains("Matter closed"));
    }

    void conflict_twoInstancesEditOneClient_staleOneIsToldAndRefreshed()
    {
        m_b->sync()->syncNow();
        const int row = rowNamed(m_b->clients(), QStringLiteral("Carla Neri"));
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(m_b->clients(), QStringLiteral("Carla Neri")) >= 0, 10000);
        const auto seenByB = *m_b->clients()->clientAt(rowNamed(m_b->clients(), QStringLiteral("Carla Neri")));
        Q_UNUSED(row)
        std::optional<Result<ClientRecord>> a, b;
        m_a->actions()->update(seenByB.id, seenByB.version, {{QStringLiteral("matter"), QStringLiteral("From A")}},
                               [&](Result<ClientRecord> r) { a = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(a.has_value(), 10000);
        QVERIFY2(a->ok(), a->ok() ? "" : qPrintable(a->error().message));
        // B still holds the old version and edits: refused, explained, refreshed.
        m_b->actions()->update(seenByB.id, seenByB.version, {{QStringLiteral("matter"), QStringLiteral("From B")}},
                               [&](Result<ClientRecord> r) { b = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(b.has_value(), 10000);
        QVERIFY(!b->ok());
        QCOMPARE(b->error().code, QString(ErrorCode::PreconditionFailed));
        QVERIFY(b->error().message.contains(QStringLiteral("Someone else changed this client")));
        QTRY_COMPARE_WITH_TIMEOUT(m_b->cache()->client(seenByB.id)->matter, QStringLiteral("From A"), 10000);
        QCOMPARE(serverClient(seenByB.id).value(QStringLiteral("matter")).toString(), QStringLiteral("From A"));
    }

    void phoneCode_validationAndNoPendingCode_reportPlainly()
    {
        const auto client = m_a->cache()->client(rowId(QStringLiteral("Bruno Gialli")));
        QVERIFY(client);
        PhoneCodeDialog dialog(m_a.get(), *client);
        dialog.show();
        QTest::keyClicks(dialog.codeEdit(), QStringLiteral("12"));
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QVERIFY(dialog.resultText().contains(QStringLiteral("4 to 10 digits")));
        dialog.codeEdit()->clear();
        QTest::keyClicks(dialog.codeEdit(), QStringLiteral("123456"));
        QTest::mouseClick(dialog.checkButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.resultText().startsWith(QStringLiteral("Checking")), 10000);
        QVERIFY2(!dialog.confirmed(), qPrintable(dialog.resultText()));
        QVERIFY2(dialog.resultText().contains(QStringLiteral("no code waiting")) ||
                     dialog.resultText().contains(QStringLiteral("not right")),
                 qPrintable(dialog.resultText()));
    }

    void audit_syncedLog_verifiedAndFiltersMatchServerExactly()
    {
        m_a->sync()->syncNow();
        const auto head = api("GET", QStringLiteral("/api/v1/audit/head")).json();
        const qint64 headId = head.value(QStringLiteral("id")).toInteger();
        QVERIFY(headId > 0);
        AuditStore store(m_a->cache());
        QTRY_VERIFY_WITH_TIMEOUT(store.chainStatus().verifiedUpTo >= headId, 15000);
        QCOMPARE(store.chainStatus().failedAt, 0);

        const auto idsFromServer = [this](const QString &query) {
            QList<qint64> ids;
            const auto events = api("GET", QStringLiteral("/api/v1/audit?limit=500&") + query)
                                    .json()
                                    .value(QStringLiteral("events"))
                                    .toArray();
            for (const auto &e : events) {
                if (e.toObject().value(QStringLiteral("id")).toInteger() <= m_syncedHead)
                    ids << e.toObject().value(QStringLiteral("id")).toInteger();
            }
            return ids;
        };
        m_syncedHead = store.chainStatus().verifiedUpTo;
        const auto idsFromCache = [&](const AuditFilter &f) {
            QList<qint64> ids;
            const auto page = store.page(f, m_syncedHead + 1, 500);
            for (const auto &r : *page)
                ids << r.event.id;
            return ids;
        };
        AuditFilter byType;
        byType.type = QStringLiteral("client.invited");
        QCOMPARE(idsFromCache(byType), idsFromServer(QStringLiteral("type=client.invited")));
        AuditFilter byClient;
        byClient.clientId = m_elena;
        QCOMPARE(idsFromCache(byClient), idsFromServer(QStringLiteral("client_id=%1").arg(m_elena)));
        QVERIFY(!idsFromCache(byClient).isEmpty());
    }

    void teamDialog_adminAddsAndRerolesColleague_serverAgreesAndSelfDemotionRefused()
    {
        TeamDialog dialog(m_a.get());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.list()->topLevelItemCount() >= 2, 10000);
        dialog.addStaff(QStringLiteral("nina@firm.example"), QStringLiteral("Nina Neri"), StaffRole::Paralegal);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("was added")), 10000);
        QVERIFY(!dialog.shownPassword().isEmpty()); // generated, shown once
        const auto staff = api("GET", QStringLiteral("/api/v1/staff")).json().value(QStringLiteral("staff")).toArray();
        qint64 nina = 0, ada = 0;
        for (const auto &s : staff) {
            if (s.toObject().value(QStringLiteral("email")).toString() == u"nina@firm.example")
                nina = s.toObject().value(QStringLiteral("id")).toInteger();
            if (s.toObject().value(QStringLiteral("email")).toString() == kAdmin)
                ada = s.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(nina > 0 && ada > 0);
        dialog.setRole(nina, StaffRole::Partner);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("is now")), 10000);
        QCOMPARE(api("GET", QStringLiteral("/api/v1/staff")).body.contains("\"partner\""), true);
        dialog.setRole(ada, StaffRole::Paralegal);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().startsWith(QStringLiteral("The role was not changed")), 10000);
    }

    void offline_serverStops_bannerAndDisabledActions_thenRecovers()
    {
        MainWindow window(m_a.get());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.clientView()->model()->rowCount() > 0, 5000);
        window.clientView()->setCurrentIndex(window.clientView()->model()->index(0, 0));
        QVERIFY(window.action(QStringLiteral("invite"))->isEnabled());
        const quint16 port = m_portal.port();
        m_portal.stop();
        m_a->sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(window.offlineBanner()->isVisible(), 15000);
        QVERIFY(!window.action(QStringLiteral("invite"))->isEnabled());
        QVERIFY(window.action(QStringLiteral("invite"))->statusTip().contains(QStringLiteral("cannot be reached")));
        QCOMPARE(window.clientView()->model()->rowCount() > 0, true); // cached data stays readable

        m_portal.setConfig(QStringLiteral("server/port"), QString::number(port));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.offlineBanner()->isVisible(), 15000); // the sync timer reconnects
        QVERIFY(window.action(QStringLiteral("invite"))->isEnabled());
    }

private:
    HttpResponse api(const QByteArray &method, const QString &path, const QJsonObject &body = {}, bool auth = true)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (auth)
            headers.append({"Authorization", "Bearer " + m_token});
        return httpRequest(method, m_portal.baseUrl().resolved(QUrl(path)),
                           body.isEmpty() && method != "POST" ? QByteArray() : QJsonDocument(body).toJson(), headers);
    }

    int continueStatus(const QString &link)
    {
        const QUrl url = m_portal.baseUrl().resolved(QUrl(QUrl(link).path()));
        const auto page = httpRequest("GET", url);
        static const QRegularExpression field(QStringLiteral("name=\"csrf\"[^>]*value=\"([^\"]+)\""));
        const auto match = field.match(QString::fromUtf8(page.body));
        if (!match.hasMatch())
            return -1;
        QList<QPair<QByteArray, QByteArray>> headers{
            {"Content-Type", "application/x-www-form-urlencoded"},
            {"Origin", m_portal.baseUrl().toString(QUrl::RemovePath).toUtf8()}};
        if (const auto cookie = page.header("Set-Cookie"); !cookie.isEmpty())
            headers.append({"Cookie", cookie.split(';').first()});
        return httpRequest("POST", url, "csrf=" + QUrl::toPercentEncoding(match.captured(1)), headers).status;
    }

    qint64 createClient(const QString &name)
    {
        const QJsonObject body{
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), QString(name.toLower().replace(u' ', u'.') + u"@client.example")},
            {QStringLiteral("matter"), QString(QStringLiteral("Matter of ") + name)}};
        const auto r = api("POST", QStringLiteral("/api/v1/clients"), body);
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : -1;
    }

    QJsonObject serverClient(qint64 id)
    {
        auto json = api("GET", QStringLiteral("/api/v1/clients/%1").arg(id)).json();
        return json.value(QStringLiteral("client")).isObject() ? json.value(QStringLiteral("client")).toObject() : json;
    }

    int serverClientCount()
    {
        return int(api("GET", QStringLiteral("/api/v1/clients?limit=1000"))
                       .json()
                       .value(QStringLiteral("clients"))
                       .toArray()
                       .size());
    }

    static int rowNamed(ClientListModel *model, const QString &name)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ClientListModel::Name).data().toString() == name)
                return row;
        }
        return -1;
    }

    qint64 rowId(const QString &name)
    {
        const int row = rowNamed(m_a->clients(), name);
        return row < 0 ? 0 : m_a->clients()->index(row, 0).data(ClientListModel::ClientIdRole).toLongLong();
    }

    std::unique_ptr<Session> signIn(const QString &instance, const QString &email)
    {
        auto &settings = instance == u"a" ? m_settingsA : m_settingsB;
        settings = std::make_unique<AppSettings>(m_dir.filePath(instance + QStringLiteral(".ini")));
        settings->setCacheFilePath(m_dir.filePath(instance + QStringLiteral("-cache.sqlite")));
        settings->setSyncIntervalMs(1000);
        auto session = std::make_unique<Session>(settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        session->signIn(m_portal.baseUrl(), email, kPassword, [&](Result<void> r) { done = std::move(r); });
        QString syncError;
        connect(session->sync(), &SyncEngine::finished, this, [&syncError](const Result<void> &r) {
            if (!r)
                syncError = r.error().message;
        });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !done->ok()) {
            qWarning("sign-in of %s failed: %s", qPrintable(email),
                     done ? qPrintable(done->error().message) : "timeout");
            return nullptr;
        }
        if (!QTest::qWaitFor([&] { return session->sync()->lastSyncedAt().isValid(); }, 20000)) {
            qWarning("first sync of %s failed: %s", qPrintable(email), qPrintable(syncError));
            return nullptr;
        }
        disconnect(session->sync(), &SyncEngine::finished, this, nullptr);
        return session;
    }

    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    PortalProcess m_portal;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    QByteArray m_token;
    std::unique_ptr<AppSettings> m_settingsA, m_settingsB;
    std::unique_ptr<Session> m_a, m_b;
    QString m_link;
    QString m_newLink;
    qint64 m_elena = 0;
    qint64 m_syncedHead = 0;
};

QTEST_MAIN(TestClientFlows)
#include "tst_clientflows.moc"
