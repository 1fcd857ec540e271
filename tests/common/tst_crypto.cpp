// SPDX-License-Identifier: Apache-2.0
#include "common/crypto.h"

#include <QSet>
#include <QTest>
#include <QtAlgorithms>

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

    // FIPS 180-2 / NIST examples: pin the digest so swapping the implementation (QCA,
    // Qt, OpenSSL) cannot silently change stored token and session hashes.
    void sha256_knownVector_matches_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QStringLiteral(
                                           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << QStringLiteral(
                                          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void sha256_knownVector_matches()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, hex);
        QCOMPARE(Crypto::sha256Hex(message), hex);
        QCOMPARE(Crypto::sha256(message).toHex(), hex.toLatin1());
    }

    // RFC 4231 section 4 test cases 1-7 (case 5 compares the 128-bit truncation, as
    // the RFC does). Cases 6 and 7 use a key longer than the block, which HMAC hashes first.
    void hmacSha256_rfc4231_matches_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("hex");
        QByteArray key4;
        for (char b = 0x01; b <= 0x19; ++b)
            key4.append(b);
        QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                                << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                                << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("case 4") << key4 << QByteArray(50, '\xcd')
                                << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("case 5 truncated") << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
                                          << QByteArray("a3b6167473100ee06e0c796c2955552b");
        QTest::newRow("case 6 long key") << QByteArray(131, '\xaa')
                                         << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                                         << QByteArray(
                                                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("case 7 long key and data")
            << QByteArray(131, '\xaa')
            << QByteArray("This is a test using a larger than block-size key and a larger than block-size data. The "
                          "key needs to be hashed before being used by the HMAC algorithm.")
            << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    void hmacSha256_rfc4231_matches()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, hex);
        const QByteArray mac = Crypto::hmacSha256(key, data);
        QCOMPARE(mac.size(), 32);
        QCOMPARE(mac.toHex().left(hex.size()), hex);
    }

    // Views into larger buffers (not NUL-terminated, offset) must MAC only their bytes.
    void hmacSha256_viewsIntoBuffer_macOnlyTheViewedBytes()
    {
        const QByteArray buffer("xxJefeyywhat do ya want for nothing?zz");
        const QByteArrayView key = QByteArrayView(buffer).sliced(2, 4);
        const QByteArrayView data = QByteArrayView(buffer).sliced(8, 28);
        QCOMPARE(Crypto::hmacSha256(key, data).toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // A different key or message gives a different MAC.
        QVERIFY(Crypto::hmacSha256("Jefe", "what do ya want for nothing!") != Crypto::hmacSha256(key, data));
        QVERIFY(Crypto::hmacSha256("Jeff", "what do ya want for nothing?") != Crypto::hmacSha256(key, data));
    }

    // RFC 2202 cases 1 and 2 (TOTP, RFC 6238, uses HMAC-SHA-1).
    void hmacSha1_rfc2202_matches()
    {
        QCOMPARE(Crypto::hmacSha1(QByteArray(20, '\x0b'), "Hi There").toHex(),
                 QByteArray("b617318655057264e28bc0b6fb378c8ef146be00"));
        QCOMPARE(Crypto::hmacSha1("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
    }

    // Lengths around the 256-byte chunk getentropy() serves per call.
    void randomBytes_length_matchesRequest_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {0, 1, 3, 4, 5, 16, 32, 255, 256, 257, 512, 1000})
            QTest::addRow("%d", count) << count;
    }

    void randomBytes_length_matchesRequest()
    {
        QFETCH(int, count);
        QCOMPARE(Crypto::randomBytes(count).size(), qsizetype(count));
    }

    void randomBytes_negativeCount_isEmpty() { QVERIFY(Crypto::randomBytes(-1).isEmpty()); }

    void randomBytes_repeatedCalls_differ()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(Crypto::randomBytes(16));
        QCOMPARE(seen.size(), 1000);
    }

    // Every part of a long request is filled (a chunking bug would leave zeros or a
    // repeated block), and the bits look balanced: 64 KiB of uniform bits have one-bit
    // share 0.5 +- 0.002 (one standard deviation); 0.49-0.51 is far outside chance.
    void randomBytes_longRequest_isFilledAndBalanced()
    {
        const QByteArray bytes = Crypto::randomBytes(65536);
        QCOMPARE(bytes.size(), 65536);
        QSet<QByteArray> chunks;
        for (qsizetype at = 0; at < bytes.size(); at += 256) {
            const QByteArray chunk = bytes.mid(at, 256);
            QVERIFY2(chunk != QByteArray(256, '\0'), qPrintable(QStringLiteral("zero chunk at %1").arg(at)));
            chunks.insert(chunk);
        }
        QCOMPARE(chunks.size(), 256);
        qint64 ones = 0;
        QSet<char> values;
        for (char c : bytes) {
            ones += qPopulationCount(quint8(c));
            values.insert(c);
        }
        const double share = double(ones) / (8.0 * double(bytes.size()));
        QVERIFY2(share > 0.49 && share < 0.51, qPrintable(QString::number(share)));
        QCOMPARE(values.size(), 256);
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
