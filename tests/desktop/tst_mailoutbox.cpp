// SPDX-License-Identifier: Apache-2.0
// The mail outbox dialog (F16 for IT) end to end: the real gatehouse-portal sends over
// SMTP to a closed port on 127.0.0.1 with two attempts and a one-second backoff, so an
// invitation dies within seconds; the real dialog, opened from the real main window of
// a signed-in admin, shows it with its error and retries it. A real SMTP server
// (aiosmtpd) then comes up on that port and the retried mail arrives.
#include "common/crypto.h"
#include "model/accessreport.h"
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/localcache.h"
#include "model/mailoutboxmodel.h"
#include "model/portalclient.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"
#include "support/smtpserver.h"
#include "ui/mailoutboxdialog.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kAdmin = QStringLiteral("ivo.it@firm.example");
const QString kParalegal = QStringLiteral("paola@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");
const QString kMaria = QStringLiteral("maria.rossi@client.example");
const QString kLuca = QStringLiteral("luca.bruni@client.example");
} // namespace

class TestMailOutbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        // Take a free port for the SMTP server, then close it: until the test starts the
        // server again, every delivery attempt is refused.
        QVERIFY2(m_smtp.start(), qPrintable(m_smtp.errorString()));
        m_smtp.stop();
        m_portal.setConfig(QStringLiteral("mail/transport"), QStringLiteral("smtp"));
        m_portal.setConfig(QStringLiteral("mail/smtp_url"), m_smtp.url());
        m_portal.setConfig(QStringLiteral("mail/smtp_starttls"), QStringLiteral("off")); // aiosmtpd has no certificate
        m_portal.setConfig(QStringLiteral("mail/smtp_timeout_seconds"), QStringLiteral("5"));
        m_portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("200"));
        m_portal.setConfig(QStringLiteral("mail/backoff_base_seconds"), QStringLiteral("1"));
        m_portal.setConfig(QStringLiteral("mail/backoff_max_seconds"), QStringLiteral("1"));
        m_portal.setConfig(QStringLiteral("mail/max_attempts"), QStringLiteral("2"));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kAdmin, kPassword, QStringLiteral("admin"), QStringLiteral("Ivo IT")));
        QVERIFY(m_portal.createStaff(kParalegal, kPassword, QStringLiteral("paralegal"), QStringLiteral("Paola")));
        const auto login =
            api("POST", QStringLiteral("/api/v1/session"),
                QJsonObject{{QStringLiteral("email"), kAdmin}, {QStringLiteral("password"), kPassword}}, false);
        QCOMPARE(login.status, 201);
        m_token = login.json().value(QStringLiteral("token")).toString().toUtf8();

        // Two invitations over the API; both die against the closed port.
        for (const auto &[name, email] :
             {std::pair{QStringLiteral("Maria Rossi"), kMaria}, std::pair{QStringLiteral("Luca Bruni"), kLuca}}) {
            const auto created = api("POST", QStringLiteral("/api/v1/clients"),
                                     {{QStringLiteral("name"), name},
                                      {QStringLiteral("email"), email},
                                      {QStringLiteral("matter"), QStringLiteral("Lease of Via Roma 12")}});
            QCOMPARE(created.status, 201);
            const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
            QCOMPARE(api("POST", QStringLiteral("/api/v1/clients/%1/invite").arg(id), QJsonObject()).status, 201);
        }
        QVERIFY2(QTest::qWaitFor([this] { return serverMessages(QStringLiteral("dead")).size() == 2; }, 60000),
                 "the invitations did not die against the closed SMTP port within 60 s");

        m_admin = signIn(QStringLiteral("admin"), kAdmin);
        m_paralegal = signIn(QStringLiteral("paralegal"), kParalegal);
        QVERIFY(m_admin && m_paralegal);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_paralegal.reset();
        m_settings.clear();
    }

    void menu_paralegal_hasNoOutboxActionAndServerRefusesDirectOpen()
    {
        MainWindow window(m_paralegal.get());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *outbox = window.action(QStringLiteral("mail-outbox"));
        QVERIFY(outbox);
        QVERIFY(!outbox->isVisible());
        QVERIFY(!outbox->isEnabled());
        QVERIFY(!visibleMenuTexts(window).contains(QStringLiteral("Mail outbox…")));
        // The shortcut of a hidden action does nothing either.
        // Shortcuts are dispatched synchronously: had the action fired, the dialog would exist now.
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        QVERIFY(!window.findChild<MailOutboxDialog *>());

        // Even if someone built the dialog, the server refuses and the dialog says why.
        MailOutboxDialog dialog(m_paralegal->client());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.messageText().isEmpty(), 10000);
        QVERIFY2(dialog.messageText().contains(QStringLiteral("Only administrators")),
                 qPrintable(dialog.messageText()));
        QCOMPARE(dialog.model()->rowCount(), 0);
    }

    void menu_admin_actionVisibleWithShortcutAndOpensDialog()
    {
        MainWindow window(m_admin.get());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *outbox = window.action(QStringLiteral("mail-outbox"));
        QVERIFY(outbox);
        QVERIFY(outbox->isVisible());
        QVERIFY(outbox->isEnabled());
        QVERIFY(visibleMenuTexts(window).contains(QStringLiteral("Mail outbox…")));
        // The same keys that do nothing for a paralegal open it for an admin.
        QCOMPARE(outbox->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        QTest::keySequence(&window, outbox->shortcut());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<MailOutboxDialog *>(), 5000);
        auto *dialog = window.findChild<MailOutboxDialog *>();
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->accessibleName().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 2, 10000);
        dialog->close();
    }

    // The access report (D12) is gated the same way: partners and admins only.
    void menu_accessReport_hiddenForParalegalAndOpensTrailForAdmin()
    {
        {
            MainWindow window(m_paralegal.get());
            window.show();
            auto *report = window.action(QStringLiteral("access-report"));
            QVERIFY(report);
            QVERIFY(!report->isVisible());
            QVERIFY(!visibleMenuTexts(window).contains(QStringLiteral("Access report…")));
            window.openAccessReport(); // even called directly, nothing opens
            QVERIFY(!window.accessReport());
        }
        MainWindow window(m_admin.get());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *report = window.action(QStringLiteral("access-report"));
        QVERIFY(report->isVisible());
        QVERIFY(visibleMenuTexts(window).contains(QStringLiteral("Access report…")));
        QTest::keySequence(&window, report->shortcut());
        QTRY_VERIFY_WITH_TIMEOUT(window.accessReport() && window.accessReport()->isVisible(), 5000);
        auto *dialog = window.accessReport();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowCount() >= 2, 10000);
        // The firm's name for printed reports comes from the server (GET /api/v1/server;
        // this server has the default [firm] name) and stays in the cache for offline use.
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->cache()->firmName(), QStringLiteral("Gatehouse"), 10000);
        // A row's trail: the audit viewer, narrowed to that client by id.
        const int row = 0;
        const qint64 id = dialog->model()->index(row, 0).data(AccessReportModel::ClientIdRole).toLongLong();
        dialog->view()->setCurrentIndex(dialog->model()->index(row, AccessReportModel::Client));
        dialog->openTrail();
        QTRY_VERIFY_WITH_TIMEOUT(window.auditViewer() && window.auditViewer()->isVisible(), 5000);
        auto *viewer = window.auditViewer();
        QCOMPARE(viewer->clientFilter()->text(), dialog->model()->rowAt(row).name);
        QCOMPARE(m_admin->audit()->filter().clientId, id);
        dialog->close();
        viewer->close();
    }

    void dialog_deadInvitations_shownWithKindErrorAndAttempts()
    {
        MailOutboxDialog dialog(m_admin->client());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 2, 10000);
        auto *model = dialog.model();
        const int row = rowFor(model, kMaria);
        QVERIFY(row >= 0);
        QCOMPARE(cell(model, row, MailOutboxModel::Kind), QStringLiteral("Invitation"));
        QCOMPARE(cell(model, row, MailOutboxModel::State), QStringLiteral("Dead"));
        QCOMPARE(cell(model, row, MailOutboxModel::Attempts), QStringLiteral("2"));
        QVERIFY(!cell(model, row, MailOutboxModel::LastError).isEmpty());
        QVERIFY(cell(model, row, MailOutboxModel::NextAttempt).isEmpty()); // dead: nothing planned
        QVERIFY(cell(model, row, MailOutboxModel::Sent).isEmpty());
        // Relative to a fixed "now", so the wording is exact whatever the test's pace.
        const auto created = model->messageAt(row)->createdAt;
        model->setNow(created.addSecs(5 * 60 + 10));
        QCOMPARE(cell(model, row, MailOutboxModel::Created), QStringLiteral("5 minutes ago"));
        model->setNow({});
        QVERIFY(!model->index(row, MailOutboxModel::Created).data(Qt::ToolTipRole).toString().isEmpty());
        // The error the admins see is the one the server recorded.
        const auto server = serverMessage(model->index(row, 0).data(MailOutboxModel::MessageIdRole).toLongLong());
        QCOMPARE(model->index(row, MailOutboxModel::LastError).data(Qt::ToolTipRole).toString(),
                 server.value(QStringLiteral("last_error")).toString());

        // Nothing selected: nothing to retry. Selecting the dead row offers Retry and its error.
        QVERIFY(!dialog.retryButton()->isEnabled());
        dialog.view()->setCurrentIndex(model->index(row, 0));
        QVERIFY(dialog.retryButton()->isEnabled());
        QVERIFY2(dialog.detailText().contains(server.value(QStringLiteral("last_error")).toString()),
                 qPrintable(dialog.detailText()));
    }

    void dialog_stateFilter_showsExactlyThatState_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("rows");
        QTest::newRow("dead") << QStringLiteral("dead") << 2;
        QTest::newRow("queued") << QStringLiteral("queued") << 0;
        QTest::newRow("sent") << QStringLiteral("sent") << 0;
        QTest::newRow("all") << QString() << 2;
    }

    void dialog_stateFilter_showsExactlyThatState()
    {
        QFETCH(QString, state);
        QFETCH(int, rows);
        MailOutboxDialog dialog(m_admin->client());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.model()->isLoading(), 10000);
        const int index = dialog.stateFilter()->findData(state);
        QVERIFY(index >= 0);
        dialog.stateFilter()->setCurrentIndex(index);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.model()->isLoading(), 10000);
        QCOMPARE(dialog.model()->stateFilter(), state);
        QCOMPARE(dialog.model()->rowCount(), rows);
        for (int r = 0; r < dialog.model()->rowCount(); ++r) {
            if (!state.isEmpty())
                QCOMPARE(dialog.model()->index(r, 0).data(MailOutboxModel::StateRole).toString(), state);
        }
        if (rows == 0)
            QVERIFY(dialog.messageText().contains(QStringLiteral("No messages")));
    }

    void dialog_retryOfMessageNoLongerDead_explainsAndOffersRefresh()
    {
        MailOutboxDialog dialog(m_admin->client());
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 2, 10000);
        const int row = rowFor(dialog.model(), kLuca);
        const qint64 id = dialog.model()->index(row, 0).data(MailOutboxModel::MessageIdRole).toLongLong();
        dialog.view()->setCurrentIndex(dialog.model()->index(row, 0));
        QVERIFY(dialog.retryButton()->isEnabled());
        // A colleague retries it first, behind this dialog's back.
        QCOMPARE(api("POST", QStringLiteral("/api/v1/mail/outbox/%1/retry").arg(id), QJsonObject()).status, 200);
        QTest::mouseClick(dialog.retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("not queued again")), 10000);
        QVERIFY2(dialog.messageText().contains(QStringLiteral("refresh the list")), qPrintable(dialog.messageText()));
        // Let it die again, so the next test starts from two dead messages.
        QVERIFY(QTest::qWaitFor([this] { return serverMessages(QStringLiteral("dead")).size() == 2; }, 30000));
    }

    void dialog_retryDeadInvitation_backInQueueThenSentOnceSmtpWorks()
    {
        MailOutboxDialog dialog(m_admin->client());
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        dialog.setStateFilter(QStringLiteral("dead"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 2, 10000);
        const int row = rowFor(dialog.model(), kMaria);
        const qint64 id = dialog.model()->index(row, 0).data(MailOutboxModel::MessageIdRole).toLongLong();
        dialog.view()->setCurrentIndex(dialog.model()->index(row, 0));

        // The mail server is fixed, then IT presses Retry.
        QVERIFY2(m_smtp.start(), qPrintable(m_smtp.errorString()));
        QTest::mouseClick(dialog.retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("queued again with a fresh set")), 10000);
        QVERIFY(dialog.messageText().contains(kMaria));
        const int after = dialog.model()->rowOf(id);
        QVERIFY(after >= 0);
        const QString state = dialog.model()->index(after, 0).data(MailOutboxModel::StateRole).toString();
        QVERIFY2(state == u"queued" || state == u"retrying" || state == u"sending", qPrintable(state));
        QCOMPARE(cell(dialog.model(), after, MailOutboxModel::Attempts), QStringLiteral("0"));
        QVERIFY(!dialog.retryButton()->isEnabled()); // no longer dead
        QVERIFY(serverMessage(id).value(QStringLiteral("state")).toString() != u"dead");

        // Refresh until the sender delivered it; the dialog then shows it as sent.
        dialog.setStateFilter(QString());
        const auto isSent = [&] {
            const int r = dialog.model()->rowOf(id);
            return r >= 0 && dialog.model()->index(r, 0).data(MailOutboxModel::StateRole).toString() == u"sent";
        };
        QDeadlineTimer deadline(30000);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.model()->isLoading(), 10000);
        while (!isSent() && !deadline.hasExpired()) {
            QTest::qWait(300);
            QTest::mouseClick(dialog.refreshButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.model()->isLoading(), 10000);
        }
        const bool sent = isSent();
        QVERIFY2(sent, "the retried invitation was not shown as sent within 30 s");
        const int r = dialog.model()->rowOf(id);
        QCOMPARE(cell(dialog.model(), r, MailOutboxModel::State), QStringLiteral("Sent"));
        QVERIFY(!cell(dialog.model(), r, MailOutboxModel::Sent).isEmpty());
        QVERIFY(m_smtp.waitForMessages(1, 10000));
        bool toMaria = false;
        for (const auto &mail : m_smtp.messages())
            toMaria = toMaria || mail.header("to").contains(kMaria);
        QVERIFY(toMaria);
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

    QJsonArray serverMessages(const QString &state)
    {
        return api("GET", QStringLiteral("/api/v1/mail/outbox?state=") + state)
            .json()
            .value(QStringLiteral("messages"))
            .toArray();
    }

    QJsonObject serverMessage(qint64 id)
    {
        const auto all = api("GET", QStringLiteral("/api/v1/mail/outbox")).json().value(QStringLiteral("messages"));
        for (const auto &m : all.toArray()) {
            if (m.toObject().value(QStringLiteral("id")).toInteger() == id)
                return m.toObject();
        }
        return {};
    }

    static QString cell(const MailOutboxModel *model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }

    static int rowFor(const MailOutboxModel *model, const QString &recipient)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (cell(model, row, MailOutboxModel::Recipient) == recipient)
                return row;
        }
        return -1;
    }

    static QStringList visibleMenuTexts(const MainWindow &window)
    {
        QStringList texts;
        const auto menus = window.menuBar()->actions();
        for (const auto *menu : menus) {
            if (!menu->menu())
                continue;
            const auto items = menu->menu()->actions();
            for (const auto *item : items) {
                if (item->isVisible())
                    texts << item->text().remove(u'&');
            }
        }
        return texts;
    }

    std::unique_ptr<Session> signIn(const QString &instance, const QString &email)
    {
        auto settings = std::make_shared<AppSettings>(m_dir.filePath(instance + QStringLiteral(".ini")));
        settings->setCacheFilePath(m_dir.filePath(instance + QStringLiteral("-cache.sqlite")));
        m_settings << settings;
        auto session = std::make_unique<Session>(settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        session->signIn(m_portal.baseUrl(), email, kPassword, [&](Result<void> r) { done = std::move(r); });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !done->ok()) {
            qWarning("sign-in of %s failed: %s", qPrintable(email),
                     done ? qPrintable(done->error().message) : "timeout");
            return nullptr;
        }
        // Actions stay disabled until the first sync says the server is reachable.
        if (!QTest::qWaitFor([&] { return session->sync()->lastSyncedAt().isValid(); }, 20000)) {
            qWarning("first sync of %s did not finish", qPrintable(email));
            return nullptr;
        }
        return session;
    }

    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    SmtpServer m_smtp;
    PortalProcess m_portal;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    QByteArray m_token;
    QList<std::shared_ptr<AppSettings>> m_settings;
    std::unique_ptr<Session> m_admin, m_paralegal;
};

QTEST_MAIN(TestMailOutbox)
#include "tst_mailoutbox.moc"
