// SPDX-License-Identifier: Apache-2.0
// Two-step sign-in enrolment (D1) end to end: the real dialog and PortalClient against
// the real gatehouse-portal. The test computes RFC 6238 codes itself from the secret the
// dialog shows, as an authenticator app would, so it checks the server's codes too.
#include "common/crypto.h"
#include "model/portalclient.h"
#include "model/qrcode.h"
#include "support/portalprocess.h"
#include "ui/totpenrolmentdialog.h"

#include <QDateTime>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QtEndian>
#include <optional>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {
const QString kEmail = QStringLiteral("tess@firm.example");
const QString kPassword = QStringLiteral("correct horse battery staple");

// RFC 4648 base32 (no padding, spaces ignored); empty on a character outside the alphabet.
QByteArray fromBase32(const QString &text)
{
    static const QLatin1StringView alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == u' ')
            continue;
        const qsizetype value = alphabet.indexOf(c.toUpper());
        if (value < 0)
            return {};
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

// RFC 6238 with the authenticator-app defaults: HMAC-SHA1, 30-second steps, 6 digits.
QString totpAt(const QByteArray &secret, qint64 step)
{
    QByteArray counter(8, '\0');
    qToBigEndian(quint64(step), counter.data());
    const QByteArray mac = Crypto::hmacSha1(secret, counter);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = qFromBigEndian<quint32>(mac.constData() + offset) & 0x7fffffffU;
    return QStringLiteral("%1").arg(binary % 1000000U, 6, 10, QLatin1Char('0'));
}

qint64 currentStep()
{
    return QDateTime::currentSecsSinceEpoch() / 30;
}

// Runs one asynchronous PortalClient call to completion (bounded).
template<typename T, typename Call> std::optional<Result<T>> await(Call call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return std::nullopt;
    return out;
}
} // namespace

class TestTotpEnrolment : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_crypto.check().ok());
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        QVERIFY(m_portal.createStaff(kEmail, kPassword, QStringLiteral("paralegal"), QStringLiteral("Tess")));
        m_client.setBaseUrl(m_portal.baseUrl());
        const auto grant =
            await<SignInGrant>([this](auto done) { m_client.signIn(kEmail, kPassword, std::move(done)); });
        QVERIFY(grant && grant->ok());
        m_client.setToken((*grant)->token);
    }

    void validateCode_input_matchesSixDigitRule_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("six digits") << QStringLiteral("123456") << true;
        QTest::newRow("spaced as apps show it") << QStringLiteral("123 456") << true;
        QTest::newRow("five digits") << QStringLiteral("12345") << false;
        QTest::newRow("seven digits") << QStringLiteral("1234567") << false;
        QTest::newRow("letters") << QStringLiteral("12a456") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void validateCode_input_matchesSixDigitRule()
    {
        QFETCH(QString, input);
        QFETCH(bool, accepted);
        QCOMPARE(TotpEnrolmentDialog::validateCode(input).isEmpty(), accepted);
    }

    void qrCode_otpauthUri_encodesSquareSymbolWithFinderPattern()
    {
        const auto qr = QrCode::encode(
            QStringLiteral("otpauth://totp/Gatehouse:tess%40firm.example?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse"));
        QVERIFY(qr.ok());
        QVERIFY(qr->version() > 0);
        QCOMPARE(qr->width(), 17 + 4 * qr->version());
        // The top-left finder pattern: dark outer ring, light ring, dark centre.
        QVERIFY(qr->isDark(0, 0));
        QVERIFY(!qr->isDark(1, 1));
        QVERIFY(qr->isDark(3, 3));
        const QImage image = qr->toImage(3, 4);
        QCOMPARE(image.width(), (qr->width() + 8) * 3);
        QCOMPARE(image.height(), image.width());
        QCOMPARE(qGray(image.pixel(0, 0)), 255);       // quiet zone
        QCOMPARE(qGray(image.pixel(4 * 3, 4 * 3)), 0); // first module
    }

    void enrolment_wrongThenRightCode_enrolsAndSignInNeedsCode()
    {
        TotpEnrolmentDialog dialog(&m_client);
        dialog.show();
        QVERIFY(dialog.isBusy()); // the start request is under way
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isReady(), 20000);
        QVERIFY(!dialog.isBusy());
        QVERIFY(dialog.confirmButton()->isEnabled());
        QVERIFY(!dialog.codeEdit()->accessibleName().isEmpty());

        // The QR image is a real symbol: square, quiet zone included, a valid version.
        const QImage qr = dialog.qrImage();
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.width(), qr.height());
        const int modules = qr.width() - 8;
        QVERIFY(modules >= 21 && (modules - 17) % 4 == 0);
        QVERIFY((modules - 17) / 4 > 0);

        const QByteArray secret = fromBase32(dialog.secret());
        QVERIFY2(secret.size() >= 10, qPrintable(dialog.secret()));

        // A wrong code: differs from every code the server would accept (one step of skew).
        const qint64 step = currentStep();
        QStringList near;
        for (qint64 s = step - 1; s <= step + 2; ++s)
            near << totpAt(secret, s);
        QString wrong = QStringLiteral("000000");
        for (int i = 0; near.contains(wrong) && i < 10; ++i)
            wrong = QString(6, QChar(u'1' + i));
        dialog.codeEdit()->setText(wrong);
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("did not match")), qPrintable(dialog.statusText()));
        QVERIFY(!dialog.isEnrolled());
        QVERIFY(!meEnrolled());

        // The right code, as the phone would show it now.
        const qint64 confirmStep = currentStep();
        dialog.codeEdit()->setText(totpAt(secret, confirmStep));
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QVERIFY2(dialog.isEnrolled(), qPrintable(dialog.statusText()));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QVERIFY(meEnrolled());

        // A fresh sign-in without a code is asked for one ...
        PortalClient fresh;
        fresh.setBaseUrl(m_portal.baseUrl());
        const auto bare = await<SignInGrant>([&](auto done) { fresh.signIn(kEmail, kPassword, std::move(done)); });
        QVERIFY(bare && !bare->ok());
        QCOMPARE(bare->error().code, QStringLiteral("totp_required"));
        // ... and the next step's code (the confirm code cannot be replayed) signs in.
        const auto withCode = await<SignInGrant>(
            [&](auto done) { fresh.signIn(kEmail, kPassword, totpAt(secret, confirmStep + 1), std::move(done)); });
        QVERIFY(withCode);
        QVERIFY2(withCode->ok(), qPrintable(withCode->ok() ? QString() : withCode->error().message));
        QVERIFY((*withCode)->staff.totpEnrolled);
    }

    void enrolment_alreadyEnrolled_saysSoWithoutSecret()
    {
        TotpEnrolmentDialog dialog(&m_client);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QVERIFY(!dialog.isReady());
        QVERIFY(dialog.qrImage().isNull());
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("already on")), qPrintable(dialog.statusText()));
    }

private:
    bool meEnrolled()
    {
        const auto me = await<StaffMember>([this](auto done) { m_client.me(std::move(done)); });
        return me && me->ok() && (*me)->totpEnrolled;
    }

    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    PortalClient m_client;
};

QTEST_MAIN(TestTotpEnrolment)
#include "tst_totpenrolment.moc"
