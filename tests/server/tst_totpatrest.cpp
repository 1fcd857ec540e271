// SPDX-License-Identifier: Apache-2.0
// TOTP secrets at rest (SPEC R1) against the real server and its real SQLite file: the
// database holds only "v1:" AES-256-GCM sealed secrets, a secret stored in clear by an
// older version is accepted once and sealed on that sign-in, and a sealed secret moved
// to another account's row or altered does not open (sign-in fails closed).
#include "apitestkit.h"
#include "auth/totp.h"
#include "common/crypto.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString Password = QStringLiteral("totp at rest password");
const QString Alice = QStringLiteral("alice@firm.example");
const QString Bob = QStringLiteral("bob@firm.example");
const QString Carol = QStringLiteral("carol@firm.example");

} // namespace

class TestTotpAtRest : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_aliceSecret;
    qint64 m_aliceStep = 0; // the last step used for Alice

    // Runs one statement on the server's database file beside the running server (WAL).
    QVariant sql(const QString &statement, const QVariantList &values = {})
    {
        QVariant result;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("atrest"));
            db.setDatabaseName(m_portal.databasePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(statement);
                for (const auto &v : values)
                    q.addBindValue(v);
                if (!q.exec())
                    qWarning("%s", qPrintable(q.lastError().text()));
                else if (q.next())
                    result = q.value(0);
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("atrest"));
        return result;
    }

    QString storedSecret(const QString &email)
    {
        return sql(QStringLiteral("SELECT totp_secret FROM staff WHERE email = ?"), {email}).toString();
    }

    qint64 nowStep() const { return Server::Totp::stepAt(QDateTime::currentDateTimeUtc()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        for (const auto &email : {Alice, Bob, Carol})
            QVERIFY(m_portal.createStaff(email, Password, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
    }

    void enrol_pendingAndConfirmedSecret_storedSealed()
    {
        const QByteArray token = m_api.signIn(Alice, Password);
        QVERIFY(!token.isEmpty());
        const auto start = m_api.callJson("POST", QStringLiteral("/api/v1/me/totp"), token, {});
        QCOMPARE(start.status, 201);
        const QString base32 = start.json().value(QStringLiteral("secret")).toString();
        m_aliceSecret = Server::Totp::fromBase32(base32).value_or(QByteArray());
        QVERIFY(!m_aliceSecret.isEmpty());

        const QString pending =
            sql(QStringLiteral("SELECT totp_pending_secret FROM staff WHERE email = ?"), {Alice}).toString();
        QVERIFY2(pending.startsWith(u"v1:"), qPrintable(pending));
        QVERIFY(!pending.contains(base32));

        m_aliceStep = nowStep();
        QCOMPARE(m_api
                     .callJson("POST", QStringLiteral("/api/v1/me/totp/confirm"), token,
                               {{QStringLiteral("code"), Server::Totp::codeAt(m_aliceSecret, m_aliceStep)}})
                     .status,
                 200);
        const QString stored = storedSecret(Alice);
        QVERIFY2(stored.startsWith(u"v1:"), qPrintable(stored));
        QVERIFY(!stored.contains(base32));
        // Nowhere in the file, in any encoding we know.
        m_portal.stop();
        QFile file(m_portal.databasePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(base32.toLatin1()));
        QVERIFY(!bytes.contains(m_aliceSecret));
        QVERIFY(!bytes.contains(m_aliceSecret.toHex()));
        QVERIFY(!bytes.contains(m_aliceSecret.toBase64()));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
    }

    void sealedSecret_signInWithCode_works()
    {
        QCOMPARE(m_api.signInRaw(Alice, Password).json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("totp_required"));
        const auto r = m_api.signInRaw(Alice, Password, Server::Totp::codeAt(m_aliceSecret, ++m_aliceStep));
        QCOMPARE(r.status, 201);
    }

    void legacyPlaintext_acceptedOnceThenResealed()
    {
        // What a server from before encryption at rest left behind: bare base32.
        const QByteArray secret = Server::Totp::newSecret();
        const QString base32 = Server::Totp::toBase32(secret);
        sql(QStringLiteral("UPDATE staff SET totp_secret = ?, totp_last_step = 0 WHERE email = ?"), {base32, Bob});
        QCOMPARE(storedSecret(Bob), base32);

        QCOMPARE(m_api.signInRaw(Bob, Password).json().value(QStringLiteral("code")).toString(),
                 QStringLiteral("totp_required"));
        const qint64 step = nowStep();
        QCOMPARE(m_api.signInRaw(Bob, Password, Server::Totp::codeAt(secret, step)).status, 201);
        const QString resealed = storedSecret(Bob);
        QVERIFY2(resealed.startsWith(u"v1:"), qPrintable(resealed));
        QVERIFY(!resealed.contains(base32));
        // The sealed form keeps working.
        QCOMPARE(m_api.signInRaw(Bob, Password, Server::Totp::codeAt(secret, step + 1)).status, 201);
    }

    void sealedSecret_movedToAnotherAccount_doesNotOpen()
    {
        // Carol's row gets Alice's sealed secret: Alice's codes must not work for Carol.
        sql(QStringLiteral("UPDATE staff SET totp_secret = (SELECT totp_secret FROM staff WHERE email = ?), "
                           "totp_last_step = 0 WHERE email = ?"),
            {Alice, Carol});
        QVERIFY(storedSecret(Carol).startsWith(u"v1:"));
        const auto r = m_api.signInRaw(Carol, Password, Server::Totp::codeAt(m_aliceSecret, nowStep()));
        QVERIFY2(r.status != 201, r.body.constData());
        QVERIFY(!r.body.contains("token"));
        QVERIFY(m_api.healthy());
    }

    void sealedSecret_altered_doesNotOpen()
    {
        QString stored = storedSecret(Alice);
        // Flip one character of the ciphertext part (base64url stays valid).
        const int at = stored.size() - 10;
        stored[at] = stored.at(at) == u'A' ? u'B' : u'A';
        sql(QStringLiteral("UPDATE staff SET totp_secret = ? WHERE email = ?"), {stored, Alice});
        const auto r = m_api.signInRaw(Alice, Password, Server::Totp::codeAt(m_aliceSecret, ++m_aliceStep));
        QVERIFY2(r.status != 201, r.body.constData());
        QVERIFY(m_api.healthy());
        // Nothing about the secret reaches the log.
        QVERIFY(!m_portal.serverLog().contains(Server::Totp::toBase32(m_aliceSecret).toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestTotpAtRest)
#include "tst_totpatrest.moc"
