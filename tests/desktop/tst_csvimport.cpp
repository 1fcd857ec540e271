// SPDX-License-Identifier: Apache-2.0
// Bulk client import and bulk invite (D3): the CSV parser and the validation report as
// tables, then the real dialog, runner and inviter against the real gatehouse-portal.
#include "common/crypto.h"
#include "common/errorcode.h"
#include "model/appsettings.h"
#include "model/bulkinviter.h"
#include "model/clientimport.h"
#include "model/csvparser.h"
#include "model/portalclient.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/networkprobe.h"
#include "support/portalprocess.h"
#include "ui/bulkinvitedialog.h"
#include "ui/csvimportdialog.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

using Rows = QList<QStringList>;
Q_DECLARE_METATYPE(Rows)

namespace {
const QString kAdmin = QStringLiteral("ada@firm.example");
const QString kPartner = QStringLiteral("pia@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");

QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

QStringList names(const QList<ImportRow> &rows)
{
    QStringList out;
    for (const auto &r : rows)
        out << r.client.name;
    return out;
}
} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY(m_dir.isValid());
        // One invitation per client per window, so a second one is rate-limited.
        m_portal.setConfig(QStringLiteral("ratelimit/invite_per_client"), QStringLiteral("1"));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kAdmin, kPassword, QStringLiteral("admin"), QStringLiteral("Ada Admin")));
        QVERIFY(m_portal.createStaff(kPartner, kPassword, QStringLiteral("partner"), QStringLiteral("Pia Partner")));
        const auto login =
            api("POST", QStringLiteral("/api/v1/session"),
                QJsonObject{{QStringLiteral("email"), kAdmin}, {QStringLiteral("password"), kPassword}}, false);
        QCOMPARE(login.status, 201);
        m_token = login.json().value(QStringLiteral("token")).toString().toUtf8();
        m_session = signIn();
        QVERIFY(m_session);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_settings.reset();
    }

    // Runs first, while the firm has no clients yet: the list area says how to start.
    void mainWindow_noClientsYet_showsFirstSteps()
    {
        MainWindow window(m_session.get());
        window.show();
        auto *empty = window.findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), 10000);
        QVERIFY(!window.clientView()->isVisible());
        auto *text = empty->findChild<QLabel *>();
        QCOMPARE(text->text(), QStringLiteral("No clients yet — invite your first client, or import a list from CSV."));
        auto *invite = empty->findChild<QPushButton *>(QStringLiteral("emptyInvite"));
        auto *import = empty->findChild<QPushButton *>(QStringLiteral("emptyImport"));
        auto *clear = empty->findChild<QPushButton *>(QStringLiteral("emptyClearFilter"));
        QVERIFY(invite->isVisible() && invite->isEnabled());
        QVERIFY(import->isVisible() && import->isEnabled());
        QVERIFY(!clear->isVisible());
    }

    void parse_input_givesRows_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<Rows>("rows");
        QTest::newRow("plain") << QByteArray("a,b\nc,d\n") << QStringLiteral(",")
                               << Rows{sl({"a", "b"}), sl({"c", "d"})};
        QTest::newRow("crlf, no final newline")
            << QByteArray("a,b\r\nc,d") << QStringLiteral(",") << Rows{sl({"a", "b"}), sl({"c", "d"})};
        QTest::newRow("quoted comma") << QByteArray("\"Rossi, Maria\",m@x.example\n") << QStringLiteral(",")
                                      << Rows{sl({"Rossi, Maria", "m@x.example"})};
        QTest::newRow("escaped quote") << QByteArray("\"say \"\"hi\"\"\",x\n") << QStringLiteral(",")
                                       << Rows{sl({"say \"hi\"", "x"})};
        QTest::newRow("newline in quotes") << QByteArray("\"line1\r\nline2\",x\ny,z\n") << QStringLiteral(",")
                                           << Rows{sl({"line1\r\nline2", "x"}), sl({"y", "z"})};
        QTest::newRow("utf8 bom") << QByteArray("\xEF\xBB\xBFname,email\nNicolò,n@x.example\n") << QStringLiteral(",")
                                  << Rows{sl({"name", "email"}), sl({"Nicolò", "n@x.example"})};
        QTest::newRow("semicolon") << QByteArray("name;email;matter\nA, B;a@x.example;M\n") << QStringLiteral(";")
                                   << Rows{sl({"name", "email", "matter"}), sl({"A, B", "a@x.example", "M"})};
        QTest::newRow("semicolon in quoted header stays comma")
            << QByteArray("\"a;b;c\",d\n") << QStringLiteral(",") << Rows{sl({"a;b;c", "d"})};
        QTest::newRow("empty fields") << QByteArray(",,\n") << QStringLiteral(",") << Rows{};
        QTest::newRow("empty quoted field kept")
            << QByteArray("\"\",x\n") << QStringLiteral(",") << Rows{sl({"", "x"})};
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\n\nb\n") << QStringLiteral(",") << Rows{sl({"a"}), sl({"b"})};
        QTest::newRow("trailing separator") << QByteArray("a,b,\n") << QStringLiteral(",") << Rows{sl({"a", "b", ""})};
    }

    void parse_input_givesRows()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, separator);
        QFETCH(Rows, rows);
        const auto table = CsvParser::parse(input);
        QVERIFY2(table.ok(), table.ok() ? "" : qPrintable(table.error().message));
        QCOMPARE(QString(table->separator), separator);
        QCOMPARE(table->rows, rows);
        QCOMPARE(table->lines.size(), table->rows.size());
    }

    void parse_lines_pointAtFileLines()
    {
        const auto table = CsvParser::parse("h\n\"a\nb\"\n\nc\n");
        QVERIFY(table.ok());
        QCOMPARE(table->lines, (QList<int>{1, 2, 5}));
    }

    void parse_broken_isRefusedWithLine_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed quote") << QByteArray("a,b\nc,\"d\ne\n") << QStringLiteral("Line 2");
        QTest::newRow("latin-1") << QByteArray("Nicol\xF2,n@x.example\n") << QStringLiteral("UTF-8");
    }

    void parse_broken_isRefusedWithLine()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const auto table = CsvParser::parse(input);
        QVERIFY(!table.ok());
        QVERIFY2(table.error().message.contains(message), qPrintable(table.error().message));
    }

    void guessMapping_header_findsColumns_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QList<int>>("expected"); // name, email, matter, partner, hasHeader
        QTest::newRow("plain") << sl({"Name", "Email", "Matter", "Partner"}) << QList<int>{0, 1, 2, 3, 1};
        QTest::newRow("reordered, decorated")
            << sl({"E-mail address", "Matter / case", "Client name", "Responsible partner"})
            << QList<int>{2, 0, 1, 3, 1};
        QTest::newRow("partner name is not the name")
            << sl({"Partner name", "Full name", "EMAIL", "Matter"}) << QList<int>{1, 2, 3, 0, 1};
        QTest::newRow("italian") << sl({"Nome", "Posta", "Pratica"}) << QList<int>{0, 1, 2, -1, 1};
        QTest::newRow("no header") << sl({"Maria Rossi", "maria@x.example", "Lease"}) << QList<int>{0, 1, 2, -1, 0};
    }

    void guessMapping_header_findsColumns()
    {
        QFETCH(QStringList, header);
        QFETCH(QList<int>, expected);
        const auto m = ClientImport::guessMapping(header);
        QCOMPARE((QList<int>{m.name, m.email, m.matter, m.partner, m.hasHeader ? 1 : 0}), expected);
    }

    void validate_badRows_reportEveryProblem_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("problem"); // empty: valid
        QTest::newRow("valid") << QStringLiteral("Maria Rossi,maria@x.example,Lease,") << QString();
        QTest::newRow("valid with partner")
            << QStringLiteral("Maria Rossi,maria@x.example,Lease,pia partner") << QString();
        QTest::newRow("partner by email")
            << QStringLiteral("Maria Rossi,maria@x.example,Lease,PIA@firm.example") << QString();
        QTest::newRow("bad email") << QStringLiteral("Maria,maria@nowhere,Lease,") << QStringLiteral("not a valid");
        QTest::newRow("missing name") << QStringLiteral(",maria@x.example,Lease,") << QStringLiteral("name is missing");
        QTest::newRow("missing email") << QStringLiteral("Maria,,Lease,") << QStringLiteral("email address is missing");
        QTest::newRow("missing matter") << QStringLiteral("Maria,maria@x.example,,")
                                        << QStringLiteral("matter is missing");
        QTest::newRow("long name") << QString(QString(201, u'n') + u",m@x.example,Lease,")
                                   << QStringLiteral("longer than 200");
        QTest::newRow("long matter") << QString(u"Maria,m@x.example," + QString(201, u'm') + u",")
                                     << QStringLiteral("longer than 200");
        QTest::newRow("long email") << QString(u"Maria," + QString(250, u'a') + u"@x.example,Lease,")
                                    << QStringLiteral("longer than 254");
        QTest::newRow("unknown partner") << QStringLiteral("Maria,m@x.example,Lease,Nobody")
                                         << QStringLiteral("no partner on the team");
    }

    void validate_badRows_reportEveryProblem()
    {
        QFETCH(QString, row);
        QFETCH(QString, problem);
        const QByteArray file = "name,email,matter,partner\n" + row.toUtf8() + '\n';
        const auto table = CsvParser::parse(file);
        QVERIFY(table.ok());
        StaffMember pia;
        pia.id = 7;
        pia.name = QStringLiteral("Pia Partner");
        pia.email = kPartner;
        pia.role = StaffRole::Partner;
        const auto rows = ClientImport::validate(*table, ClientImport::guessMapping(table->rows.first()), {pia});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().line, 2);
        if (problem.isEmpty()) {
            QVERIFY2(rows.first().isValid(), qPrintable(rows.first().problems.join(u'|')));
        } else {
            QVERIFY(!rows.first().isValid());
            QVERIFY2(rows.first().problems.join(u'|').contains(problem), qPrintable(rows.first().problems.join(u'|')));
        }
        if (row.endsWith(u"partner"))
            QCOMPARE(rows.first().client.partnerId, 7);
    }

    void validate_duplicateEmail_namesFirstLine()
    {
        const auto table = CsvParser::parse("name,email,matter\nA,a@x.example,M\nB,b@x.example,M\nC,A@X.example,M\n");
        QVERIFY(table.ok());
        const auto rows = ClientImport::validate(*table, ClientImport::guessMapping(table->rows.first()), {});
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.at(0).isValid() && rows.at(1).isValid());
        QCOMPARE(rows.at(2).problems, QStringList{QStringLiteral("the same email address is already on line 2")});
    }

    void dialog_fileWithBadRows_createsNothingUntilFixed()
    {
        const int before = serverClientCount();
        CsvImportDialog dialog(m_session.get());
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.partnersLoaded(), 10000);
        QVERIFY(dialog.loadBytes("Client name;E-mail;Matter;Partner\n"
                                 "Fix Alpha;alpha@import.example;Lease;Pia Partner\n"
                                 "Fix Beta;beta@nowhere;Lease;\n"
                                 ";gamma@import.example;Lease;\n"));
        QCOMPARE(dialog.rows().size(), 3);
        QVERIFY(!dialog.importAllButton()->isEnabled());
        QVERIFY(dialog.importValidButton()->isEnabled()); // the explicit choice is offered
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("2 of 3 rows have problems")),
                 qPrintable(dialog.summaryText()));
        const int requests = liveReplies(m_session->client());
        QTest::mouseClick(dialog.importAllButton(), Qt::LeftButton); // disabled: must do nothing
        QCOMPARE(liveReplies(m_session->client()), requests);        // nothing was sent
        QVERIFY(!dialog.isImporting());
        QCOMPARE(serverClientCount(), before);

        // The user fixes the file and loads it again: now everything goes.
        QVERIFY(dialog.loadBytes("Client name;E-mail;Matter;Partner\n"
                                 "Fix Alpha;alpha@import.example;Lease;Pia Partner\n"
                                 "Fix Beta;beta@import.example;Lease;\n"
                                 "Fix Gamma;gamma@import.example;\"Sale; flat 2\";\n"));
        QVERIFY(dialog.importAllButton()->isEnabled());
        QTest::mouseClick(dialog.importAllButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting(), 20000);
        QVERIFY2(dialog.lastOutcome().complete(), qPrintable(dialog.resultText()));
        QCOMPARE(serverClientCount(), before + 3);
        const auto gamma = serverClientNamed(QStringLiteral("Fix Gamma"));
        QCOMPARE(gamma.value(QStringLiteral("matter")).toString(), QStringLiteral("Sale; flat 2"));
        const auto alpha = serverClientNamed(QStringLiteral("Fix Alpha"));
        QVERIFY(alpha.value(QStringLiteral("partner_id")).toInteger() > 0);
    }

    void dialog_importValidOnly_createsExactlyTheValidRows()
    {
        CsvImportDialog dialog(m_session.get());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.partnersLoaded(), 10000);
        QVERIFY(dialog.loadBytes("\xEF\xBB\xBFname,email,matter\n"
                                 "Valid One,one@valid.example,Will\n"
                                 "Broken Two,two@valid,Will\n"
                                 "\"Valid, Three\",three@valid.example,\"Estate\nline two\"\n"
                                 "Dup Four,ONE@valid.example,Will\n"));
        QCOMPARE(dialog.rows().size(), 4);
        QTest::mouseClick(dialog.importValidButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting(), 20000);
        QVERIFY2(dialog.lastOutcome().complete(), qPrintable(dialog.resultText()));
        QCOMPARE(names(dialog.lastOutcome().created), (sl({"Valid One", "Valid, Three"})));
        QVERIFY(dialog.resultText().contains(QStringLiteral("lines 2, 4")));
        QStringList onServer;
        for (const auto &v : serverClients()) {
            const QString email = v.toObject().value(QStringLiteral("email")).toString();
            if (email.endsWith(u"valid.example") || email.endsWith(u"@valid"))
                onServer << v.toObject().value(QStringLiteral("name")).toString();
        }
        onServer.sort();
        QCOMPARE(onServer, (sl({"Valid One", "Valid, Three"})));
        QCOMPARE(serverClientNamed(QStringLiteral("Valid, Three")).value(QStringLiteral("matter")).toString(),
                 QStringLiteral("Estate\nline two"));
    }

    void runner_serverRefusesMidway_reportsCreatedAndNotCreated()
    {
        // A row the app thinks valid but the server refuses (a partner id that does not
        // exist): the import stops there, and the outcome splits the rows exactly.
        const auto table = CsvParser::parse("name,email,matter\nMid One,m1@mid.example,X\nMid Two,m2@mid.example,X\n"
                                            "Mid Three,m3@mid.example,X\nMid Four,m4@mid.example,X\n");
        QVERIFY(table.ok());
        auto rows = ClientImport::validate(*table, ClientImport::guessMapping(table->rows.first()), {});
        QCOMPARE(rows.size(), 4);
        rows[2].client.partnerId = 999999;
        ClientImportRunner runner(m_session->actions());
        QSignalSpy finished(&runner, &ClientImportRunner::finished);
        QVERIFY(runner.start(rows));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto outcome = finished.first().first().value<ImportOutcome>();
        QVERIFY(!outcome.complete());
        QCOMPARE(names(outcome.created), (sl({"Mid One", "Mid Two"})));
        QCOMPARE(names(outcome.notCreated), (sl({"Mid Three", "Mid Four"})));
        QCOMPARE(outcome.failedLine, 4);
        QVERIFY(!outcome.failure.isEmpty());
        QVERIFY(!serverClientNamed(QStringLiteral("Mid One")).isEmpty());
        QVERIFY(serverClientNamed(QStringLiteral("Mid Three")).isEmpty());
        QVERIFY(serverClientNamed(QStringLiteral("Mid Four")).isEmpty());

        // Retrying the rest once the cause is fixed creates exactly those.
        auto rest = outcome.notCreated;
        rest[0].client.partnerId = 0;
        QVERIFY(runner.start(rest));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(finished.at(1).first().value<ImportOutcome>().complete());
        QVERIFY(!serverClientNamed(QStringLiteral("Mid Four")).isEmpty());
    }

    void runner_invalidRow_refusesToStart()
    {
        ImportRow bad;
        bad.problems << QStringLiteral("the name is missing");
        ClientImportRunner runner(m_session->actions());
        QVERIFY(!runner.start({bad}));
        QVERIFY(!runner.isRunning());
    }

    void bulkInvite_selection_perRowResult()
    {
        const qint64 first = serverClientNamed(QStringLiteral("Fix Alpha")).value(QStringLiteral("id")).toInteger();
        const qint64 second = serverClientNamed(QStringLiteral("Fix Beta")).value(QStringLiteral("id")).toInteger();
        const qint64 gone = serverClientNamed(QStringLiteral("Fix Gamma")).value(QStringLiteral("id")).toInteger();
        QVERIFY(first > 0 && second > 0 && gone > 0);
        QCOMPARE(api("DELETE", QStringLiteral("/api/v1/clients/%1").arg(gone)).status, 204);

        BulkInviter inviter(m_session->actions());
        QSignalSpy done(&inviter, &BulkInviter::finished);
        // Alpha twice: the server allows one invitation per client in this test.
        QVERIFY(inviter.start({{first, QStringLiteral("Fix Alpha")},
                               {second, QStringLiteral("Fix Beta")},
                               {gone, QStringLiteral("Fix Gamma")},
                               {first, QStringLiteral("Fix Alpha")}}));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        const auto &r = inviter.results();
        QCOMPARE(r.size(), 4);
        QCOMPARE(r.at(0).state, InviteResult::State::Sent);
        QVERIFY(r.at(0).expiresAt.isValid());
        QCOMPARE(r.at(1).state, InviteResult::State::Sent);
        QCOMPARE(r.at(2).state, InviteResult::State::Failed);
        QVERIFY(!r.at(2).reason.isEmpty());
        QCOMPARE(r.at(3).state, InviteResult::State::RateLimited);
        QVERIFY(BulkInviter::describe(r.at(3)).startsWith(QStringLiteral("Rate-limited")));
        QCOMPARE(serverClient(first).value(QStringLiteral("status")).toString(), QStringLiteral("invited"));
        QCOMPARE(serverClient(second).value(QStringLiteral("status")).toString(), QStringLiteral("invited"));
    }

    void bulkInviteDialog_showsProgressAndEachResult()
    {
        const qint64 sent = serverClientNamed(QStringLiteral("Valid One")).value(QStringLiteral("id")).toInteger();
        const qint64 limited = serverClientNamed(QStringLiteral("Fix Beta")).value(QStringLiteral("id")).toInteger();
        QVERIFY(sent > 0 && limited > 0);
        BulkInviteDialog dialog(m_session.get(),
                                {{sent, QStringLiteral("Valid One")}, {limited, QStringLiteral("Fix Beta")}});
        dialog.show();
        dialog.start();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isFinished(), 20000);
        QVERIFY2(dialog.resultTable()->item(0, 1)->text().startsWith(QStringLiteral("Sent")),
                 qPrintable(dialog.resultTable()->item(0, 1)->text()));
        // Fix Beta was invited by the previous test; one invitation per client is allowed.
        QVERIFY2(dialog.resultTable()->item(1, 1)->text().startsWith(QStringLiteral("Rate-limited")),
                 qPrintable(dialog.resultTable()->item(1, 1)->text()));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("1 invitation")), qPrintable(dialog.summaryText()));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("1 rate-limited")));
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

    QJsonArray serverClients()
    {
        return api("GET", QStringLiteral("/api/v1/clients?limit=1000"))
            .json()
            .value(QStringLiteral("clients"))
            .toArray();
    }

    int serverClientCount() { return int(serverClients().size()); }

    QJsonObject serverClientNamed(const QString &name)
    {
        for (const auto &v : serverClients()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == name &&
                !v.toObject().value(QStringLiteral("deleted")).toBool())
                return v.toObject();
        }
        return {};
    }

    QJsonObject serverClient(qint64 id)
    {
        auto json = api("GET", QStringLiteral("/api/v1/clients/%1").arg(id)).json();
        return json.value(QStringLiteral("client")).isObject() ? json.value(QStringLiteral("client")).toObject() : json;
    }

    std::unique_ptr<Session> signIn()
    {
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("a.ini")));
        m_settings->setCacheFilePath(m_dir.filePath(QStringLiteral("a-cache.sqlite")));
        m_settings->setSyncIntervalMs(1000);
        auto session = std::make_unique<Session>(m_settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        session->signIn(m_portal.baseUrl(), kAdmin, kPassword, [&](Result<void> r) { done = std::move(r); });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !done->ok()) {
            qWarning("sign-in failed: %s", done ? qPrintable(done->error().message) : "timeout");
            return nullptr;
        }
        if (!QTest::qWaitFor([&] { return session->sync()->lastSyncedAt().isValid(); }, 20000))
            return nullptr;
        return session;
    }

    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    PortalProcess m_portal;
    SecretStore m_secrets{QStringLiteral("Gatehouse-test")};
    QByteArray m_token;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Session> m_session;
};

QTEST_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
