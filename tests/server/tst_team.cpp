// SPDX-License-Identifier: Apache-2.0
// Team management (D11) over real HTTP against the real server: admins list, create,
// change, disable and reset staff; other roles get 403; a generated initial password
// is shown once and works; a disabled account cannot sign in and its tokens die; an
// admin cannot lock themself out (409).
#include "apitestkit.h"
#include "common/crypto.h"

#include <QJsonArray>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Test;

namespace {

const QString AdminEmail = QStringLiteral("admin@firm.example");
const QString AdminPassword = QStringLiteral("admin password long enough");
const QString PartnerEmail = QStringLiteral("partner@firm.example");
const QString PartnerPassword = QStringLiteral("partner password long");
const QString ParaEmail = QStringLiteral("para@firm.example");
const QString ParaPassword = QStringLiteral("paralegal password 1");

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    PortalProcess m_portal;
    ApiKit m_api{m_portal};
    QByteArray m_admin;
    QByteArray m_partner;
    QByteArray m_para;
    qint64 m_adminId = 0;
    qint64 m_paraId = 0;

    qint64 idOf(const QString &email)
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/staff"), m_admin);
        for (const auto &v : r.json().value(QStringLiteral("staff")).toArray()) {
            if (v.toObject().value(QStringLiteral("email")).toString() == email)
                return v.toObject().value(QStringLiteral("id")).toInteger();
        }
        return 0;
    }

    // A new paralegal with a known password, for tests that change or disable accounts.
    QJsonObject createStaff(const QString &email, const QString &role = QStringLiteral("paralegal"))
    {
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/staff"), m_admin,
                                      {{QStringLiteral("email"), email},
                                       {QStringLiteral("name"), QStringLiteral("Staff %1").arg(email)},
                                       {QStringLiteral("role"), role},
                                       {QStringLiteral("password"), QStringLiteral("a good long password")}});
        return r.status == 201 ? r.json().value(QStringLiteral("staff")).toObject() : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        QVERIFY(m_portal.createStaff(AdminEmail, AdminPassword, QStringLiteral("admin"), QStringLiteral("Ann Admin")));
        QVERIFY(m_portal.createStaff(PartnerEmail, PartnerPassword, QStringLiteral("partner"),
                                     QStringLiteral("Paul Partner")));
        QVERIFY(m_portal.createStaff(ParaEmail, ParaPassword, QStringLiteral("paralegal"), QStringLiteral("Pat Para")));
        QVERIFY2(m_portal.start(), qPrintable(m_portal.errorString()));
        m_admin = m_api.signIn(AdminEmail, AdminPassword);
        m_partner = m_api.signIn(PartnerEmail, PartnerPassword);
        m_para = m_api.signIn(ParaEmail, ParaPassword);
        QVERIFY(!m_admin.isEmpty() && !m_partner.isEmpty() && !m_para.isEmpty());
        m_adminId = idOf(AdminEmail);
        m_paraId = idOf(ParaEmail);
        QVERIFY(m_adminId > 0 && m_paraId > 0);
    }

    void list_anyRole_200OrderedByName()
    {
        for (const QByteArray &token : {m_admin, m_partner, m_para}) {
            const auto r = m_api.call("GET", QStringLiteral("/api/v1/staff"), token);
            QCOMPARE(r.status, 200);
            QStringList names;
            for (const auto &v : r.json().value(QStringLiteral("staff")).toArray()) {
                const auto member = v.toObject();
                names << member.value(QStringLiteral("name")).toString();
                // StaffMember only: no hash, no TOTP secret.
                QCOMPARE(member.keys().size(), 6);
                QVERIFY(member.contains(QStringLiteral("totp_enrolled")));
            }
            QVERIFY(names.size() >= 3);
            QStringList sorted = names;
            sorted.sort(Qt::CaseInsensitive);
            QCOMPARE(names, sorted);
        }
    }

    void adminRoutes_byNonAdmin_403_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        for (const char *who : {"partner", "paralegal"}) {
            QTest::addRow("%s create", who)
                << QString::fromLatin1(who) << QByteArray("POST") << QStringLiteral("/api/v1/staff")
                << QByteArray(R"({"email":"x@firm.example","name":"X","role":"admin"})");
            QTest::addRow("%s promote self", who)
                << QString::fromLatin1(who) << QByteArray("PATCH") << QStringLiteral("/api/v1/staff/{para}")
                << QByteArray(R"({"role":"admin"})");
            QTest::addRow("%s disable admin", who)
                << QString::fromLatin1(who) << QByteArray("PATCH") << QStringLiteral("/api/v1/staff/{admin}")
                << QByteArray(R"({"disabled":true})");
            QTest::addRow("%s reset-2fa", who) << QString::fromLatin1(who) << QByteArray("POST")
                                               << QStringLiteral("/api/v1/staff/{admin}/reset-2fa") << QByteArray("{}");
        }
    }

    void adminRoutes_byNonAdmin_403()
    {
        QFETCH(QString, who);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        path.replace(QStringLiteral("{para}"), QString::number(m_paraId));
        path.replace(QStringLiteral("{admin}"), QString::number(m_adminId));
        const QByteArray token = who == u"partner" ? m_partner : m_para;
        const auto r = m_api.call(method, path, token, body, {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        // Nothing changed: the admin is still an enabled admin, the paralegal a paralegal.
        const auto staff = m_api.call("GET", QStringLiteral("/api/v1/staff"), m_admin).json();
        for (const auto &v : staff.value(QStringLiteral("staff")).toArray()) {
            const auto m = v.toObject();
            if (m.value(QStringLiteral("id")).toInteger() == m_adminId) {
                QCOMPARE(m.value(QStringLiteral("disabled")).toBool(), false);
                QCOMPARE(m.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
            }
            if (m.value(QStringLiteral("id")).toInteger() == m_paraId)
                QCOMPARE(m.value(QStringLiteral("role")).toString(), QStringLiteral("paralegal"));
            QVERIFY(m.value(QStringLiteral("email")).toString() != u"x@firm.example");
        }
    }

    void create_withoutPassword_initialPasswordShownOnceAndWorks()
    {
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/staff"), m_admin,
                                      {{QStringLiteral("email"), QStringLiteral("new.partner@firm.example")},
                                       {QStringLiteral("name"), QStringLiteral("Nina New")},
                                       {QStringLiteral("role"), QStringLiteral("partner")}});
        QCOMPARE(r.status, 201);
        const auto staff = r.json().value(QStringLiteral("staff")).toObject();
        QCOMPARE(staff.value(QStringLiteral("role")).toString(), QStringLiteral("partner"));
        QCOMPARE(staff.value(QStringLiteral("disabled")).toBool(), false);
        const QString initial = r.json().value(QStringLiteral("initial_password")).toString();
        QVERIFY2(initial.size() >= 16, qPrintable(initial));
        const QByteArray location =
            "/api/v1/staff/" + QByteArray::number(staff.value(QStringLiteral("id")).toInteger());
        QVERIFY(r.header("Location").endsWith(location));

        const QByteArray token = m_api.signIn(QStringLiteral("new.partner@firm.example"), initial);
        QVERIFY(!token.isEmpty());
        const auto me = m_api.call("GET", QStringLiteral("/api/v1/me"), token);
        QCOMPARE(me.json().value(QStringLiteral("role")).toString(), QStringLiteral("partner"));

        // Shown once: no later answer carries it, and the audit log never does.
        QVERIFY(!m_api.call("GET", QStringLiteral("/api/v1/staff"), m_admin).body.contains(initial.toUtf8()));
        QVERIFY(!m_api.call("GET", QStringLiteral("/api/v1/audit?limit=500"), m_admin).body.contains(initial.toUtf8()));
        QVERIFY(!m_portal.serverLog().contains(initial.toUtf8()));
    }

    void create_withPassword_noInitialPassword()
    {
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/staff"), m_admin,
                                      {{QStringLiteral("email"), QStringLiteral("chosen@firm.example")},
                                       {QStringLiteral("name"), QStringLiteral("Chosen Password")},
                                       {QStringLiteral("role"), QStringLiteral("paralegal")},
                                       {QStringLiteral("password"), QStringLiteral("my own password here")}});
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json().contains(QStringLiteral("initial_password")));
        QVERIFY(!m_api.signIn(QStringLiteral("chosen@firm.example"), QStringLiteral("my own password here")).isEmpty());
    }

    void create_invalid_400OrConflict_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("existing email") << QByteArray(
                                               R"({"email":"para@firm.example","name":"Dup","role":"paralegal"})")
                                        << 409 << "conflict" << QString();
        QTest::newRow("bad role") << QByteArray(R"({"email":"r@firm.example","name":"R","role":"boss"})") << 400
                                  << "validation_failed"
                                  << "role";
        QTest::newRow("bad email") << QByteArray(R"({"email":"nope","name":"R","role":"partner"})") << 400
                                   << "validation_failed"
                                   << "email";
        QTest::newRow("no name") << QByteArray(R"({"email":"n@firm.example","role":"partner"})") << 400
                                 << "validation_failed"
                                 << "name";
        QTest::newRow("short password")
            << QByteArray(R"({"email":"s@firm.example","name":"S","role":"partner","password":"short"})") << 400
            << "validation_failed"
            << "password";
        QTest::newRow("unknown field") << QByteArray(
                                              R"({"email":"u@firm.example","name":"U","role":"partner","admin":true})")
                                       << 400 << "unknown_field"
                                       << "admin";
    }

    void create_invalid_400OrConflict()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto r =
            m_api.call("POST", QStringLiteral("/api/v1/staff"), m_admin, body, {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
        if (!field.isEmpty())
            QCOMPARE(r.json()
                         .value(QStringLiteral("errors"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("field"))
                         .toString(),
                     field);
    }

    void patch_nameAndRole_200AndRoleTakesEffectAtOnce()
    {
        const auto member = createStaff(QStringLiteral("promote@firm.example"));
        const qint64 id = member.value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        const QByteArray token =
            m_api.signIn(QStringLiteral("promote@firm.example"), QStringLiteral("a good long password"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit/head"), token).status, 403);

        const auto r = m_api.callJson("PATCH", QStringLiteral("/api/v1/staff/%1").arg(id), m_admin,
                                      {{QStringLiteral("name"), QStringLiteral("Promoted Person")},
                                       {QStringLiteral("role"), QStringLiteral("partner")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Promoted Person"));
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("partner"));
        // The same token now carries the new role: roles are read per request.
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit/head"), token).status, 200);

        QCOMPARE(m_api
                     .callJson("PATCH", QStringLiteral("/api/v1/staff/%1").arg(id), m_admin,
                               {{QStringLiteral("role"), QStringLiteral("paralegal")}})
                     .status,
                 200);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/audit/head"), token).status, 403);
    }

    void patch_disable_tokensDieAndSignInFails_enableRestores()
    {
        const auto member = createStaff(QStringLiteral("leaver@firm.example"));
        const qint64 id = member.value(QStringLiteral("id")).toInteger();
        const QByteArray token =
            m_api.signIn(QStringLiteral("leaver@firm.example"), QStringLiteral("a good long password"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/me"), token).status, 200);

        const auto r = m_api.callJson("PATCH", QStringLiteral("/api/v1/staff/%1").arg(id), m_admin,
                                      {{QStringLiteral("disabled"), true}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("disabled")).toBool(), true);

        const auto dead = m_api.call("GET", QStringLiteral("/api/v1/me"), token);
        QCOMPARE(dead.status, 401);
        QCOMPARE(dead.json().value(QStringLiteral("code")).toString(), QStringLiteral("unauthenticated"));
        const auto refused =
            m_api.signInRaw(QStringLiteral("leaver@firm.example"), QStringLiteral("a good long password"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.json().value(QStringLiteral("code")).toString(), QStringLiteral("invalid_credentials"));

        QCOMPARE(m_api
                     .callJson("PATCH", QStringLiteral("/api/v1/staff/%1").arg(id), m_admin,
                               {{QStringLiteral("disabled"), false}})
                     .status,
                 200);
        // Re-enabling lets the person sign in again, but the old token stays dead.
        QVERIFY(!m_api.signIn(QStringLiteral("leaver@firm.example"), QStringLiteral("a good long password")).isEmpty());
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/v1/me"), token).status, 401);
    }

    void patch_selfDisableOrDemote_409_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("disable") << QByteArray(R"({"disabled":true})");
        QTest::newRow("to partner") << QByteArray(R"({"role":"partner"})");
        QTest::newRow("to paralegal") << QByteArray(R"({"role":"paralegal"})");
        QTest::newRow("rename and disable") << QByteArray(R"({"name":"Still Me","disabled":true})");
    }

    void patch_selfDisableOrDemote_409()
    {
        QFETCH(QByteArray, body);
        const auto r = m_api.call("PATCH", QStringLiteral("/api/v1/staff/%1").arg(m_adminId), m_admin, body,
                                  {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("conflict"));
        const auto me = m_api.call("GET", QStringLiteral("/api/v1/me"), m_admin);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(me.json().value(QStringLiteral("name")).toString(), QStringLiteral("Ann Admin"));
    }

    void patch_selfRename_allowed()
    {
        const auto r = m_api.callJson("PATCH", QStringLiteral("/api/v1/staff/%1").arg(m_adminId), m_admin,
                                      {{QStringLiteral("name"), QStringLiteral("Ann Admin")},
                                       {QStringLiteral("role"), QStringLiteral("admin")},
                                       {QStringLiteral("disabled"), false}});
        QCOMPARE(r.status, 200);
    }

    void patch_invalid_400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("disabled text") << QByteArray(R"({"disabled":"yes"})") << "validation_failed";
        QTest::newRow("bad role") << QByteArray(R"({"role":"owner"})") << "validation_failed";
        QTest::newRow("empty name") << QByteArray(R"({"name":""})") << "validation_failed";
        QTest::newRow("email change") << QByteArray(R"({"email":"x@firm.example"})") << "unknown_field";
        QTest::newRow("malformed") << QByteArray(R"({"name":)") << "malformed_json";
    }

    void patch_invalid_400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto r = m_api.call("PATCH", QStringLiteral("/api/v1/staff/%1").arg(m_paraId), m_admin, body,
                                  {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), code);
    }

    void unknownStaff_404_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("patch") << QByteArray("PATCH") << QStringLiteral("/api/v1/staff/999999")
                               << QByteArray(R"({"name":"Ghost"})");
        QTest::newRow("patch text id") << QByteArray("PATCH") << QStringLiteral("/api/v1/staff/me")
                                       << QByteArray(R"({"name":"Ghost"})");
        QTest::newRow("reset") << QByteArray("POST") << QStringLiteral("/api/v1/staff/999999/reset-2fa")
                               << QByteArray("{}");
    }

    void unknownStaff_404()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const auto r = m_api.call(method, path, m_admin, body, {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
    }

    void resetTwoFactor_admin_200AndAudited()
    {
        const auto r = m_api.callJson("POST", QStringLiteral("/api/v1/staff/%1/reset-2fa").arg(m_paraId), m_admin, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toInteger(), m_paraId);
        QCOMPARE(r.json().value(QStringLiteral("totp_enrolled")).toBool(), false);
        const auto audit = m_api.call("GET", QStringLiteral("/api/v1/audit?type=staff.updated&limit=500"), m_admin);
        bool found = false;
        for (const auto &v : audit.json().value(QStringLiteral("events")).toArray()) {
            const auto details = v.toObject().value(QStringLiteral("details")).toObject();
            found = found || (details.value(QStringLiteral("action")).toString() == u"reset_2fa" &&
                              details.value(QStringLiteral("staff_id")).toInteger() == m_paraId);
        }
        QVERIFY(found);
    }

    void staffChanges_areAuditedWithFields()
    {
        const auto r = m_api.call("GET", QStringLiteral("/api/v1/audit?type=staff.created&limit=500"), m_admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("events")).toArray().size() >= 3);
        for (const auto &v : r.json().value(QStringLiteral("events")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("actor_id")).toInteger(), m_adminId);
    }
};

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
