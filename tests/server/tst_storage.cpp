// SPDX-License-Identifier: Apache-2.0
// The portal's SQLite storage: migrations, PRAGMAs, the change sequence, and that no
// bearer token is ever written to disk in clear (SPEC R1).
#include "common/crypto.h"
#include "storage/database.h"
#include "storage/storage.h"
#include "support/httpprobe.h"
#include "support/portalprocess.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Server;
using namespace Gatehouse::Test;

class TestStorage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CryptoRuntime> m_crypto;
    QTemporaryDir m_dir;

    QString freshPath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    static QString pragma(const Database &db, const char *name)
    {
        auto c = db.connection();
        if (!c)
            return {};
        QSqlQuery q(*c);
        if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1StringView(name))) || !q.next())
            return {};
        return q.value(0).toString();
    }

private slots:
    void initTestCase()
    {
        m_crypto = std::make_unique<CryptoRuntime>();
        QVERIFY(m_crypto->check().ok());
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { Database::closeThreadConnection(); }

    void migrate_freshDatabase_setsUserVersionAndPragmas()
    {
        const Database db(freshPath("fresh.db"));
        auto applied = db.migrate();
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QCOMPARE(*applied, Database::latestSchemaVersion());
        QCOMPARE(pragma(db, "user_version").toInt(), Database::latestSchemaVersion());
        QCOMPARE(pragma(db, "journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma(db, "foreign_keys"), QStringLiteral("1"));
        QCOMPARE(pragma(db, "synchronous"), QStringLiteral("1")); // NORMAL
        QCOMPARE(pragma(db, "busy_timeout"), QStringLiteral("5000"));
    }

    void migrate_reopened_appliesNothingTwice()
    {
        const auto path = freshPath("twice.db");
        {
            const Database db(path);
            QCOMPARE(*db.migrate(), Database::latestSchemaVersion());
            QCOMPARE(*db.migrate(), 0);
        }
        Database::closeThreadConnection();
        const Database reopened(path);
        auto applied = reopened.migrate();
        QVERIFY(applied.ok());
        QCOMPARE(*applied, 0);
        QCOMPARE(pragma(reopened, "user_version").toInt(), Database::latestSchemaVersion());
    }

    void migrate_newerSchema_refused()
    {
        const auto path = freshPath("newer.db");
        const Database db(path);
        QVERIFY(db.migrate().ok());
        QSqlQuery q(*db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
        auto applied = db.migrate();
        QVERIFY(!applied.ok());
        QVERIFY(applied.error().message.contains(QLatin1StringView("newer")));
    }

    void connection_uncreatablePath_fails()
    {
        const Database db(freshPath("missing-folder/x.db"));
        auto c = db.connection();
        QVERIFY(!c.ok());
        QVERIFY(c.error().message.contains(QLatin1StringView("cannot open database")));
    }

    void connection_notADatabase_fails()
    {
        const auto path = freshPath("text.db");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const Database db(path);
        QVERIFY(!db.migrate().ok());
    }

    void insertClient_takesIncreasingChangeSeq()
    {
        const Database db(freshPath("seq.db"));
        QVERIFY(db.migrate().ok());
        const Storage storage(db);
        Storage::NewClient c;
        c.name = QStringLiteral("A");
        c.email = QStringLiteral("a@x.example");
        c.matter = QStringLiteral("M");
        auto first = storage.insertClient(c);
        auto second = storage.insertClient(c);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(second->changeSeq > first->changeSeq);
        auto changes = storage.clientsChangedAfter(first->changeSeq, 10);
        QVERIFY(changes.ok());
        QCOMPARE(changes->clients.size(), 1);
        QCOMPARE(changes->clients.first().id, second->id);
        QVERIFY(!changes->hasMore);
    }

    void insertStaff_duplicateEmailAnyCase_conflict()
    {
        const Database db(freshPath("staff.db"));
        QVERIFY(db.migrate().ok());
        const Storage storage(db);
        QVERIFY(
            storage
                .insertStaff(QStringLiteral("a@x.example"), QStringLiteral("A"), StaffRole::Admin, QStringLiteral("h"))
                .ok());
        auto again = storage.insertStaff(QStringLiteral("A@X.example"), QStringLiteral("A"), StaffRole::Admin,
                                         QStringLiteral("h"));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("conflict"));
    }

    void signIn_databaseFiles_holdTokenHashNeverToken()
    {
        PortalProcess portal;
        QVERIFY2(portal.createStaff(QStringLiteral("a@firm.example"), QStringLiteral("correct horse battery")),
                 qPrintable(portal.errorString()));
        QVERIFY2(portal.start(), qPrintable(portal.errorString()));
        const auto r = httpRequest("POST", portal.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/session"))),
                                   R"({"email":"a@firm.example","password":"correct horse battery"})");
        QCOMPARE(r.status, 201);
        const QByteArray token = r.json().value(QStringLiteral("token")).toString().toLatin1();
        QCOMPARE(token.size(), 43);
        portal.stop();

        // Read the database and its WAL as raw bytes, as an attacker with a backup would.
        QByteArray bytes;
        for (const auto &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(portal.databasePath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(token));
        // The search above could only fail if it can find things: the hash is there.
        QVERIFY(bytes.contains(Crypto::sha256Hex(token).toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
