// SPDX-License-Identifier: Apache-2.0
#include "common/errorcode.h"
#include "model/secretstore.h"

#include <QTest>
#include <optional>

using namespace Gatehouse;

namespace {

template<typename T, typename Call> std::optional<Result<T>> wait(Call call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, 20000);
    return out;
}

QString describe(const std::optional<Result<void>> &r)
{
    if (!r)
        return QStringLiteral("no answer within 20 s");
    return r->ok() ? QString() : r->error().message;
}

} // namespace

// Runs against a real Secret Service (gnome-keyring in a private D-Bus session, set up
// by the CTest helper), never the user's own keyring.
class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void keyFor_serverAndEmail_isNormalised()
    {
        QCOMPARE(
            SecretStore::keyFor(QUrl(QStringLiteral("https://portal.example.com/")), QStringLiteral(" Ann@Firm.com")),
            QStringLiteral("https://portal.example.com|ann@firm.com"));
    }

    void writeReadDelete_token_roundTripsThroughKeychain()
    {
        SecretStore store(QStringLiteral("Gatehouse-test"));
        const auto key =
            SecretStore::keyFor(QUrl(QStringLiteral("https://portal.example.com")), QStringLiteral("ann@firm.com"));
        const auto token = QStringLiteral("abcdefghijabcdefghijabcdefghijabcdefghij123");

        const auto written = wait<void>([&](auto done) { store.writeToken(key, token, done); });
        QVERIFY2(written && written->ok(), qPrintable(describe(written)));

        const auto read = wait<QString>([&](auto done) { store.readToken(key, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message));
        QCOMPARE(read->value(), token);

        const auto deleted = wait<void>([&](auto done) { store.deleteToken(key, done); });
        QVERIFY2(deleted && deleted->ok(), qPrintable(describe(deleted)));

        const auto gone = wait<QString>([&](auto done) { store.readToken(key, done); });
        QVERIFY(gone && gone->ok());
        QVERIFY(gone->value().isEmpty());

        const auto again = wait<void>([&](auto done) { store.deleteToken(key, done); });
        QVERIFY2(again && again->ok(), qPrintable(describe(again)));
    }

    void readToken_unknownKey_yieldsEmptyNotError()
    {
        SecretStore store(QStringLiteral("Gatehouse-test"));
        const auto r =
            wait<QString>([&](auto done) { store.readToken(QStringLiteral("https://nowhere|x@y.z"), done); });
        QVERIFY(r && r->ok());
        QVERIFY(r->value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
