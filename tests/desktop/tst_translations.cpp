// SPDX-License-Identifier: Apache-2.0
// The Italian catalogue is compiled and reaches the real widgets: a translator can
// follow the main workflow (sign in, invite, revoke, audit, the mail outbox) in Italian.
// The catalogue source itself is checked too: nothing unfinished, and every translation
// keeps the placeholders, plural forms and accelerators of its English text.
#include "model/appsettings.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/mailoutboxdialog.h"
#include "ui/revokedialog.h"
#include "ui/signindialog.h"

#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

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
        QTest::newRow("outbox menu") << QStringLiteral("Gatehouse::MailOutboxDialog") << QStringLiteral("&Mail outbox…")
                                     << QStringLiteral("&Posta in uscita…");
        QTest::newRow("outbox state") << QStringLiteral("Gatehouse::MailOutboxModel") << QStringLiteral("Dead")
                                      << QStringLiteral("Non recapitabile");
        // Looked up under the context relativeTime() uses at run time.
        QTest::newRow("relative time") << QStringLiteral("Gatehouse::RelativeTime") << QStringLiteral("yesterday")
                                       << QStringLiteral("ieri");
    }

    void translate_workflowStrings_haveItalianText()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, italian);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), italian);
    }

    void translate_pluralForms_followItalianRules_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("italian");
        QTest::newRow("one minute") << QStringLiteral("Gatehouse::RelativeTime") << QStringLiteral("%n minutes ago")
                                    << 1 << QStringLiteral("1 minuto fa");
        QTest::newRow("five minutes") << QStringLiteral("Gatehouse::RelativeTime") << QStringLiteral("%n minutes ago")
                                      << 5 << QStringLiteral("5 minuti fa");
        QTest::newRow("one message") << QStringLiteral("Gatehouse::MailOutboxDialog")
                                     << QStringLiteral("%n message(s).") << 1 << QStringLiteral("1 messaggio.");
        QTest::newRow("no messages") << QStringLiteral("Gatehouse::MailOutboxDialog")
                                     << QStringLiteral("%n message(s).") << 0 << QStringLiteral("0 messaggi.");
    }

    void translate_pluralForms_followItalianRules()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, italian);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData(), nullptr, n),
                 italian);
    }

    void catalogue_italian_everyStringFinishedWithPlaceholdersAndAccelerators()
    {
        QFile file(QStringLiteral(GATEHOUSE_TS_DIR "/gatehouse_it.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QXmlStreamReader xml(&file);
        QString context, source;
        QStringList forms;
        bool numerus = false;
        bool unfinished = false;
        int messages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == u"name") {
                    context = xml.readElementText();
                } else if (xml.name() == u"message") {
                    forms.clear();
                    numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
                } else if (xml.name() == u"source") {
                    source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    unfinished = xml.attributes().value(QLatin1StringView("type")) == u"unfinished";
                    if (!numerus)
                        forms << xml.readElementText();
                } else if (xml.name() == u"numerusform") {
                    forms << xml.readElementText();
                }
            } else if (xml.isEndElement() && xml.name() == u"message") {
                ++messages;
                const QString where = context + QStringLiteral(" / ") + source;
                if (unfinished || forms.isEmpty() || forms.contains(QString()))
                    problems << QStringLiteral("unfinished: ") + where;
                else if (const auto problem = checkTranslation(source, forms); !problem.isEmpty())
                    problems << problem + QStringLiteral(": ") + where;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 500);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
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
        // No server: the outbox explains in Italian that it could not load.
        MailOutboxDialog outbox(nullptr);
        QCOMPARE(outbox.windowTitle(), QStringLiteral("Posta in uscita"));
        QCOMPARE(outbox.retryButton()->text(), QStringLiteral("&Riprova"));
        QTRY_VERIFY(outbox.messageText().startsWith(QStringLiteral("Impossibile caricare la posta in uscita")));
    }

private:
    // Why a translation does not fit its source (empty when it does): every %1..%9 kept in
    // each form, %n in the plural form, and one accelerator when the source has one.
    static QString checkTranslation(const QString &source, const QStringList &forms)
    {
        static const QRegularExpression placeholder(QStringLiteral("%[1-9n]"));
        static const QRegularExpression accelerator(QStringLiteral("&(?![&\\s])"));
        const bool plural = forms.size() > 1;
        for (auto it = placeholder.globalMatch(source); it.hasNext();) {
            const QString p = it.next().captured();
            for (int i = 0; i < forms.size(); ++i) {
                // The singular form may spell out "one" instead of %n.
                if (p == u"%n" && plural && i < forms.size() - 1)
                    continue;
                if (!forms.at(i).contains(p))
                    return QStringLiteral("placeholder %1 missing").arg(p);
            }
        }
        const qsizetype wanted = source.count(accelerator);
        for (const auto &form : forms) {
            if (form.count(accelerator) != qMin<qsizetype>(wanted, 1))
                return QStringLiteral("accelerator mismatch");
        }
        return {};
    }

    QTranslator m_italian;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
