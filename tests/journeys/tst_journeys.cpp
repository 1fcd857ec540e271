// SPDX-License-Identifier: Apache-2.0
// Whole journeys across every part they touch: the paralegal's and the partner's real
// desktop app (models and main window, offscreen), the real gatehouse-portal, real
// mail through a loopback SMTP server, and the client in headless Chromium following
// the links from that mail. Each journey is its own CTest test (see CMakeLists.txt),
// so a failure names the promise that broke.
#include "journeykit.h"
#include "model/auditlogmodel.h"
#include "model/auditstore.h"
#include "model/portalclient.h"
#include "model/portaltypes.h"
#include "ui/auditviewer.h"
#include "ui/clientdetailpane.h"
#include "ui/dialogs.h"
#include "ui/phonecodedialog.h"
#include "ui/revokedialog.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTreeWidget>

using namespace Gatehouse;
using namespace Gatehouse::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString Paula = QStringLiteral("paula@hale.example"); // paralegal
const QString Piers = QStringLiteral("piers@hale.example"); // paralegal
const QString Hale = QStringLiteral("hale@hale.example");   // partner

// A small but real PDF, so the bytes that come back can be compared with these.
QByteArray pdfBytes(const QString &title)
{
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " +
           title.toUtf8() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

} // namespace

class TestJourneys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_firm = std::make_unique<Firm>();
        QString why;
        QVERIFY2(m_firm->start(&why), qPrintable(why));
    }

    void cleanup()
    {
        Firm::closeDialogs();
        m_firm->stop();
        m_firm.reset();
    }

    // A paralegal creates a client, attaches a PDF and invites; the client opens the
    // mailed link, continues, sees the hub and downloads the same bytes; the app shows
    // the client active with where and how they came in; the partner's audit viewer
    // shows the invite, the consume, the session and the download.
    void invite_firstVisit_documents()
    {
        Desk *paula = signIn(Paula);
        const QString email = QStringLiteral("grace@client.example");
        const qint64 id =
            createClient(paula, QStringLiteral("Grace Hopper"), email, QStringLiteral("Estate of G. Hopper"));
        select(paula, id);
        const QByteArray pdf = pdfBytes(QStringLiteral("engagement"));
        attach(paula, QStringLiteral("Engagement letter.pdf"), pdf);
        invite(paula, id);

        const auto mail = m_firm->nextMail(email);
        QVERIFY2(mail, "no invite mail arrived");
        QVERIFY2(mail->text.contains(QStringLiteral("Estate of G. Hopper")), qPrintable(mail->text));
        const QString link = Firm::linkIn(*mail, QStringLiteral("/portal/"));
        QVERIFY2(!link.isEmpty(), qPrintable(mail->text));

        auto &browser = m_firm->browser();
        auto page = browser.open(QStringLiteral("grace"), link);
        QVERIFY2(page.value(u"ok").toBool(), qPrintable(page.value(u"error").toString()));
        QCOMPARE(page.value(u"status").toInt(), 200);
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Continue to your portal"));
        page = browser.clickButton(QStringLiteral("grace"), QStringLiteral("Continue"));
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Welcome, Grace Hopper"));
        QVERIFY2(page.value(u"text").toString().contains(QStringLiteral("Engagement letter.pdf")),
                 qPrintable(page.value(u"text").toString()));

        const auto file = browser.call({{u"op"_s, u"click"_s},
                                        {u"ctx"_s, u"grace"_s},
                                        {u"role"_s, u"link"_s},
                                        {u"name"_s, u"Engagement letter.pdf"_s},
                                        {u"expectDownload"_s, true}});
        QVERIFY2(file.value(u"ok").toBool(), qPrintable(file.value(u"error").toString()));
        QCOMPARE(file.value(u"download").toObject().value(u"filename").toString(),
                 QStringLiteral("Engagement letter.pdf"));
        QCOMPARE(file.value(u"download").toObject().value(u"sha256").toString(), Firm::sha256(pdf));

        // The paralegal's app: active, with the last access time, address and device.
        QTRY_VERIFY_WITH_TIMEOUT(clientIn(paula, id).status == ClientStatus::Active, 10000);
        const auto seen = clientIn(paula, id);
        QVERIFY(seen.lastAccessAt.isValid());
        QVERIFY(qAbs(seen.lastAccessAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QCOMPARE(seen.lastAccessAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(seen.lastAccessDevice, QStringLiteral("Chrome on Linux"));
        const int row = rowOf(paula, id);
        QCOMPARE(paula->session->clients()->index(row, ClientListModel::Status).data().toString(),
                 QStringLiteral("Active"));

        // The partner's audit viewer.
        Desk *hale = signIn(Hale);
        hale->window->openAuditLog();
        AuditViewer *viewer = hale->window->auditViewer();
        QVERIFY(viewer);
        QTRY_VERIFY_WITH_TIMEOUT(eventsOf(viewer, id).contains(QStringLiteral("document.downloaded")), 15000);
        const auto events = eventsOf(viewer, id);
        for (const auto &type : {"client.created", "document.added", "client.invited", "token.issued", "token.consumed",
                                 "session.started", "document.downloaded"})
            QVERIFY2(events.contains(QLatin1StringView(type)),
                     qPrintable(QLatin1StringView(type) + QStringLiteral(" missing from ") +
                                QStringList(events.keys()).join(u", ")));
        const auto download = events.value(QStringLiteral("document.downloaded"));
        QCOMPARE(download.details.value(u"via").toString(), QStringLiteral("hub"));
        QCOMPARE(download.address, QStringLiteral("127.0.0.1"));
        QVERIFY2(download.userAgent.contains(QStringLiteral("Chrome/")), qPrintable(download.userAgent));
        QCOMPARE(events.value(QStringLiteral("client.invited")).actorLabel, Paula);
    }

    // The paralegal emails one document's own link from the app; the client opens it in
    // a fresh browser and the file downloads directly, with the lock on (F10).
    void documentLink_byMail_opensDirectlyWithLockOn()
    {
        Desk *paula = signIn(Paula);
        const QString email = QStringLiteral("ada@client.example");
        const qint64 id =
            createClient(paula, QStringLiteral("Ada Lovelace"), email, QStringLiteral("Analytical Engine"));
        select(paula, id);
        paula->window->detailPane()->requireSignInBox()->click();
        QTRY_VERIFY_WITH_TIMEOUT(clientIn(paula, id).requireSignIn, 10000);
        const QByteArray pdf = pdfBytes(QStringLiteral("proposal"));
        attach(paula, QStringLiteral("Proposal.pdf"), pdf);

        emailSelectedDocument(paula, QStringLiteral("Proposal.pdf"));
        const auto mail = m_firm->nextMail(email);
        QVERIFY2(mail, "no document mail arrived");
        QVERIFY2(mail->text.contains(QStringLiteral("Proposal.pdf")), qPrintable(mail->text));
        QVERIFY2(mail->text.contains(QStringLiteral("Analytical Engine")), qPrintable(mail->text));
        const QString link = Firm::linkIn(*mail, QStringLiteral("/d/"));
        QVERIFY2(!link.isEmpty(), qPrintable(mail->text));

        const auto file = m_firm->browser().call(
            {{u"op"_s, u"goto"_s}, {u"ctx"_s, u"phone"_s}, {u"url"_s, link}, {u"expectDownload"_s, true}});
        QVERIFY2(file.value(u"ok").toBool(), qPrintable(file.value(u"error").toString()));
        QCOMPARE(file.value(u"download").toObject().value(u"filename").toString(), QStringLiteral("Proposal.pdf"));
        QCOMPARE(file.value(u"download").toObject().value(u"sha256").toString(), Firm::sha256(pdf));

        const auto events = serverEvents(paula, id);
        QVERIFY(events.contains(QStringLiteral("document.sent")));
        QCOMPARE(events.value(QStringLiteral("document.sent")).actorLabel, Paula);
        QCOMPARE(events.value(QStringLiteral("document.downloaded")).details.value(u"via").toString(),
                 QStringLiteral("link"));
    }

    // Revoke with a reason: within one sync the app shows the client revoked; the open
    // hub, the old invite link, the hub's download link and the document's own link
    // all stop working with the revoked page; the audit says who, when and why.
    void revoke_endsEveryWayIn()
    {
        Desk *paula = signIn(Paula);
        const QString email = QStringLiteral("alan@client.example");
        const qint64 id = createClient(paula, QStringLiteral("Alan Turing"), email, QStringLiteral("Bletchley lease"));
        select(paula, id);
        attach(paula, QStringLiteral("Lease.pdf"), pdfBytes(QStringLiteral("lease")));
        invite(paula, id);
        const auto invitation = m_firm->nextMail(email);
        QVERIFY(invitation);
        const QString portalLink = Firm::linkIn(*invitation, QStringLiteral("/portal/"));
        emailSelectedDocument(paula, QStringLiteral("Lease.pdf"));
        const auto documentMail = m_firm->nextMail(email);
        QVERIFY(documentMail);
        const QString documentLink = Firm::linkIn(*documentMail, QStringLiteral("/d/"));
        QVERIFY(!portalLink.isEmpty() && !documentLink.isEmpty());

        auto &browser = m_firm->browser();
        browser.open(QStringLiteral("alan"), portalLink);
        auto page = browser.clickButton(QStringLiteral("alan"), QStringLiteral("Continue"));
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Welcome, Alan Turing"));
        const QString hubDownload = linkNamed(QStringLiteral("alan"), QStringLiteral("Lease.pdf"));
        QVERIFY(!hubDownload.isEmpty());
        const auto before = browser.call({{u"op"_s, u"click"_s},
                                          {u"ctx"_s, u"alan"_s},
                                          {u"role"_s, u"link"_s},
                                          {u"name"_s, u"Lease.pdf"_s},
                                          {u"expectDownload"_s, true}});
        QVERIFY2(before.value(u"ok").toBool(), qPrintable(before.value(u"error").toString()));

        // The paralegal revokes with a reason.
        const auto revokedFrom = QDateTime::currentDateTimeUtc().addSecs(-1);
        RevokeDialog dialog(paula->session.get(), clientIn(paula, id), RevokeDialog::Action::Revoke,
                            paula->window.get());
        dialog.show();
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Matter closed; client asked us to stop"));
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.consequenceText().startsWith(QStringLiteral("Done.")), 10000);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        // Within one sync.
        const int cycles = syncCycles(paula);
        QTRY_VERIFY_WITH_TIMEOUT(clientIn(paula, id).status == ClientStatus::Revoked, 10000);
        QVERIFY(syncCycles(paula) - cycles <= 1);

        const QString revoked = QStringLiteral("Access revoked — contact the firm");
        page = browser.open(QStringLiteral("alan"), m_firm->url(QStringLiteral("/portal/hub")));
        QCOMPARE(page.value(u"status").toInt(), 403);
        QCOMPARE(page.value(u"heading").toString(), revoked);
        // Opening a link says nothing about it (F4); pressing Continue finds it revoked.
        page = browser.open(QStringLiteral("alan"), portalLink);
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Continue to your portal"));
        page = browser.clickButton(QStringLiteral("alan"), QStringLiteral("Continue"));
        QCOMPARE(page.value(u"responses").toArray().first().toObject().value(u"status").toInt(), 410);
        QCOMPARE(page.value(u"heading").toString(), revoked);
        const auto hubFile = browser.open(QStringLiteral("alan"), hubDownload);
        QCOMPARE(hubFile.value(u"status").toInt(), 403);
        QCOMPARE(hubFile.value(u"heading").toString(), revoked);
        const auto ownLink = browser.open(QStringLiteral("other-device"), documentLink);
        QCOMPARE(ownLink.value(u"status").toInt(), 410);
        QCOMPARE(ownLink.value(u"heading").toString(), revoked);

        const auto events = serverEvents(paula, id);
        const auto revokedEvent = events.value(QStringLiteral("client.access_revoked"));
        QCOMPARE(revokedEvent.actorLabel, Paula);
        QCOMPARE(revokedEvent.details.value(u"reason").toString(),
                 QStringLiteral("Matter closed; client asked us to stop"));
        QVERIFY(revokedEvent.time >= revokedFrom && revokedEvent.time <= QDateTime::currentDateTimeUtc());
    }

    // The paralegal turns the lock on in the detail pane; the client's next visit from
    // a new browser shows the verify screen; the mailed code confirms it, and the
    // session id changes in that very answer (B6): the old one no longer works.
    void lock_newBrowserVerifiesByMailedCode()
    {
        Desk *paula = signIn(Paula);
        const QString email = QStringLiteral("katherine@client.example");
        const qint64 id =
            createClient(paula, QStringLiteral("Katherine Johnson"), email, QStringLiteral("Trajectory patent"));
        select(paula, id);
        invite(paula, id);
        const auto invitation = m_firm->nextMail(email);
        QVERIFY(invitation);
        const QString link = Firm::linkIn(*invitation, QStringLiteral("/portal/"));

        paula->window->detailPane()->requireSignInBox()->click();
        QTRY_VERIFY_WITH_TIMEOUT(clientIn(paula, id).requireSignIn, 10000);

        auto &browser = m_firm->browser();
        browser.open(QStringLiteral("laptop"), link);
        auto page = browser.clickButton(QStringLiteral("laptop"), QStringLiteral("Continue"));
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Confirm this browser"));
        const QString before = cookie(QStringLiteral("laptop"), QStringLiteral("__Host-gh_session"));
        QVERIFY(!before.isEmpty());

        browser.clickButton(QStringLiteral("laptop"), QStringLiteral("Email me a code"));
        const auto mail = m_firm->nextMail(email);
        QVERIFY2(mail, "no verification mail arrived");
        const QString code = Firm::codeIn(*mail);
        QVERIFY2(!code.isEmpty(), qPrintable(mail->text));
        browser.call({{u"op"_s, u"fill"_s},
                      {u"ctx"_s, u"laptop"_s},
                      {u"label"_s, u"Code from the email"_s},
                      {u"value"_s, code}});
        page = browser.clickButton(QStringLiteral("laptop"), QStringLiteral("Confirm this browser"));
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Welcome, Katherine Johnson"));
        const QString after = cookie(QStringLiteral("laptop"), QStringLiteral("__Host-gh_session"));
        QVERIFY(!after.isEmpty());
        QVERIFY2(after != before, "the session id did not change when the browser was confirmed");
        // The fresh id comes in the confirming answer itself, not on some later request.
        const auto answers = page.value(u"responses").toArray();
        QVERIFY(!answers.isEmpty());
        const auto confirm = answers.first().toObject();
        QCOMPARE(confirm.value(u"method").toString(), QStringLiteral("POST"));
        QVERIFY2(confirm.value(u"setCookie").toString().contains(QStringLiteral("__Host-gh_session=") + after),
                 qPrintable(confirm.value(u"setCookie").toString()));

        // Whoever holds the old id gets nothing.
        browser.call({{u"op"_s, u"addCookie"_s},
                      {u"ctx"_s, u"eavesdropper"_s},
                      {u"cookie"_s, QJsonObject{{u"name"_s, u"__Host-gh_session"_s},
                                                {u"value"_s, before},
                                                {u"url"_s, m_firm->url(QStringLiteral("/"))}}}});
        const auto replay = browser.request(QStringLiteral("eavesdropper"), m_firm->url(QStringLiteral("/portal/hub")));
        QCOMPARE(replay.value(u"status").toInt(), 401);
        QVERIFY(!replay.value(u"text").toString().contains(QStringLiteral("Katherine Johnson")));
        QVERIFY(serverEvents(paula, id).contains(QStringLiteral("browser.verified")));
    }

    // Phone confirmation: the client's page shows a code, the paralegal types it into
    // the app's "Confirm a client's code" dialog, and the page proceeds by itself.
    void phone_codeTypedInAppReleasesThePage()
    {
        Desk *paula = signIn(Paula);
        const QString email = QStringLiteral("margaret@client.example");
        const qint64 id =
            createClient(paula, QStringLiteral("Margaret Hamilton"), email, QStringLiteral("Apollo escrow"));
        std::optional<Result<ClientRecord>> switched;
        paula->session->actions()->setPhoneConfirmation(id, true,
                                                        [&](Result<ClientRecord> r) { switched = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(switched.has_value(), 10000);
        QVERIFY(switched->ok());
        invite(paula, id);
        const auto invitation = m_firm->nextMail(email);
        QVERIFY(invitation);

        auto &browser = m_firm->browser();
        browser.open(QStringLiteral("desk"), Firm::linkIn(*invitation, QStringLiteral("/portal/")));
        auto page = browser.clickButton(QStringLiteral("desk"), QStringLiteral("Continue"));
        QCOMPARE(page.value(u"heading").toString(), QStringLiteral("Read this code to Hale & Partners"));
        static const QRegularExpression shown(QStringLiteral(R"(\b([A-Z0-9]{3,5}[- ]?[A-Z0-9]{3,5})\b)"));
        QString code;
        for (const QString &line : page.value(u"text").toString().split(u'\n')) {
            const auto m = shown.match(line.trimmed());
            if (m.hasMatch() && m.captured(1) == line.trimmed()) {
                code = m.captured(1);
                break;
            }
        }
        QVERIFY2(!code.isEmpty(), qPrintable(page.value(u"text").toString()));

        select(paula, id);
        paula->window->openPhoneCode();
        PhoneCodeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visible<PhoneCodeDialog>()) != nullptr);
        dialog->codeEdit()->setText(code);
        dialog->checkButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->confirmed(), 10000);

        page = browser.call(
            {{u"op"_s, u"waitForText"_s}, {u"ctx"_s, u"desk"_s}, {u"text"_s, u"Welcome, Margaret Hamilton"_s}});
        QVERIFY2(page.value(u"ok").toBool(), qPrintable(page.value(u"error").toString()));
        QVERIFY(serverEvents(paula, id).contains(QStringLiteral("client.phone_code_confirmed")));
    }

    // Two members of staff at once: one changes and invites client A while the other
    // has client B selected and scrolled into view in a long list. The second app shows
    // the change within one sync and keeps its selection, current row, scroll position
    // and detail pane.
    void twoStaff_colleaguesChange_keepsMySelectionAndScroll()
    {
        m_firm->portal().stop();
        const auto seeded =
            PortalProcess::runCli({QStringLiteral("seed-demo"), QStringLiteral("--config"),
                                   m_firm->portal().configPath(), QStringLiteral("--clients"), QStringLiteral("3000")});
        QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
        QVERIFY2(m_firm->portal().start(), qPrintable(m_firm->portal().errorString()));

        Desk *paula = signIn(Paula);
        Desk *piers = signIn(Piers);
        QTableView *view = piers->window->clientView();
        ClientListModel *model = piers->session->clients();
        // Client B: far down the list.
        QVERIFY(model->rowCount() >= 2000);
        const int rowB = 1800;
        const qint64 b = model->index(rowB, 0).data(ClientListModel::ClientIdRole).toLongLong();
        const qint64 a = model->index(5, 0).data(ClientListModel::ClientIdRole).toLongLong();
        QVERIFY(a > 0 && b > 0);
        view->selectRow(rowB);
        view->scrollTo(model->index(rowB, 0), QAbstractItemView::PositionAtCenter);
        QTRY_VERIFY(piers->window->detailPane()->client() && piers->window->detailPane()->client()->id == b);
        const int scroll = view->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        const QString detailTitle = piers->window->detailPane()->client()->name;
        // Where Piers sees B before anything changes (the changes below may reach his app
        // at once over the push channel, so B is found by being current, not by its row).
        const int bY = view->visualRect(view->currentIndex()).top();

        // Paula changes A's matter and invites A.
        const auto old = clientIn(paula, a);
        std::optional<Result<ClientRecord>> updated;
        paula->session->actions()->update(a, old.version, {{u"matter"_s, u"Renegotiated lease 2027"_s}},
                                          [&](Result<ClientRecord> r) { updated = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(updated.has_value(), 10000);
        QVERIFY2(updated->ok(), updated->ok() ? "" : qPrintable(updated->error().message));
        invite(paula, a);
        // And adds a client who sorts above B, so a row arrives above Piers's place.
        const qint64 added = createClient(paula, QStringLiteral("Aaron Abbott"), QStringLiteral("aaron@client.example"),
                                          QStringLiteral("New instruction"));
        QVERIFY(added > 0);

        // Piers's app: A's change arrives within one sync...
        const int cycles = syncCycles(piers);
        QTRY_VERIFY_WITH_TIMEOUT(clientIn(piers, a).matter == u"Renegotiated lease 2027" &&
                                     clientIn(piers, a).status == ClientStatus::Invited,
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(piers->session->cache()->client(added).has_value(), 10000);
        QVERIFY(syncCycles(piers) - cycles <= 1);
        const int rowA = rowOf(piers, a);
        QTRY_COMPARE(model->index(rowA, ClientListModel::Matter).data().toString(),
                     QStringLiteral("Renegotiated lease 2027"));
        // ...and nothing of Piers's place is lost.
        const auto selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(ClientListModel::ClientIdRole).toLongLong(), b);
        QCOMPARE(view->currentIndex().data(ClientListModel::ClientIdRole).toLongLong(), b);
        // B stays where Piers saw it on screen, although a row arrived above it.
        const QModelIndex bNow = view->currentIndex();
        QCOMPARE(view->visualRect(bNow).top(), bY);
        QVERIFY(view->verticalScrollBar()->value() >= scroll);
        QVERIFY(piers->window->detailPane()->client().has_value());
        QCOMPARE(piers->window->detailPane()->client()->id, b);
        QCOMPARE(piers->window->detailPane()->client()->name, detailTitle);
    }

private:
    Desk *signIn(const QString &email)
    {
        QString why;
        Desk *desk = m_firm->signIn(email, &why);
        if (!desk)
            qFatal("%s", qPrintable(why));
        return desk;
    }

    static qint64 createClient(Desk *desk, const QString &name, const QString &email, const QString &matter)
    {
        ClientRecord record;
        record.name = name;
        record.email = email;
        record.matter = matter;
        std::optional<Result<ClientRecord>> created;
        desk->session->actions()->create(record, [&](Result<ClientRecord> r) { created = std::move(r); });
        if (!QTest::qWaitFor([&] { return created.has_value(); }, 10000) || !created->ok())
            return 0;
        const qint64 id = created->value().id;
        (void)QTest::qWaitFor([&] { return rowOf(desk, id) >= 0; }, 10000);
        return id;
    }

    static void invite(Desk *desk, qint64 id)
    {
        std::optional<Result<IssuedLink>> issued;
        desk->session->actions()->invite(id, [&](Result<IssuedLink> r) { issued = std::move(r); });
        QVERIFY(QTest::qWaitFor([&] { return issued.has_value(); }, 10000));
        QVERIFY2(issued->ok(), issued->ok() ? "" : qPrintable(issued->error().message));
    }

    static int rowOf(Desk *desk, qint64 id)
    {
        auto *model = desk->session->clients();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ClientListModel::ClientIdRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    static ClientRecord clientIn(Desk *desk, qint64 id)
    {
        return desk->session->cache()->client(id).value_or(ClientRecord{});
    }

    // Selects a client in the main window's list, as a click would.
    static void select(Desk *desk, qint64 id)
    {
        const int row = rowOf(desk, id);
        QVERIFY(row >= 0);
        desk->window->clientView()->selectRow(row);
        QTRY_VERIFY(desk->window->detailPane()->client() && desk->window->detailPane()->client()->id == id);
    }

    // Attaches a file to the selected client the way the file dialog and a drop do.
    void attach(Desk *desk, const QString &name, const QByteArray &bytes)
    {
        const QString path = m_firm->directory() + u'/' + name;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto *documents = desk->window->detailPane()->documentList();
        desk->window->detailPane()->attachFiles({path});
        QTRY_VERIFY_WITH_TIMEOUT(!documents->findItems(name, Qt::MatchExactly, 0).isEmpty(), 10000);
        Firm::closeDialogs(); // the link shown once after an upload
    }

    // "Email this document to the client" on the named document in the detail pane.
    static void emailSelectedDocument(Desk *desk, const QString &name)
    {
        auto *documents = desk->window->detailPane()->documentList();
        const auto items = documents->findItems(name, Qt::MatchExactly, 0);
        QVERIFY(!items.isEmpty());
        documents->setCurrentItem(items.first());
        QAction *send = nullptr;
        for (QAction *action : desk->window->detailPane()->findChildren<QAction *>()) {
            if (action->text().remove(u'&') == u"Email this document to the client")
                send = action;
        }
        QVERIFY2(send, "the detail pane has no \"Email this document to the client\" action");
        QVERIFY(send->isEnabled());
        send->trigger();
    }

    template<typename Dialog> static Dialog *visible()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<Dialog *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

    // How many syncs a desk has finished, to check that a change came with the next one.
    int syncCycles(Desk *desk)
    {
        if (!m_syncCounters.contains(desk)) {
            m_syncCounters.insert(desk, 0);
            connect(desk->session->sync(), &SyncEngine::finished, this, [this, desk] { ++m_syncCounters[desk]; });
        }
        return m_syncCounters.value(desk);
    }

    // The href of the page's link with this text, in that browser.
    QString linkNamed(const QString &browser, const QString &text)
    {
        const auto links = m_firm->browser().call({{u"op"_s, u"links"_s}, {u"ctx"_s, browser}});
        for (const auto &l : links.value(u"links").toArray()) {
            if (l.toObject().value(u"text").toString() == text)
                return l.toObject().value(u"href").toString();
        }
        return {};
    }

    QString cookie(const QString &browser, const QString &name)
    {
        const auto cookies = m_firm->browser().call({{u"op"_s, u"cookies"_s}, {u"ctx"_s, browser}});
        for (const auto &c : cookies.value(u"cookies").toArray()) {
            if (c.toObject().value(u"name").toString() == name)
                return c.toObject().value(u"value").toString();
        }
        return {};
    }

    // The newest event of each type for a client, as the partner's viewer lists them.
    static QMap<QString, AuditEvent> eventsOf(AuditViewer *viewer, qint64 clientId)
    {
        QMap<QString, AuditEvent> events;
        auto *model = qobject_cast<AuditLogModel *>(viewer->view()->model());
        if (!model)
            return events;
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            const auto r = model->rowAt(row);
            if (r && r->event.clientId == clientId)
                events.insert(r->event.type, r->event);
        }
        return events;
    }

    // The newest event of each type for a client, straight from the staff API.
    static QMap<QString, AuditEvent> serverEvents(Desk *desk, qint64 clientId)
    {
        QMap<QString, AuditEvent> events;
        std::optional<Result<AuditPage>> got;
        AuditQuery query;
        query.clientId = clientId;
        query.limit = 500;
        desk->session->client()->audit(query, [&](Result<AuditPage> r) { got = std::move(r); });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000) || !got->ok())
            return events;
        for (const auto &e : got->value().events) {
            if (!events.contains(e.type) || events.value(e.type).id < e.id)
                events.insert(e.type, e);
        }
        return events;
    }

    std::unique_ptr<Firm> m_firm;
    QHash<Desk *, int> m_syncCounters;
};

QTEST_MAIN(TestJourneys)
#include "tst_journeys.moc"
