// SPDX-License-Identifier: Apache-2.0
// SPEC B4 at the level where the clock can be moved: short codes (cross-device sign-in,
// browser verification, phone) are stored only as HMAC, expire after 10 minutes, count
// only wrong tries, and die after the fifth. Real SQLite with the real migrations.
#include "common/crypto.h"
#include "secrets/keyring.h"
#include "sessions/shortcodes.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/storage.h"
#include "storage/writetransaction.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Server;

class TestShortCodes : public QObject
{
    Q_OBJECT

    CryptoRuntime m_crypto; // first: QCA must outlive every key and hash below
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::optional<Keyring> m_keyring;
    qint64 m_clientId = 0;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();

    // Issues a mailed code bound to `nonce` and returns it with its stored row.
    std::pair<QString, SessionStore::ShortCode> issue(QSqlDatabase &db, const ShortCodes &codes, const QString &nonce)
    {
        auto code = codes.issueMailedCode(db, m_clientId, 0, nonce, m_now);
        if (!code)
            return {};
        auto row = SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, nonce);
        if (!row || !row->has_value())
            return {};
        return {*code, **row};
    }

    static QString wrong(const QString &code)
    {
        return code == u"000000" ? QStringLiteral("111111") : QStringLiteral("000000");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = std::make_unique<Database>(m_dir.filePath(QStringLiteral("codes.db")));
        QVERIFY(m_database->migrate().ok());
        auto keyring = Keyring::loadOrCreate(m_dir.filePath(QStringLiteral("keys")));
        QVERIFY(keyring.ok());
        m_keyring = *keyring;
        auto client = Storage(*m_database)
                          .insertClient({QStringLiteral("Ada"), QStringLiteral("ada@x.example"), QStringLiteral("M")});
        QVERIFY(client.ok());
        m_clientId = client->id;
    }

    void mailedCode_storedOnlyAsHmac()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const auto [code, row] = issue(db, codes, QStringLiteral("token:1"));
        QCOMPARE(code.size(), 6);
        QCOMPARE(row.codeHmac.size(), 64);
        QVERIFY(!row.codeHmac.contains(code));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM short_codes")));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                QVERIFY2(q.value(i).toString() != code, "the code itself is stored");
        }
        QCOMPARE(row.expiresAt, m_now.addSecs(600));
        tx.rollback();
    }

    void check_withinTenMinutes_confirmsOnce()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const auto [code, row] = issue(db, codes, QStringLiteral("token:2"));
        auto ok = codes.check(db, row, m_clientId, ShortCodes::CrossDevicePurpose, code, m_now.addSecs(599));
        QVERIFY(ok.ok());
        QCOMPARE(ok->result, ShortCodes::Check::Confirmed);
        // Used up: the row is no longer found for its link.
        auto again =
            SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, QStringLiteral("token:2"));
        QVERIFY(again.ok());
        QVERIFY(!again->has_value());
        tx.rollback();
    }

    void check_afterTenMinutes_expired()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const auto [code, row] = issue(db, codes, QStringLiteral("token:3"));
        auto late = codes.check(db, row, m_clientId, ShortCodes::CrossDevicePurpose, code, m_now.addSecs(600));
        QVERIFY(late.ok());
        QCOMPARE(late->result, ShortCodes::Check::NoCode);
        tx.rollback();
    }

    void check_fourWrongThenRight_confirms()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const QString nonce = QStringLiteral("token:4");
        const QString code = issue(db, codes, nonce).first;
        for (int i = 0; i < 4; ++i) {
            auto row = SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, nonce);
            QVERIFY(row.ok() && row->has_value());
            auto r = codes.check(db, **row, m_clientId, ShortCodes::CrossDevicePurpose, wrong(code), m_now);
            QVERIFY(r.ok());
            QCOMPARE(r->result, ShortCodes::Check::Wrong);
            QCOMPARE(r->attemptsLeft, 4 - i);
        }
        auto row = SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, nonce);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE((*row)->attempts, 4);
        auto right = codes.check(db, **row, m_clientId, ShortCodes::CrossDevicePurpose, code, m_now);
        QVERIFY(right.ok());
        QCOMPARE(right->result, ShortCodes::Check::Confirmed);
        tx.rollback();
    }

    void check_fiveWrong_killsEvenTheRightCode()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const QString nonce = QStringLiteral("token:5");
        const QString code = issue(db, codes, nonce).first;
        ShortCodes::Check last = ShortCodes::Check::NoCode;
        for (int i = 0; i < 5; ++i) {
            auto row = SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, nonce);
            QVERIFY(row.ok() && row->has_value());
            auto r = codes.check(db, **row, m_clientId, ShortCodes::CrossDevicePurpose, wrong(code), m_now);
            QVERIFY(r.ok());
            last = r->result;
        }
        QCOMPARE(last, ShortCodes::Check::Locked);
        auto row = SessionStore::codeByNonce(db, m_clientId, ShortCodes::CrossDevicePurpose, nonce);
        QVERIFY(row.ok() && row->has_value());
        auto right = codes.check(db, **row, m_clientId, ShortCodes::CrossDevicePurpose, code, m_now);
        QVERIFY(right.ok());
        QCOMPARE(right->result, ShortCodes::Check::Locked);
        tx.rollback();
    }

    void check_codeOfAnotherLinkOrPurpose_wrong()
    {
        const ShortCodes codes(*m_keyring);
        WriteTransaction tx(*m_database);
        QVERIFY(tx.begin().ok());
        auto db = tx.connection();
        const auto [codeA, rowA] = issue(db, codes, QStringLiteral("token:6"));
        const auto [codeB, rowB] = issue(db, codes, QStringLiteral("token:7"));
        if (codeA != codeB) {
            auto crossed = codes.check(db, rowB, m_clientId, ShortCodes::CrossDevicePurpose, codeA, m_now);
            QVERIFY(crossed.ok());
            QCOMPARE(crossed->result, ShortCodes::Check::Wrong);
        }
        // The HMAC binds the purpose: a cross-device code is no phone code.
        auto asPhone = codes.check(db, rowA, m_clientId, ShortCodes::PhonePurpose, codeA, m_now);
        QVERIFY(asPhone.ok());
        QCOMPARE(asPhone->result, ShortCodes::Check::Wrong);
        tx.rollback();
    }

    void cleanupTestCase() { Database::closeThreadConnection(); }
};

QTEST_GUILESS_MAIN(TestShortCodes)
#include "tst_shortcodes.moc"
