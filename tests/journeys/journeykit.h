// SPDX-License-Identifier: Apache-2.0
#pragma once
// One firm for a journey test: the real gatehouse-portal on loopback, a real SMTP
// server (aiosmtpd) it mails through, headless Chromium as the client's browsers, and
// the real desktop app (Session + MainWindow, offscreen) for each member of staff.
// Links reach the browser only from delivered mail, as they reach a client.
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/clientactions.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/browserdriver.h"
#include "support/portalprocess.h"
#include "support/smtpserver.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialog>
#include <QRegularExpression>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <memory>

namespace Gatehouse::Test {

inline const QString StaffPassword = QStringLiteral("correct horse battery staple");

// One member of staff at their own desk: settings, cache, keychain entry and window.
struct Desk
{
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<Session> session;
    std::unique_ptr<MainWindow> window;
};

class Firm
{
public:
    Firm() = default;
    Firm(const Firm &) = delete;
    Firm &operator=(const Firm &) = delete;

    // Starts mail, the portal (public URL = its real loopback address, so mailed links
    // work as they are) and the browser driver; creates the staff accounts.
    bool start(QString *why)
    {
        if (!m_crypto.check().ok())
            return fail(why, QStringLiteral("QCA is not usable"));
        if (!m_smtp.start())
            return fail(why, m_smtp.errorString());
        const quint16 port = freePort();
        m_portal.setConfig(QStringLiteral("server/port"), QString::number(port));
        m_portal.setConfig(QStringLiteral("server/public_url"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        m_portal.setConfig(QStringLiteral("mail/transport"), QStringLiteral("smtp"));
        m_portal.setConfig(QStringLiteral("mail/smtp_url"), m_smtp.url());
        m_portal.setConfig(QStringLiteral("mail/smtp_starttls"), QStringLiteral("off"));
        m_portal.setConfig(QStringLiteral("mail/poll_interval_ms"), QStringLiteral("100"));
        m_portal.setConfig(QStringLiteral("firm/name"), QStringLiteral("Hale & Partners"));
        for (const auto &[email, role, name] : staff()) {
            if (!m_portal.createStaff(email, StaffPassword, role, name))
                return fail(why, m_portal.errorString());
        }
        if (!m_portal.start())
            return fail(why, m_portal.errorString());
        if (!m_browser.start())
            return fail(why, m_browser.errorString());
        return true;
    }

    // Signs a member of staff in to their own app instance and shows its main window;
    // returns once the first sync is done.
    Desk *signIn(const QString &email, QString *why)
    {
        auto desk = std::make_unique<Desk>();
        const QString name = email.section(u'@', 0, 0);
        desk->settings = std::make_unique<AppSettings>(m_dir.filePath(name + QStringLiteral(".ini")));
        desk->settings->setCacheFilePath(m_dir.filePath(name + QStringLiteral("-cache.sqlite")));
        desk->settings->setSyncIntervalMs(500);
        desk->session = std::make_unique<Session>(desk->settings.get(), &m_secrets);
        std::optional<Result<void>> done;
        desk->session->signIn(m_portal.baseUrl(), email, StaffPassword,
                              [&done](Result<void> r) { done = std::move(r); });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 30000) || !done->ok()) {
            fail(why, QStringLiteral("sign-in of %1 failed: %2")
                          .arg(email, done ? done->error().message : QStringLiteral("timeout")));
            return nullptr;
        }
        if (!QTest::qWaitFor([&] { return desk->session->sync()->lastSyncedAt().isValid(); }, 30000)) {
            fail(why, QStringLiteral("the first sync of %1 did not finish").arg(email));
            return nullptr;
        }
        desk->window = std::make_unique<MainWindow>(desk->session.get());
        desk->window->resize(1200, 800);
        desk->window->show();
        if (!QTest::qWaitForWindowExposed(desk->window.get())) {
            fail(why, QStringLiteral("the main window of %1 was not shown").arg(email));
            return nullptr;
        }
        m_desks.push_back(std::move(desk));
        return m_desks.back().get();
    }

    // Waits (bounded) for the next mail to `to` that was not returned before.
    std::optional<ReceivedMail> nextMail(const QString &to, int timeoutMs = 20000)
    {
        std::optional<ReceivedMail> found;
        (void)QTest::qWaitFor(
            [&] {
                const auto all = m_smtp.messages();
                for (qsizetype i = 0; i < all.size(); ++i) {
                    if (m_seenMail.contains(i))
                        continue;
                    const auto rcpt = QString::fromUtf8(all[i].rawHeader("x-rcptto") + all[i].rawHeader("to"));
                    if (!rcpt.contains(to, Qt::CaseInsensitive))
                        continue;
                    m_seenMail.insert(i);
                    found = all[i];
                    return true;
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    // The first link in a mail's text part whose path starts with `pathPrefix`.
    static QString linkIn(const ReceivedMail &mail, const QString &pathPrefix)
    {
        static const QRegularExpression url(QStringLiteral(R"(https?://[^\s"<>]+)"));
        for (auto it = url.globalMatch(mail.text); it.hasNext();) {
            const QString link = it.next().captured(0);
            if (QUrl(link).path().startsWith(pathPrefix))
                return link;
        }
        return {};
    }

    // A short code from a mail ("code: ABCD2345" or the code on a line of its own).
    static QString codeIn(const ReceivedMail &mail)
    {
        static const QRegularExpression code(QStringLiteral(R"((?:code[^:\n]*:|code)\s*\n?\s*([A-Z0-9]{4,10})\b)"),
                                             QRegularExpression::CaseInsensitiveOption);
        return code.match(mail.text).captured(1);
    }

    QString url(const QString &path) const { return m_portal.baseUrl().toString() + path; }

    static QString sha256(const QByteArray &bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

    PortalProcess &portal() { return m_portal; }
    SmtpServer &smtp() { return m_smtp; }
    BrowserDriver &browser() { return m_browser; }
    QString directory() const { return m_dir.path(); }

    // Closes dialogs the app left open (link dialogs, confirmations) between steps.
    static void closeDialogs()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
                dialog->reject();
        }
    }

    // Stops everything; a server that ended badly fails the running test.
    void stop()
    {
        m_desks.clear();
        m_browser.stop();
        m_portal.stop();
        m_smtp.stop();
    }

    struct StaffAccount
    {
        QString email, role, name;
    };
    static QList<StaffAccount> staff()
    {
        return {{QStringLiteral("paula@hale.example"), QStringLiteral("paralegal"), QStringLiteral("Paula Reed")},
                {QStringLiteral("piers@hale.example"), QStringLiteral("paralegal"), QStringLiteral("Piers Lane")},
                {QStringLiteral("hale@hale.example"), QStringLiteral("partner"), QStringLiteral("Harriet Hale")}};
    }

private:
    static bool fail(QString *why, const QString &text)
    {
        if (why)
            *why = text;
        return false;
    }

    // A port that was free a moment ago: the portal must know its public URL (which
    // goes into every mailed link) before it starts.
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const quint16 port = probe.serverPort();
        probe.close();
        return port;
    }

    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    SmtpServer m_smtp;
    PortalProcess m_portal;
    BrowserDriver m_browser;
    SecretStore m_secrets{QStringLiteral("Gatehouse-journeys")};
    std::vector<std::unique_ptr<Desk>> m_desks;
    QSet<qsizetype> m_seenMail;
};

} // namespace Gatehouse::Test
