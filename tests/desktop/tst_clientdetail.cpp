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
#include "ui/dialogs.h"
#include "ui/documentlinkdialog.h"
#include "ui/invitedialog.h"
#include "ui/mainwindow.h"
#include "ui/phonecodedialog.h"
#include "ui/revokedialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QJsonArray>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
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

    // After an upload the link is shown once, copyable, and "Email it to the client"
    // mails a working link to the document.
    void attachFiles_showsLinkOnceWithCopyAndEmail()
    {
        const qint64 id = newClient(QStringLiteral("Dora Documents"));
        const QByteArray bytes = "%PDF-1.4 engagement letter for Dora\n";
        const QString path = writeFile(QStringLiteral("engagement-letter.pdf"), bytes);
        ClientDetailPane pane(m_session.get());
        pane.show();
        pane.showClient(cachedClient(id));
        pane.attachFiles({path}); // what the Attach button's file dialog and a drop both call
        QTRY_VERIFY_WITH_TIMEOUT(pane.linkDialog() && pane.linkDialog()->isVisible(), 10000);
        auto *dialog = pane.linkDialog();
        QCOMPARE(dialog->documentCount(), 1);
        const QString link = dialog->linkAt(0);
        QVERIFY2(QUrl(link).path().startsWith(QStringLiteral("/d/")), qPrintable(link));
        QTest::mouseClick(dialog->copyButton(0), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), link);
        QCOMPARE(download(link), bytes);
        QTRY_VERIFY_WITH_TIMEOUT(
            !pane.documentList()->findItems(QStringLiteral("engagement-letter.pdf"), Qt::MatchExactly).isEmpty(),
            10000);

        QTest::mouseClick(dialog->emailButton(0), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->statusText(),
                                  QStringLiteral("The link to “engagement-letter.pdf” was emailed to the client."),
                                  10000);
        QCOMPARE(pane.statusText(), dialog->statusText());
        const auto mail = waitForMail(QStringLiteral("dora.documents@client.example"), QStringLiteral("document"));
        QVERIFY(mail.header("subject").contains(QStringLiteral("engagement-letter.pdf")));
        const QString mailed = documentLinkIn(mail.text);
        QVERIFY2(!mailed.isEmpty(), qPrintable(mail.text));
        QCOMPARE(download(mailed), bytes);
        QCOMPARE(download(link), bytes); // the link shown once keeps working: its own grant

        // The Attach button's file dialog and a drop take the same path to the same dialog.
        dialog->close();
        QTRY_VERIFY(!pane.linkDialog());
        Dialogs::setNextFileName(writeFile(QStringLiteral("by-dialog.txt"), "chosen in the file dialog\n"));
        QTest::mouseClick(buttonNamed(&pane, QStringLiteral("Attach…")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane.linkDialog() && pane.linkDialog()->isVisible(), 10000);
        QCOMPARE(download(pane.linkDialog()->linkAt(0)), QByteArray("chosen in the file dialog\n"));
        pane.linkDialog()->close();
        QTRY_VERIFY(!pane.linkDialog());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(writeFile(QStringLiteral("dropped.txt"), "dropped on the pane\n"))});
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        // Straight to the pane's event handler: QApplication routes a drop only to the
        // target of a drag the platform started, and offscreen there is none.
        static_cast<QObject &>(pane).event(&drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY_WITH_TIMEOUT(pane.linkDialog() && pane.linkDialog()->isVisible(), 10000);
        QCOMPARE(download(pane.linkDialog()->linkAt(0)), QByteArray("dropped on the pane\n"));
        pane.linkDialog()->close();
    }

    // "Email this document to the client" in the detail pane's document list: the mail
    // arrives with the document's link; the result is in the main window's status bar;
    // a revoked client's refusal is explained.
    void emailDocumentAction_fromList_mailsLinkAndRevokedIsExplained()
    {
        const qint64 id = newClient(QStringLiteral("Ugo Uploaded"));
        const QByteArray bytes = "statement of account for Ugo\n";
        QVERIFY(!uploadThroughApi(id, QStringLiteral("statement.txt"), bytes).isEmpty());
        m_session->sync()->syncNow();
        MainWindow window(m_session.get());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->clients()->rowOf(id) >= 0, 10000);
        window.clientView()->selectRow(m_session->clients()->rowOf(id));
        auto *pane = window.detailPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->client() && pane->client()->id == id, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->documentList()->topLevelItemCount(), 1, 10000);
        pane->documentList()->setCurrentItem(pane->documentList()->topLevelItem(0));
        QAction *send = pane->emailDocumentAction();
        QCOMPARE(send->text().remove(u'&'), QStringLiteral("Email this document to the client"));
        QVERIFY(send->isEnabled());
        send->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                                  QStringLiteral("The link to “statement.txt” was emailed to the client."), 10000);
        const auto mail = waitForMail(QStringLiteral("ugo.uploaded@client.example"), QStringLiteral("statement.txt"));
        QCOMPARE(download(documentLinkIn(mail.text)), bytes);
        bool audited = false;
        const auto events =
            m_flow->api("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(id)).json().value(u"events").toArray();
        for (const auto &v : events)
            audited |= v.toObject().value(u"type").toString() == u"document.sent" &&
                       v.toObject().value(u"actor_label").toString() == kParalegal;
        QVERIFY(audited);

        // Revoked: the server refuses (409) and the app says why and what to do.
        QCOMPARE(m_flow
                     ->api("POST", QStringLiteral("/api/v1/clients/%1/revoke").arg(id),
                           {{QStringLiteral("reason"), QStringLiteral("matter closed")}})
                     .status,
                 200);
        send->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                                  QStringLiteral("“statement.txt” was not sent: Ugo Uploaded's access is revoked, so "
                                                 "document links are not mailed. Invite them again first."),
                                  10000);
        QCOMPARE(mailsTo(QStringLiteral("ugo.uploaded@client.example")).size(), 1);
    }

    // Regenerate leaves document links alone unless "Also end document links" is ticked.
    void revokeDialog_regenerate_endsDocumentLinksOnlyWhenAsked()
    {
        const qint64 id = newClient(QStringLiteral("Rita Regenerate"));
        QVERIFY(!m_flow->invite(id).isEmpty());
        const QString link = uploadThroughApi(id, QStringLiteral("will.txt"), "last will\n");
        QVERIFY(!link.isEmpty());
        m_session->sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(cachedClient(id).status == ClientStatus::Invited, 10000);
        {
            RevokeDialog dialog(m_session.get(), cachedClient(id), RevokeDialog::Action::Regenerate);
            dialog.show();
            QVERIFY(dialog.endDocumentLinksBox()->isEnabled());
            QVERIFY(!dialog.endDocumentLinksBox()->isChecked());
            QVERIFY(dialog.consequenceText().endsWith(QStringLiteral("Links to single documents sent earlier keep "
                                                                     "working.")));
            QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Client lost the email"));
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.newLink().isEmpty(), 10000);
        }
        QCOMPARE(download(link), QByteArray("last will\n"));
        {
            RevokeDialog dialog(m_session.get(), cachedClient(id), RevokeDialog::Action::Regenerate);
            dialog.show();
            dialog.endDocumentLinksBox()->setChecked(true);
            QVERIFY(dialog.consequenceText().endsWith(QStringLiteral("Links to single documents sent earlier stop "
                                                                     "working too.")));
            QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("Forwarded by mistake"));
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.newLink().isEmpty(), 10000);
        }
        QCOMPARE(httpRequest("GET", m_portal.baseUrl().resolved(QUrl(QUrl(link).path()))).status, 410);
        bool audited = false;
        const auto events =
            m_flow->api("GET", QStringLiteral("/api/v1/audit?client_id=%1").arg(id)).json().value(u"events").toArray();
        for (const auto &v : events) {
            const auto d = v.toObject().value(u"details").toObject();
            audited |= v.toObject().value(u"type").toString() == u"client.link_regenerated" &&
                       d.value(u"reason").toString() == u"Forwarded by mistake" &&
                       d.value(u"include_documents").toBool() && d.value(u"document_links_revoked").toInt() == 1;
        }
        QVERIFY(audited);
    }

    // The invite dialog's preview is the server's real invite mail: it names the
    // partner and the matter and is the text the client then receives.
    void inviteDialog_preview_isTheMailTheClientGets()
    {
        InviteDialog dialog(m_session.get(), std::nullopt);
        dialog.show();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Vera Preview"));
        QTest::keyClicks(dialog.emailEdit(), QStringLiteral("vera.preview@client.example"));
        QTest::keyClicks(dialog.matterEdit(), QStringLiteral("Estate of L. Preview"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.partnerBox()->findText(kPartnerName) > 0, 10000);
        dialog.partnerBox()->setCurrentIndex(dialog.partnerBox()->findText(kPartnerName));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewPending() &&
                                     dialog.shownPreview().text.contains(QStringLiteral("Estate of L. Preview")) &&
                                     dialog.shownPreview().text.contains(kPartnerName),
                                 10000);
        const auto preview = dialog.shownPreview();
        QVERIFY2(preview.text.contains(QStringLiteral("handled by ") + kPartnerName), qPrintable(preview.text));
        QVERIFY(preview.text.contains(QStringLiteral("Dear Vera Preview")));
        QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("Estate of L. Preview")));
        QVERIFY(dialog.preview()->toPlainText().contains(preview.subject));

        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isShowingResult() || !dialog.errorText().isEmpty(), 15000);
        QVERIFY2(dialog.isShowingResult(), qPrintable(dialog.errorText()));
        const auto mail = waitForMail(QStringLiteral("vera.preview@client.example"), QStringLiteral("/portal/"));
        QCOMPARE(mail.header("subject"), preview.subject);
        // Equal but for what only a real invitation has: its link and its exact expiry.
        QCOMPARE(withoutLinkAndExpiry(preview.text), withoutLinkAndExpiry(mail.text));
    }

    // Offline, the preview says so instead of showing a guess.
    void inviteDialog_offline_previewSaysUnavailable()
    {
        const quint16 port = m_portal.port();
        m_portal.stop();
        m_session->sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->sync()->isOnline(), 15000);
        InviteDialog dialog(m_session.get(), std::nullopt);
        dialog.show();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Otto Offline"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewPending(), 5000);
        QVERIFY2(dialog.preview()->toPlainText().startsWith(QStringLiteral("Preview unavailable offline")),
                 qPrintable(dialog.preview()->toPlainText()));
        QCOMPARE(dialog.shownPreview().text, QString());
        m_portal.setConfig(QStringLiteral("server/port"), QString::number(port));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
    }

private:
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    // Uploads as a colleague would; the document's own link.
    QString uploadThroughApi(qint64 id, const QString &name, const QByteArray &bytes)
    {
        const auto r = httpRequest(
            "POST", m_flow->url(QStringLiteral("/api/v1/clients/%1/documents?name=%2").arg(id).arg(name)), bytes,
            {{"Authorization", "Bearer " + m_flow->staffToken()}, {"Content-Type", "application/octet-stream"}});
        return r.status == 201 ? r.json().value(QStringLiteral("document_url")).toString() : QString();
    }

    // GET of a document link from a fresh "browser": the bytes, or empty.
    QByteArray download(const QString &link)
    {
        const auto r = httpRequest("GET", m_portal.baseUrl().resolved(QUrl(QUrl(link).path())));
        return r.status == 200 ? r.body : QByteArray();
    }

    static QString documentLinkIn(const QString &text)
    {
        static const QRegularExpression link(QStringLiteral("https?://\\S+/d/[A-Za-z0-9_-]+"));
        return link.match(text).captured(0);
    }

    static QString withoutLinkAndExpiry(QString text)
    {
        static const QRegularExpression link(QStringLiteral("https?://\\S+/portal/\\S+"));
        static const QRegularExpression expiry(QStringLiteral("works until [^\\n]*?\\. Please"));
        text.replace(link, QStringLiteral("<link>"));
        text.replace(expiry, QStringLiteral("works until <time>. Please"));
        return text;
    }

    // The mails the server's folder transport wrote for one address, oldest first.
    QList<ReceivedMail> mailsTo(const QString &address)
    {
        QList<ReceivedMail> mails;
        const QDir folder(m_portal.mailFolder());
        const auto files = folder.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Time | QDir::Reversed);
        for (const auto &name : files) {
            QFile f(folder.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            auto mail = ReceivedMail::parse(f.readAll());
            if (mail.header("to").contains(address))
                mails << mail;
        }
        return mails;
    }

    // Waits for a mail to `address` whose text contains `marker`.
    ReceivedMail waitForMail(const QString &address, const QString &marker)
    {
        ReceivedMail found;
        (void)QTest::qWaitFor(
            [&] {
                for (const auto &m : mailsTo(address)) {
                    if (m.text.contains(marker)) {
                        found = m;
                        return true;
                    }
                }
                return false;
            },
            15000);
        return found;
    }

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
