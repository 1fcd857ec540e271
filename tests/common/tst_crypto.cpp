// SPDX-License-Identifier: Apache-2.0
#include "common/crypto.h"

#include <QSet>
#include <QTest>

using namespace Gatehouse;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_runtime = std::make_unique<CryptoRuntime>();
        const auto ok = m_runtime->check();
        QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().message));
    }

    void sha256_knownVector_matches()
    {
        // FIPS 180-2 example "abc".
        QCOMPARE(Crypto::sha256Hex("abc"),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(Crypto::sha256(QByteArray()).size(), 32);
    }

    void hmacSha256_rfc4231Case2_matches()
    {
        QCOMPARE(Crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void newToken_is43Base64UrlCharsAndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const auto token = Crypto::newToken();
            QCOMPARE(token.size(), 43);
            QVERIFY(Crypto::looksLikeToken(token));
            bool ok = false;
            QCOMPARE(Crypto::fromBase64Url(token.toLatin1(), &ok).size(), 32);
            QVERIFY(ok);
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 200);
    }

    void looksLikeToken_rejectsBadShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << QStringLiteral("abc");
        QTest::newRow("44 chars") << QString(44, u'A');
        QTest::newRow("padding") << QString(42, u'A') + u'=';
        QTest::newRow("plus") << QString(42, u'A') + u'+';
        QTest::newRow("slash") << QString(42, u'A') + u'/';
        QTest::newRow("non-ascii") << QString(42, u'A') + QChar(0x00e9);
        QTest::newRow("space") << QString(42, u'A') + u' ';
    }

    void looksLikeToken_rejectsBadShapes()
    {
        QFETCH(QString, text);
        QVERIFY(!Crypto::looksLikeToken(text));
    }

    void constantTimeEquals_comparesContentAndLength()
    {
        QVERIFY(Crypto::constantTimeEquals("same", "same"));
        QVERIFY(!Crypto::constantTimeEquals("same", "sane"));
        QVERIFY(!Crypto::constantTimeEquals("same", "same!"));
        QVERIFY(Crypto::constantTimeEquals(QByteArray(), QByteArray()));
    }

    void fromBase64Url_rejectsGarbage()
    {
        bool ok = true;
        Crypto::fromBase64Url("not base64url!", &ok);
        QVERIFY(!ok);
        const QByteArray binary("\xff\xfe\x00 hello", 9);
        QCOMPARE(Crypto::fromBase64Url(Crypto::toBase64Url(binary), &ok), binary);
        QVERIFY(ok);
    }

private:
    std::unique_ptr<CryptoRuntime> m_runtime;
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
