// SPDX-License-Identifier: Apache-2.0
// The contract test: builds the router exactly as `gatehouse-portal serve` does (through
// registerAllRoutes) and compares it with docs/api.md. A route the document lacks, a
// documented route the server lacks, or a different minimum role fails the build.
#include "common/crypto.h"
#include "config.h"
#include "http/router.h"
#include "routes.h"
#include "secrets/keyring.h"
#include "storage/database.h"
#include "storage/storage.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Gatehouse;
using namespace Gatehouse::Server;

namespace {

struct DocRoute
{
    QByteArray method;
    QString pattern;
    QString role; // "public", "paralegal", "partner", "admin", or empty when not stated
    int line = 0;
};

// The heading format documented at the top of docs/api.md:
//   ### `METHOD /path/{param}?query` — role (free text)
// METHOD may be several joined by '|' (GET|HEAD). The query part is ignored.
QList<DocRoute> parseContract(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    static const QRegularExpression heading(
        QStringLiteral("^###\\s+`([A-Z|]+)\\s+(/[^`?\\s]*)(\\?[^`]*)?`\\s*(?:—|-)?\\s*(.*)$"));
    QList<DocRoute> routes;
    int lineNumber = 0;
    for (const auto &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        ++lineNumber;
        const auto m = heading.match(line);
        if (!m.hasMatch())
            continue;
        const QString rest = m.captured(4).trimmed().toLower();
        QString role;
        if (rest.startsWith(u"public") || rest.startsWith(u"client"))
            role = QStringLiteral("public");
        else if (rest.startsWith(u"any staff") || rest.startsWith(u"paralegal"))
            role = QStringLiteral("paralegal");
        else if (rest.startsWith(u"partner"))
            role = QStringLiteral("partner");
        else if (rest.startsWith(u"admin"))
            role = QStringLiteral("admin");
        for (const auto &method : m.captured(1).split(u'|')) {
            if (method == u"HEAD")
                continue; // HEAD is served by every GET route
            routes.append(DocRoute{method.toLatin1(), m.captured(2), role, lineNumber});
        }
    }
    return routes;
}

QString roleOf(const Access &access)
{
    return access.signInRequired ? roleName(access.minimumRole) : QStringLiteral("public");
}

} // namespace

class TestApiContract : public QObject
{
    Q_OBJECT

private:
    CryptoRuntime m_crypto;
    QTemporaryDir m_dir;
    QList<Router::RouteInfo> m_routes;
    QList<DocRoute> m_documented;

private slots:
    void initTestCase()
    {
        QVERIFY(m_crypto.check());
        QVERIFY(m_dir.isValid());
        Config config;
        config.databasePath = m_dir.filePath(QStringLiteral("contract.db"));
        config.secretFile = m_dir.filePath(QStringLiteral("portal.secrets"));
        config.mailFolder = m_dir.filePath(QStringLiteral("mail"));
        config.publicUrl = QStringLiteral("http://127.0.0.1:8080");
        const Database database(config.databasePath);
        QVERIFY(database.migrate());
        auto keyring = Keyring::loadOrCreate(config.secretFile);
        QVERIFY2(keyring, keyring ? "" : qPrintable(keyring.error().message));
        const Storage storage(database);
        Router router;
        const auto owned = registerAllRoutes(router, config, database, storage, *keyring);
        m_routes = router.routes();
        QVERIFY(m_routes.size() > 10);
        QString error;
        m_documented = parseContract(QStringLiteral(GATEHOUSE_API_DOC), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_documented.size() > 10);
        Database::closeThreadConnection();
    }

    void everyServedRoute_isDocumentedWithItsRole()
    {
        QStringList missing;
        QStringList wrongRole;
        for (const auto &route : std::as_const(m_routes)) {
            const auto it = std::find_if(m_documented.cbegin(), m_documented.cend(), [&](const DocRoute &d) {
                return d.method == route.method && d.pattern == route.pattern;
            });
            const QString name = QString::fromLatin1(route.method) + u' ' + route.pattern;
            if (it == m_documented.cend())
                missing << name;
            else if (!it->role.isEmpty() && it->role != roleOf(route.access))
                wrongRole << QStringLiteral("%1 (line %2: documented %3, served %4)")
                                 .arg(name)
                                 .arg(it->line)
                                 .arg(it->role, roleOf(route.access));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("routes missing from docs/api.md: ") +
                                               missing.join(QStringLiteral(", "))));
        QVERIFY2(wrongRole.isEmpty(), qPrintable(QStringLiteral("role differs: ") + wrongRole.join(QStringLiteral("; "))));
    }

    void everyDocumentedRoute_isServed()
    {
        QStringList stale;
        for (const auto &doc : std::as_const(m_documented)) {
            const bool served = std::any_of(m_routes.cbegin(), m_routes.cend(), [&](const Router::RouteInfo &r) {
                return r.method == doc.method && r.pattern == doc.pattern;
            });
            if (!served)
                stale << QStringLiteral("%1 %2 (line %3)").arg(QString::fromLatin1(doc.method), doc.pattern).arg(doc.line);
        }
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("documented but not served: ") +
                                             stale.join(QStringLiteral(", "))));
    }

    void parser_findsAKnownHeading()
    {
        // Guards the parser itself: if the heading format drifted, everything would
        // "pass" with nothing parsed.
        const bool found = std::any_of(m_documented.cbegin(), m_documented.cend(), [](const DocRoute &d) {
            return d.method == "POST" && d.pattern == u"/api/v1/session" && d.role == u"public";
        });
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestApiContract)
#include "tst_apicontract.moc"
