// SPDX-License-Identifier: Apache-2.0
#include "common/crypto.h"
#include "model/appsettings.h"
#include "model/logfile.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/mainwindow.h"
#include "ui/palette.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkProxyFactory>
#include <QSysInfo>
#include <QTranslator>
#include <cstdio>

using namespace Gatehouse;

int main(int argc, char *argv[])
{
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationDomain(QStringLiteral("gatehouse.invalid"));
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));

    // Parsed before QApplication exists so --version and --help work without a display
    // (packaging checks and IT scripts run them on headless machines).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Manage access to your firm's client portal."));
    const auto helpOption = parser.addHelpOption();
    const auto versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QApplication::translate("main", "Preset the server address."),
                                          QApplication::translate("main", "URL"));
    parser.addOption(serverOption);
    const QCommandLineOption paletteOption(QStringLiteral("palette"),
                                           QApplication::translate("main", "Colours: light, dark or system."),
                                           QApplication::translate("main", "NAME"), QStringLiteral("system"));
    parser.addOption(paletteOption);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(serverOption)) {
        if (const auto problem = SignInDialog::validateServerUrl(parser.value(serverOption)); !problem.isEmpty()) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(problem));
            return 2;
        }
    }

    QApplication app(argc, argv);
    // From here on every message also lands, redacted, in the rotating log file IT asks
    // for (docs/deployment.md); Help → Copy diagnostics includes its newest lines.
    LogFile log(LogFile::defaultPath());
    LogFile::install(&log);
    struct Uninstall
    {
        ~Uninstall() { LogFile::install(nullptr); }
    } uninstall;
    qInfo("Gatehouse %s starting (Qt %s, %s)", GATEHOUSE_VERSION, qVersion(),
          qUtf8Printable(QSysInfo::prettyProductName()));
    QApplication::setStyle(createAppStyle());
    if (parser.value(paletteOption) == u"dark")
        QApplication::setPalette(darkPalette());
    else if (parser.value(paletteOption) == u"light")
        QApplication::setPalette(lightPalette());

    // Our catalogue (compiled into the binary) plus Qt's own for standard buttons.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("gatehouse"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    CryptoRuntime crypto;
    if (const auto ok = crypto.check(); !ok) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Gatehouse cannot start"), ok.error().message);
        return 1;
    }
    // Firms often route traffic through a proxy; use what the system is configured with.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    AppSettings settings;
    if (parser.isSet(serverOption))
        settings.setServerUrl(QUrl(parser.value(serverOption).trimmed()));

    SecretStore secrets;
    Session session(&settings, &secrets);
    MainWindow window(&session);
    window.start();
    return QApplication::exec();
}
