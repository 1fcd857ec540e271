// SPDX-License-Identifier: Apache-2.0
// gatehouse_pages_dump DIR: renders every portal page with believable sample data and
// writes each to DIR/<name>.html, so scripts/screenshots-portal.sh can show pages whose
// flows are hard to reach by hand (tests/browser/preview.mjs serves them from the real
// server's origin). A tool for screenshots, not a test.
#include "common/crypto.h"
#include "config.h"
#include "pages/pages.h"
#include "secrets/keyring.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace Gatehouse;
using namespace Gatehouse::Server;

namespace {

HttpRequest sampleRequest()
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/portal/x");
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: gatehouse_pages_dump DIR\n");
        return 2;
    }
    const QString dir = args.at(1);
    CryptoRuntime crypto;
    if (!crypto.check().ok()) {
        std::fprintf(stderr, "gatehouse_pages_dump: QCA is not usable\n");
        return 1;
    }
    QTemporaryDir keys;
    Config config;
    config.firmName = QStringLiteral("Example & Partners");
    config.publicUrl = QStringLiteral("http://127.0.0.1:8080");
    auto keyring = Keyring::loadOrCreate(keys.filePath(QStringLiteral("portal.secrets")));
    if (!keyring) {
        std::fprintf(stderr, "gatehouse_pages_dump: %s\n", qPrintable(keyring.error().message));
        return 1;
    }
    const Pages site(config, *keyring);

    const HttpRequest r = sampleRequest();
    HubView hub;
    hub.clientName = QStringLiteral("Ada Lovelace");
    hub.matter = QStringLiteral("Purchase of 12 Harbour Street");
    hub.partnerName = QStringLiteral("Jo Marsh");
    hub.partnerEmail = QStringLiteral("jo.marsh@firm.test");
    hub.documents.append({QStringLiteral("Engagement letter.pdf"), 182000,
                          QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC), QStringLiteral("/portal/x")});
    hub.documents.append({QStringLiteral("Draft contract v2.docx"), 48200,
                          QDateTime(QDate(2026, 11, 26), QTime(16, 2), Qt::UTC), QStringLiteral("/portal/y")});
    hub.lastAccess = HubView::Access{QDateTime(QDate(2026, 11, 27), QTime(18, 41), Qt::UTC),
                                     QStringLiteral("203.0.113.7"), QStringLiteral("Firefox on Windows")};
    hub.sessions.append({QStringLiteral("Chrome on Linux"), QStringLiteral("127.0.0.1"),
                         QDateTime(QDate(2026, 11, 28), QTime(9, 1), Qt::UTC),
                         QDateTime(QDate(2026, 11, 28), QTime(9, 5), Qt::UTC), true});
    hub.sessions.append({QStringLiteral("Safari on iPhone"), QStringLiteral("198.51.100.20"),
                         QDateTime(QDate(2026, 11, 25), QTime(7, 12), Qt::UTC),
                         QDateTime(QDate(2026, 11, 27), QTime(18, 41), Qt::UTC), false});
    Pages::ProblemOptions resend;
    resend.resendAction = QStringLiteral("/portal/x/resend");
    resend.retryAfterSeconds = 2400;
    const QList<QPair<const char *, HttpResponse>> pages{
        {"continue", site.continuePage(r, QStringLiteral("/portal/x"), QStringLiteral("Ada"), false)},
        {"hub", site.hub(r, hub)},
        {"sign-in", site.signInForm(r)},
        {"check-email", site.checkEmail()},
        {"code", site.codeEntry(r, QStringLiteral("/portal/x"))},
        {"verify", site.verify(r, VerifyView{QStringLiteral("a•••@example.org"), false, {}})},
        {"verify-code-sent", site.verify(r, VerifyView{QStringLiteral("a•••@example.org"), true, {}})},
        {"phone", site.phone(r, PhoneView{QStringLiteral("482913"), QStringLiteral("Jo Marsh"), false})},
        {"document", site.document(DocumentView{QStringLiteral("Engagement letter.pdf"), QStringLiteral("Ada"), 182000,
                                                QDateTime::currentDateTimeUtc(), QStringLiteral("/d/x/download")})},
        {"used", site.problem(r, ProblemPage::LinkUsed, resend)},
        {"expired", site.problem(r, ProblemPage::LinkExpired, resend)},
        {"not-valid", site.problem(r, ProblemPage::LinkUnknown)},
        {"revoked", site.problem(r, ProblemPage::AccessRevoked)},
        {"rate-limited", site.problem(r, ProblemPage::RateLimited, resend)},
        {"csrf", site.problem(r, ProblemPage::CsrfFailed)},
        {"signed-out", site.problem(r, ProblemPage::SignedOut)},
        {"not-signed-in", site.problem(r, ProblemPage::SessionEnded)},
        {"error", site.problem(r, ProblemPage::ServerError)},
        {"code-locked", site.problem(r, ProblemPage::CodeLocked, resend)},
        {"verify-elsewhere", site.problem(r, ProblemPage::VerifyElsewhere)},
        {"end-session",
         site.endSession(r, EndSessionView{QStringLiteral("Firefox on Windows"), QStringLiteral("203.0.113.7"),
                                           QDateTime(QDate(2026, 11, 27), QTime(18, 41), Qt::UTC),
                                           QStringLiteral("/portal/end-session/x/y"), false})},
        {"session-ended", site.endSession(r, EndSessionView{QStringLiteral("Firefox on Windows"), {}, {}, {}, true})},
    };
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "gatehouse_pages_dump: cannot create %s\n", qPrintable(dir));
        return 1;
    }
    for (const auto &[name, response] : pages) {
        QFile file(QDir(dir).filePath(QString::fromLatin1(name) + u".html"));
        if (!file.open(QIODevice::WriteOnly) || file.write(response.body) != response.body.size()) {
            std::fprintf(stderr, "gatehouse_pages_dump: cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
    }
    return 0;
}
