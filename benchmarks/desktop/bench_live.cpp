// SPDX-License-Identifier: Apache-2.0
// How long a colleague's change takes to appear in another signed-in app (D9): a real
// gatehouse-portal on loopback, one app (Session) signed in with polling set to a
// minute, and 50 clients created one after another through the staff API by a second
// staff member. Each delay runs from just before the API call until the app's cache
// holds the new client. Prints p50, p95 and the worst, in milliseconds.
// Run: GATEHOUSE_PORTAL_BIN=build/.../server/gatehouse-portal bench_live
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "model/syncengine.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace Gatehouse;
using namespace Gatehouse::Test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    CryptoRuntime crypto;
    if (!crypto.check())
        return 1;
    const QString password = QStringLiteral("correct horse battery staple");
    PortalProcess portal;
    if (!portal.start() ||
        !portal.createStaff(QStringLiteral("paola@firm.example"), password, QStringLiteral("paralegal")) ||
        !portal.createStaff(QStringLiteral("carlo@firm.example"), password, QStringLiteral("paralegal"))) {
        std::fprintf(stderr, "cannot start the portal: %s\n", qPrintable(portal.errorString()));
        return 1;
    }
    const auto login =
        httpRequest("POST", portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/session"))),
                    QJsonDocument(QJsonObject{{QStringLiteral("email"), QStringLiteral("carlo@firm.example")},
                                              {QStringLiteral("password"), password}})
                        .toJson(),
                    {{"Content-Type", "application/json"}});
    const QByteArray colleague = login.json().value(QStringLiteral("token")).toString().toUtf8();

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setCacheFilePath(dir.filePath(QStringLiteral("cache.sqlite")));
    settings.setSyncIntervalMs(60000);
    SecretStore secrets(QStringLiteral("Gatehouse-bench"));
    Session session(&settings, &secrets);
    std::optional<Result<void>> signedIn;
    session.signIn(portal.baseUrl(), QStringLiteral("paola@firm.example"), password,
                   [&](Result<void> r) { signedIn = std::move(r); });
    if (!QTest::qWaitFor([&] { return signedIn.has_value(); }, 20000) || !signedIn->ok() ||
        !QTest::qWaitFor([&] { return session.sync()->isLive(); }, 20000)) {
        std::fprintf(stderr, "the app did not sign in and go live\n");
        return 1;
    }

    QList<double> delays;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto created = httpRequest(
            "POST", portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/clients"))),
            QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Client %1").arg(i)},
                                      {QStringLiteral("email"), QStringLiteral("c%1@client.example").arg(i)},
                                      {QStringLiteral("matter"), QStringLiteral("Matter %1").arg(i)}})
                .toJson(),
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + colleague}});
        const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
        if (created.status != 201 || !QTest::qWaitFor([&] { return session.cache()->client(id).has_value(); }, 70000)) {
            std::fprintf(stderr, "change %d did not arrive\n", i);
            return 1;
        }
        delays << double(timer.nsecsElapsed()) / 1e6;
        // Spread the changes out a little, as people type.
        QTest::qWait(50 + i % 7 * 30);
    }
    std::sort(delays.begin(), delays.end());
    std::printf("live change delay over %lld changes (polling set to 60 s): p50 %.0f ms, p95 %.0f ms, worst %.0f ms\n",
                qint64(delays.size()), delays.at(delays.size() / 2), delays.at(int(delays.size() * 0.95)),
                delays.constLast());
    return portal.stop() ? 0 : 1;
}
