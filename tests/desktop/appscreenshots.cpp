// SPDX-License-Identifier: Apache-2.0
// Not a test: the driver scripts/screenshots-app.sh runs under Xvfb. It signs in to
// a seeded real server, opens the real windows and dialogs, and saves each with
// QWidget::grab() to <out>/app-*.png, so the screenshots show the product as built.
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/clientactions.h"
#include "model/clientlistmodel.h"
#include "model/mailoutboxmodel.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "ui/auditviewer.h"
#include "ui/csvimportdialog.h"
#include "ui/invitedialog.h"
#include "ui/mailoutboxdialog.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/phonecodedialog.h"
#include "ui/revokedialog.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <cstdio>

using namespace Gatehouse;

namespace {

bool save(QWidget *w, const QString &dir, const QString &name)
{
    w->raise();
    QTest::qWait(400); // let layouts, fonts and late replies settle
    const bool ok = w->grab().save(QDir(dir).filePath(name));
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(name));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server URL"), QStringLiteral("URL"));
    const QCommandLineOption email(QStringLiteral("email"), QStringLiteral("Staff email"), QStringLiteral("EMAIL"));
    const QCommandLineOption password(QStringLiteral("password-file"), QStringLiteral("File with the password"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder"), QStringLiteral("DIR"));
    parser.addOptions({server, email, password, out});
    parser.process(app);
    QFile pw(parser.value(password));
    if (!pw.open(QIODevice::ReadOnly))
        return 2;
    const QString secret = QString::fromUtf8(pw.readAll()).trimmed();
    const QString dir = parser.value(out);
    QDir().mkpath(dir);

    CryptoRuntime crypto;
    if (!crypto.check())
        return 1;
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir home;
    QApplication::setStyle(createAppStyle()); // as the app does
    QApplication::setPalette(lightPalette());
    // The English catalogue, as the app loads it for an English locale (plural forms).
    QTranslator english;
    if (english.load(QStringLiteral("gatehouse_en"), QStringLiteral(GATEHOUSE_QM_DIR)))
        QApplication::installTranslator(&english);

    // The sign-in dialog as IT would configure it: the address fixed by policy.
    {
        const QString policyPath = home.filePath(QStringLiteral("policy.conf"));
        QSettings policy(policyPath, QSettings::IniFormat);
        policy.setValue(QStringLiteral("connection/server_url"), parser.value(server));
        policy.sync();
        PolicySources sources;
        sources.push_back(
            std::make_unique<QSettingsPolicySource>(QStringLiteral("/etc/xdg/Gatehouse/policy.conf"),
                                                    std::make_unique<QSettings>(policyPath, QSettings::IniFormat)));
        AppSettings managed(home.filePath(QStringLiteral("managed.ini")), std::move(sources));
        managed.setLastEmail(parser.value(email));
        SecretStore secrets(QStringLiteral("Gatehouse-screenshots"));
        Session session(&managed, &secrets);
        SignInDialog dialog(&session);
        dialog.show();
        save(&dialog, dir, QStringLiteral("app-signin.png"));
    }

    AppSettings settings(home.filePath(QStringLiteral("settings.ini")));
    settings.setCacheFilePath(home.filePath(QStringLiteral("cache.sqlite")));
    SecretStore secrets(QStringLiteral("Gatehouse-screenshots"));
    Session session(&settings, &secrets);
    bool signedIn = false;
    QString problem;
    session.signIn(QUrl(parser.value(server)), parser.value(email), secret, [&](Result<void> r) {
        signedIn = r.ok();
        if (!r)
            problem = r.error().message;
    });
    if (!QTest::qWaitFor([&] { return signedIn || !problem.isEmpty(); }, 20000) || !signedIn) {
        std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(problem));
        return 1;
    }
    (void)QTest::qWaitFor([&] { return session.sync()->lastSyncedAt().isValid(); }, 30000);

    // Some real history, so the list, detail pane and audit log show a working day:
    // invitations, a locked client, a revoked one.
    {
        auto *model = session.clients();
        int pending = 0;
        const auto wait = [&] { (void)QTest::qWaitFor([&] { return pending == 0; }, 15000); };
        for (int r = 0; r < qMin(8, model->rowCount()); ++r) {
            const auto c = *model->clientAt(r);
            ++pending;
            session.actions()->invite(c.id, [&](Result<IssuedLink>) { --pending; });
        }
        wait();
        if (model->rowCount() > 3) {
            model->setData(model->index(1, ClientListModel::RequireSignIn), Qt::Checked, Qt::CheckStateRole);
            ++pending;
            session.actions()->revoke(model->clientAt(3)->id, QStringLiteral("Matter closed"),
                                      [&](Result<ClientRecord>) { --pending; });
            wait();
        }
        session.sync()->syncNow();
        QTest::qWait(2000);
    }

    MainWindow window(&session);
    window.resize(1360, 780);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    auto *view = window.clientView();
    // Pick an active client with some history for the detail pane.
    int row = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, ClientListModel::Status).data().toString() == u"Active") {
            row = r;
            break;
        }
    }
    view->setCurrentIndex(view->model()->index(row, 0));
    QTest::qWait(1500);
    save(&window, dir, QStringLiteral("app-main.png"));

    {
        InviteDialog invite(&session, std::nullopt, &window);
        invite.show();
        QTest::keyClicks(invite.nameEdit(), QStringLiteral("Maria Rossi"));
        QTest::keyClicks(invite.emailEdit(), QStringLiteral("maria.rossi@example.com"));
        QTest::keyClicks(invite.matterEdit(), QStringLiteral("Estate of G. Rossi"));
        QTest::qWait(800);
        save(&invite, dir, QStringLiteral("app-invite.png"));
    }
    {
        // The import dialog with a file that has one bad row: the report a user sees
        // before anything is sent.
        CsvImportDialog import(&session, &window);
        import.resize(920, 520);
        import.show();
        (void)QTest::qWaitFor([&import] { return import.partnersLoaded(); }, 5000);
        import.loadBytes("Client name;Email;Matter;Partner\n"
                         "Lucia Ferri;lucia.ferri@example.com;\"Lease renewal, Via Roma 12\";\n"
                         "Marco Bassi;marco.bassi@example;Estate of P. Bassi;\n"
                         "Giulia Conti;giulia.conti@example.com;Purchase of Via Po 3;\n");
        QTest::qWait(300);
        save(&import, dir, QStringLiteral("app-csv-import.png"));
    }
    if (const auto client = window.currentClient()) {
        RevokeDialog revoke(&session, *client, RevokeDialog::Action::Revoke, &window);
        revoke.show();
        QTest::keyClicks(revoke.reasonEdit(), QStringLiteral("Matter closed; client asked us to remove access."));
        save(&revoke, dir, QStringLiteral("app-revoke.png"));
        PhoneCodeDialog code(&session, *client, &window);
        code.show();
        QTest::keyClicks(code.codeEdit(), QStringLiteral("482 913"));
        save(&code, dir, QStringLiteral("app-phone-code.png"));
    }
    {
        // The outbox as IT sees it while the mail relay is down (the script points SMTP at
        // a closed port): the invitations above wait for their next attempt, and a test
        // mail IT sent earlier is dead, selected, with Retry offered.
        MailOutboxDialog outbox(session.client(), &window);
        outbox.resize(1240, 520);
        outbox.show();
        auto *model = outbox.model();
        int dead = -1;
        const auto settled = [model, &dead] {
            if (model->isLoading() || model->rowCount() == 0)
                return false;
            dead = -1;
            for (int r = 0; r < model->rowCount(); ++r) {
                const QString state = model->index(r, 0).data(MailOutboxModel::StateRole).toString();
                if (state == u"dead" && dead < 0)
                    dead = r;
                else if (state != u"dead" && state != u"retrying")
                    return false; // not tried yet
            }
            return dead >= 0;
        };
        for (int i = 0; i < 40; ++i) {
            (void)QTest::qWaitFor([model] { return !model->isLoading(); }, 5000);
            if (settled())
                break;
            QTest::qWait(500);
            outbox.refresh();
        }
        outbox.view()->setCurrentIndex(model->index(qMax(dead, 0), 0));
        save(&outbox, dir, QStringLiteral("app-mail-outbox.png"));
    }
    window.openAuditLog();
    auto *audit = window.auditViewer();
    audit->resize(1360, 780);
    (void)QTest::qWaitForWindowExposed(audit);
    audit->view()->setCurrentIndex(audit->view()->model()->index(2, 0));
    save(audit, dir, QStringLiteral("app-audit.png"));
    audit->close();

    window.openAccessReport();
    if (auto *report = window.accessReport()) {
        report->resize(1360, 640);
        (void)QTest::qWaitForWindowExposed(report);
        report->view()->setCurrentIndex(report->model()->index(0, 0)); // grab() paints now
        save(report, dir, QStringLiteral("app-access-report.png"));
        report->close();
    }

    QApplication::setPalette(darkPalette());
    QTest::qWait(300);
    save(&window, dir, QStringLiteral("app-main-dark.png"));
    return 0;
}
