// SPDX-License-Identifier: Apache-2.0
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkProxyFactory>
#include <QStyleFactory>
#include <cstdio>

using namespace Gatehouse;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationDomain(QStringLiteral("gatehouse.invalid"));
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Manage access to your firm's client portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QApplication::translate("main", "Preset the server address."),
                                          QApplication::translate("main", "URL"));
    parser.addOption(serverOption);
    parser.process(app);

    CryptoRuntime crypto;
    if (const auto ok = crypto.check(); !ok) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Gatehouse cannot start"), ok.error().message);
        return 1;
    }
    // Firms often route traffic through a proxy; use what the system is configured with.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    AppSettings settings;
    if (parser.isSet(serverOption)) {
        const auto server = parser.value(serverOption);
        if (const auto problem = SignInDialog::validateServerUrl(server); !problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(problem));
            return 2;
        }
        settings.setServerUrl(QUrl(server.trimmed()));
    }

    SecretStore secrets;
    Session session(&settings, &secrets);
    MainWindow window(&session);
    window.start();
    return QApplication::exec();
}
