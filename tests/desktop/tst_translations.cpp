// SPDX-License-Identifier: Apache-2.0
// The Italian catalogue is compiled and reaches the real widgets: a translator can
// follow the main workflow (sign in, invite, revoke, audit) in Italian.
#include "model/appsettings.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/revokedialog.h"
#include "ui/signindialog.h"

#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Gatehouse;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_italian.load(QStringLiteral("gatehouse_it"), QStringLiteral(GATEHOUSE_QM_DIR)),
                 "gatehouse_it.qm was not built next to the app");
        QCoreApplication::installTranslator(&m_italian);
    }

    void translate_workflowStrings_haveItalianText_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("italian");
        QTest::newRow("menu") << QStringLiteral("Gatehouse::MainWindow") << QStringLiteral("&Invite…")
                              << QStringLiteral("&Invita…");
        QTest::newRow("status") << QStringLiteral("Gatehouse::ClientListModel") << QStringLiteral("Revoked")
                                << QStringLiteral("Revocato");
        QTest::newRow("managed") << QStringLiteral("Gatehouse::SignInDialog")
                                 << QStringLiteral("Managed by your organisation")
                                 << QStringLiteral("Gestito dalla tua organizzazione");
        QTest::newRow("audit") << QStringLiteral("Gatehouse::AuditViewer") << QStringLiteral("Export to &CSV…")
                               << QStringLiteral("Esporta in &CSV…");
    }

    void translate_workflowStrings_haveItalianText()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, italian);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), italian);
    }

    void dialogs_underItalian_showItalianText()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("s.ini")));
        SecretStore secrets;
        Session session(&settings, &secrets);
        SignInDialog signIn(&session);
        QCOMPARE(signIn.windowTitle(), QStringLiteral("Accedi a Gatehouse"));
        ClientRecord c;
        c.name = QStringLiteral("Maria Rossi");
        RevokeDialog revoke(&session, c, RevokeDialog::Action::Revoke);
        QCOMPARE(revoke.confirmButton()->text(), QStringLiteral("Revoca l'accesso"));
        QVERIFY(revoke.consequenceText().startsWith(QStringLiteral("Il link che ha Maria")));
    }

private:
    QTranslator m_italian;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
