// SPDX-License-Identifier: Apache-2.0
#include "common/apitypes.h"
#include "common/errorcode.h"

#include <QJsonArray>
#include <QTest>

using namespace Gatehouse;

class TestApiTypes : public QObject
{
    Q_OBJECT

private slots:
    void client_roundTripsThroughJson()
    {
        ClientRecord c;
        c.id = 42;
        c.name = QStringLiteral("Maria Rossi");
        c.email = QStringLiteral("maria@example.com");
        c.matter = QStringLiteral("Rossi v. Bianchi");
        c.partnerId = 3;
        c.partnerName = QStringLiteral("Anna Verdi");
        c.status = ClientStatus::Active;
        c.requireSignIn = true;
        c.version = 7;
        c.changeSeq = 99;
        c.updatedAt = QDateTime(QDate(2026, 11, 28), QTime(8, 30, 0, 125), Qt::UTC);
        c.lastAccessAt = QDateTime(QDate(2026, 11, 27), QTime(17, 0), Qt::UTC);
        c.lastAccessDevice = QStringLiteral("Firefox on Windows");
        c.openSessions = 2;

        const auto back = ClientRecord::fromJson(c.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->id, c.id);
        QCOMPARE(back->name, c.name);
        QCOMPARE(back->partnerId, c.partnerId);
        QCOMPARE(back->status, ClientStatus::Active);
        QCOMPARE(back->requireSignIn, true);
        QCOMPARE(back->version, 7);
        QCOMPARE(back->changeSeq, 99);
        QCOMPARE(back->updatedAt, c.updatedAt);
        QCOMPARE(back->lastAccessAt, c.lastAccessAt);
        QVERIFY(!back->createdAt.isValid());
        QCOMPARE(back->openSessions, 2);
    }

    void client_withUnknownStatus_isRejectedAsForeignServer()
    {
        auto json = ClientRecord().toJson();
        json.insert(QStringLiteral("status"), QStringLiteral("banana"));
        const auto r = ClientRecord::fromJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QString(ErrorCode::NotAGatehouseServer));
    }

    void page_withBadRow_failsWhole()
    {
        ClientPage page;
        page.clients.append(ClientRecord());
        page.nextCursor = QStringLiteral("12");
        auto json = page.toJson();
        QVERIFY(ClientPage::fromJson(json).ok());
        auto rows = json.value(QStringLiteral("clients")).toArray();
        rows.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("not a number")}});
        json.insert(QStringLiteral("clients"), rows);
        QVERIFY(!ClientPage::fromJson(json).ok());
    }

    void roles_roundTrip()
    {
        for (auto r : {StaffRole::Paralegal, StaffRole::Partner, StaffRole::Admin})
            QCOMPARE(roleFromName(roleName(r)), r);
        QVERIFY(!roleFromName(u"root"));
    }
};

QTEST_GUILESS_MAIN(TestApiTypes)
#include "tst_apitypes.moc"
