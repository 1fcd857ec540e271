// SPDX-License-Identifier: Apache-2.0
// Staff sign-in hardening (SPEC R7) over real HTTP against the real server: TOTP
// enrolment and use, code replay, lockout with backoff per account and per address,
// and an audit entry for every attempt.
#include "apitestkit.h"
#include "auth/totp.h"
#include "common/auditevent.h"
#include "common/crypto.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("admin password long enough");
const QString TotpEmail = QStringLiteral("totp@firm.example");
const QString TotpPassword = QStringLiteral("totp user password 1");
const QString LockEmail = QStringLiteral("lock@firm.example");
const QString LockPassword = QStringLiteral("lock user password 1");

} // namespace

class TestStaffSecurity : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;
    QByteArray m_totpSecret;

    QSet<QString> failureReasons()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?type=staff.sign_in_failed&limit=500"), m_admin);
        QSet<QString> reasons;
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray())
            reasons.insert(v.toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString());
        return reasons;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        m_portal.setConfig(QStringLiteral("security/sign_in_max_failures"), QStringLiteral("3"));
        m_portal.setConfig(QStringLiteral("security/sign_in_lockout_seconds"), QStringLiteral("30"));
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword));
        QVERIFY(m_portal.createStaff(TotpEmail, TotpPassword, QStringLiteral("partner")));
        QVERIFY(m_portal.createStaff(LockEmail, LockPassword, QStringLiteral("paralegal")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, AdminPassword);
        QVERIFY(!m_admin.isEmpty());
    }

    void totp_enrolThenConfirm_marksEnrolled()
    {
        const QByteArray token = m_api.signIn(TotpEmail, TotpPassword);
        QVERIFY(!token.isEmpty());
        const auto start = m_api.callJson("POST", QStringLiteral("/api/v1/me/totp"), token, {});
        QCOMPARE(start.status, 201);
        const QString secret = start.json().value(QStringLiteral("secret")).toString();
        QVERIFY(start.json().value(QStringLiteral("otpauth_uri")).toString().startsWith(u"otpauth://totp/"));
        QVERIFY(start.json().value(QStringLiteral("otpauth_uri")).toString().contains(secret));
        m_totpSecret = Server::Totp::fromBase32(secret).value_or(QByteArray());
        QCOMPARE(m_totpSecret.size(), 20);

        const auto wrong = m_api.callJson("POST", QStringLiteral("/api/v1/me/totp/confirm"), token,
                                          {{QStringLiteral("code"), QStringLiteral("000000")}});
        // 000000 could be right once in a million runs; then this line is the only flake.
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_code"));

        const qint64 step = Server::Totp::stepAt(QDateTime::currentDateTimeUtc());
        const auto ok = m_api.callJson("POST", QStringLiteral("/api/v1/me/totp/confirm"), token,
                                       {{QStringLiteral("code"), Server::Totp::codeAt(m_totpSecret, step)}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QStringLiteral("totp_enrolled")).toBool(), true);
        const auto again = m_api.callJson("POST", QStringLiteral("/api/v1/me/totp"), token, {});
        QCOMPARE(again.status, 409);
    }

    void totp_signInWithoutCode_401TotpRequired()
    {
        const auto r = m_api.signInRaw(TotpEmail, TotpPassword);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("totp_required"));
    }

    void totp_wrongCode_401InvalidCredentials()
    {
        const qint64 step = Server::Totp::stepAt(QDateTime::currentDateTimeUtc());
        // A code from five minutes ago is outside the ±1 step window.
        const auto r = m_api.signInRaw(TotpEmail, TotpPassword, Server::Totp::codeAt(m_totpSecret, step - 10));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));
    }

    void totp_rightCodeOnce_thenReuseRejected()
    {
        // The next step: the confirmation above used the current one.
        const qint64 step = Server::Totp::stepAt(QDateTime::currentDateTimeUtc()) + 1;
        const QString code = Server::Totp::codeAt(m_totpSecret, step);
        const auto first = m_api.signInRaw(TotpEmail, TotpPassword, code);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(QStringLiteral("staff")).toObject().value(QStringLiteral("totp_enrolled")).toBool(),
                 true);
        const auto replay = m_api.signInRaw(TotpEmail, TotpPassword, code);
        QCOMPARE(replay.status, 401);
    }

    void resetTwoFactor_byAdmin_signInWithoutCodeWorks()
    {
        const auto staff = m_api.call("GET", QStringLiteral("/api/v1/staff"), m_admin).json();
        qint64 id = 0;
        for (const auto &v : staff.value(QStringLiteral("staff")).toArray()) {
            if (v.toObject().value(QStringLiteral("email")).toString() == TotpEmail)
                id = v.toObject().value(QStringLiteral("id")).toInteger();
        }
        QVERIFY(id > 0);
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/staff/%1/reset-2fa").arg(id), m_admin, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("totp_enrolled")).toBool(), false);
        QVERIFY(!m_api.signIn(TotpEmail, TotpPassword).isEmpty());
    }

    void lockout_afterMaxFailures_429WithRetryAfterThenRecovers()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_api.signInRaw(LockEmail, QStringLiteral("wrong password %1").arg(i)).status, 401);
        // Locked now: even the right password is refused, without a password check.
        const auto locked = m_api.signInRaw(LockEmail, LockPassword);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.json().value(QStringLiteral("code")).toString(), QStringLiteral("account_locked"));
        const int retryAfter = locked.header("Retry-After").toInt();
        QCOMPARE(retryAfter, 30);
        // Other accounts are not affected by this account's lock.
        QVERIFY(!m_api.signIn(AdminEmail, AdminPassword).isEmpty());
        m_portal.advanceClock(retryAfter); // the server's clock, not a sleep
        QVERIFY(!m_api.signIn(LockEmail, LockPassword).isEmpty());
    }

    void lockout_repeatedFailuresAfterLock_backOffGrows()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_api.signInRaw(LockEmail, QStringLiteral("wrong again %1").arg(i)).status, 401);
        const auto locked1 = m_api.signInRaw(LockEmail, LockPassword);
        QCOMPARE(locked1.status, 429);
        m_portal.advanceClock(locked1.header("Retry-After").toInt());
        // The 4th failure in a row doubles the lock to 60 s.
        QCOMPARE(m_api.signInRaw(LockEmail, QStringLiteral("wrong once more")).status, 401);
        const auto locked = m_api.signInRaw(LockEmail, LockPassword);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.header("Retry-After").toInt(), 60);
    }

    void audit_everyAttemptRecordedWithReason_noPassword()
    {
        const auto reasons = failureReasons();
        for (const char *want : {"wrong_password", "locked", "totp_missing", "totp_wrong", "totp_reused"})
            QVERIFY2(reasons.contains(QLatin1StringView(want)), want);
        const auto ok = m_api.call("GET", QStringLiteral("/api/v1/audit?type=staff.sign_in_succeeded"), m_admin);
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json().value(QStringLiteral("events")).toArray().size() >= 4);
        const auto all = m_api.call("GET", QStringLiteral("/api/v1/audit?limit=500"), m_admin);
        QVERIFY(!all.body.contains(LockPassword.toUtf8()));
        QVERIFY(!all.body.contains("wrong password"));
        QVERIFY(!all.body.contains(m_totpSecret.toBase64()));
    }

    void signOut_isAudited()
    {
        const QByteArray token = m_api.signIn(AdminEmail, AdminPassword);
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/v1/session"), token).status, 204);
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?type=staff.signed_out"), m_admin);
        QCOMPARE(r.json().value(QStringLiteral("events")).toArray().size(), 1);
        QCOMPARE(r.json().value(QStringLiteral("events")).toArray().at(0).toObject().value(QStringLiteral("actor_label")).toString(),
                 AdminEmail);
    }

    void lockout_perAddress_manyEmailsFromOneAddressLocked()
    {
        // The allowance per address is four times the per-account one (3 here): keep
        // trying fresh unknown emails until the address itself is locked.
        int status = 0;
        int attempts = 0;
        while (attempts < 20 && status != 429) {
            status = m_api.signInRaw(QStringLiteral("nobody%1@firm.example").arg(attempts), QStringLiteral("x")).status;
            ++attempts;
        }
        QCOMPARE(status, 429);
        QVERIFY2(attempts <= 13, qPrintable(QString::number(attempts)));
        QVERIFY(failureReasons().contains(QStringLiteral("unknown_email")));
        QVERIFY(m_api.healthy());
    }
};

QTEST_GUILESS_MAIN(TestStaffSecurity)
#include "tst_staffsecurity.moc"
