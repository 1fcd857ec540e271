// SPDX-License-Identifier: Apache-2.0
// The desktop app's performance budgets, measured on the real windows and models over
// a seeded cache: cold start to a populated window, filter keystroke to updated view
// (median, p99), audit viewer open, audit filters, scrolling to the end, resident
// memory. Run from a release build:  bench_desktop [--cache FILE] [--clients N] [--events N]
#include "common/crypto.h"
#include "model/accessreport.h"
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/auditstore.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/secretstore.h"
#include "model/session.h"
#include "ui/accessreportdialog.h"
#include "ui/auditviewer.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Gatehouse;

namespace {

QElapsedTimer g_sinceStart;

const QUrl kServer(QStringLiteral("https://bench.invalid"));
const QString kAccount = QStringLiteral("bench@firm.example");

qint64 residentKb(const char *field = "VmRSS:")
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const auto lines = f.readAll().split('\n');
    for (const auto &line : lines) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

void report(const char *what, double value, const char *unit, double budget = -1)
{
    if (budget > 0)
        std::printf("| %-44s | %10.1f %-3s | < %6.0f %-3s | %s |\n", what, value, unit, budget, unit,
                    value < budget ? "ok" : "OVER");
    else
        std::printf("| %-44s | %10.1f %-3s | %12s | |\n", what, value, unit, "");
    std::fflush(stdout);
}

const QStringList kFirst{QStringLiteral("Maria"),   QStringLiteral("John"),    QStringLiteral("Ana"),
                         QStringLiteral("Wei"),     QStringLiteral("Fatima"),  QStringLiteral("Lukas"),
                         QStringLiteral("Chloé"),   QStringLiteral("Giorgio"), QStringLiteral("Sara"),
                         QStringLiteral("Ibrahim"), QStringLiteral("Olga"),    QStringLiteral("Tom")};
const QStringList kLast{QStringLiteral("Rossi"),  QStringLiteral("Smith"),   QStringLiteral("García"),
                        QStringLiteral("Chen"),   QStringLiteral("Okafor"),  QStringLiteral("Müller"),
                        QStringLiteral("Dubois"), QStringLiteral("Bianchi"), QStringLiteral("Nowak"),
                        QStringLiteral("Haddad"), QStringLiteral("Ivanova"), QStringLiteral("Brown")};
const QStringList kMatters{QStringLiteral("Estate of"), QStringLiteral("Purchase of"), QStringLiteral("Lease"),
                           QStringLiteral("Divorce"),   QStringLiteral("Will"),        QStringLiteral("Dispute")};
const QStringList kTypes{QStringLiteral("token.issued"),    QStringLiteral("token.consumed"),
                         QStringLiteral("session.started"), QStringLiteral("session.ended"),
                         QStringLiteral("client.invited"),  QStringLiteral("client.require_sign_in_changed"),
                         QStringLiteral("document.added"),  QStringLiteral("staff.sign_in_succeeded")};

bool seed(const QString &path, int clients, int events)
{
    QElapsedTimer t;
    t.start();
    LocalCache cache;
    if (!cache.open(path) || !cache.bindTo(kServer.toString(), kAccount))
        return false;
    auto *rng = QRandomGenerator::global();
    const auto now = QDateTime::currentDateTimeUtc();
    ClientPage page;
    for (int i = 1; i <= clients; ++i) {
        ClientRecord c;
        c.id = i;
        const QString first = kFirst.at(rng->bounded(kFirst.size()));
        const QString last = kLast.at(rng->bounded(kLast.size()));
        c.name = first + u' ' + last + u' ' + QString::number(i);
        c.email = first.toLower() + u'.' + QString::number(i) + QStringLiteral("@example.com");
        c.matter = kMatters.at(rng->bounded(kMatters.size())) + u' ' + last + u' ' + QString::number(i % 997);
        c.partnerName = kLast.at(i % kLast.size());
        c.status = ClientStatus(rng->bounded(5));
        c.requireSignIn = rng->bounded(3) == 0;
        c.lastAccessAt = rng->bounded(4) == 0 ? QDateTime() : now.addSecs(-qint64(rng->bounded(90 * 86400)));
        c.lastAccessDevice = QStringLiteral("Firefox on Windows");
        c.openSessions = int(rng->bounded(3));
        c.changeSeq = i;
        page.clients << c;
        if (page.clients.size() == 5000 || i == clients) {
            page.nextCursor = QString::number(i);
            if (!cache.applyClientPage(page))
                return false;
            page.clients.clear();
        }
    }
    std::printf("seeded %d clients in %.1f s\n", clients, double(t.elapsed()) / 1000);
    std::fflush(stdout);

    AuditStore store(&cache);
    QString prev = AuditEvent::genesisHash();
    QList<AuditEvent> batch;
    const auto start = now.addSecs(-qint64(events) * 30);
    for (int i = 1; i <= events; ++i) {
        AuditEvent e;
        e.id = i;
        e.time = start.addSecs(qint64(i) * 30);
        e.type = kTypes.at(rng->bounded(kTypes.size()));
        const bool staff = e.type.startsWith(u"client") || e.type.startsWith(u"staff");
        e.actorKind = staff ? QStringLiteral("staff") : QStringLiteral("client");
        e.actorLabel = staff ? QStringLiteral("paula%1@firm.example").arg(rng->bounded(20)) : QString();
        e.clientId = 1 + rng->bounded(clients);
        e.address = QStringLiteral("198.51.100.%1").arg(rng->bounded(250));
        e.userAgent = QStringLiteral("Mozilla/5.0 (Windows NT 10.0) Firefox/128.0");
        e.details = QJsonObject{{QStringLiteral("device"), QStringLiteral("Firefox on Windows")}};
        e.prevHash = prev;
        e.hash = e.computeHash();
        prev = e.hash;
        batch << e;
        if (batch.size() == 10000 || i == events) {
            if (!store.applyPage(batch))
                return false;
            batch.clear();
        }
    }
    std::printf("seeded %d audit events (hash chain computed and re-verified) in %.1f s\n", events,
                double(t.elapsed()) / 1000);
    std::fflush(stdout);
    return true;
}

qint64 timed(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    return t.nsecsElapsed();
}

void paint(QTableView *view)
{
    // A synchronous repaint of the visible rows: what the user would see updated.
    view->viewport()->repaint();
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceStart.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gatehouse-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("Cache file to seed or reuse."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Clients to seed."),
                                           QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("Audit events to seed."),
                                          QStringLiteral("N"), QStringLiteral("1000000"));
    parser.addOptions({cacheOption, clientsOption, eventsOption});
    parser.process(app);

    CryptoRuntime crypto;
    if (!crypto.check())
        return 1;
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString path =
        parser.isSet(cacheOption) ? parser.value(cacheOption) : dir.filePath(QStringLiteral("bench-cache.sqlite"));
    if (!QFileInfo::exists(path)) {
        if (!seed(path, parser.value(clientsOption).toInt(), parser.value(eventsOption).toInt())) {
            std::fprintf(stderr, "seeding failed\n");
            return 1;
        }
    }
    {
        // Schema upgrades run once per app version, not at every start: do them now.
        LocalCache upgrade;
        if (!upgrade.open(path)) {
            std::fprintf(stderr, "cannot open the cache\n");
            return 1;
        }
    }
    // From here on, measure a fresh start: no warm statement cache, new connection.

    std::printf("\n| Measure | Result | Budget | |\n|---|---:|---:|---|\n");
    const qint64 beforeStartMs = g_sinceStart.elapsed();
    QElapsedTimer start;
    start.start();
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setCacheFilePath(path);
    SecretStore secrets;
    Session session(&settings, &secrets);
    if (!session.openCache(kServer, kAccount)) {
        std::fprintf(stderr, "cannot open the cache\n");
        return 1;
    }
    MainWindow window(&session);
    window.resize(1280, 800);
    window.show();
    paint(window.clientView());
    const double coldMs = double(start.elapsed());
    Q_UNUSED(beforeStartMs)
    report("cold start: cache open to populated window", coldMs, "ms", 1000);
    report("  rows shown after start", window.clientView()->model()->rowCount(), "");

    // Keystrokes: the words a paralegal types, letter by letter, plus rare terms that
    // must scan every row. The window's 150 ms typing pause is left out on purpose:
    // this is the work each keystroke costs once filtering runs.
    auto *clients = session.clients();
    QList<double> keys;
    QList<double> complete;                // to the whole list of matches (count and scroll bar)
    QList<QPair<double, QString>> slowest; // which terms make the tail, for the write-up
    const QStringList words{QStringLiteral("maria"),    QStringLiteral("rossi 1"),    QStringLiteral("estate"),
                            QStringLiteral("john.77"),  QStringLiteral("zzqx"),       QStringLiteral("müller"),
                            QStringLiteral("@example"), QStringLiteral("lease chen"), QStringLiteral("99991"),
                            QStringLiteral("purchase"), QStringLiteral("qqqqq"),      QStringLiteral("bianchi 4")};
    for (int round = 0; round < 2; ++round) {
        for (const auto &word : words) {
            for (int n = 1; n <= word.size(); ++n) {
                // To the repainted view (posted layout events, not timers: a common
                // term's completion runs after the first paint and is timed apart).
                QElapsedTimer t;
                t.start();
                clients->setFilterText(word.left(n));
                window.clientView()->viewport()->repaint();
                QCoreApplication::sendPostedEvents();
                keys << ms(t.nsecsElapsed());
                while (!clients->isComplete())
                    QCoreApplication::processEvents();
                paint(window.clientView());
                complete << ms(t.nsecsElapsed());
                slowest.append({keys.constLast(), word.left(n)});
            }
            clients->setFilterText(QString());
        }
    }
    std::sort(keys.begin(), keys.end());
    report("filter keystroke → updated view, median", keys.at(keys.size() / 2), "ms");
    report("filter keystroke → updated view, p99", keys.at(int(keys.size() * 0.99)), "ms", 50);
    report("  keystrokes measured", keys.size(), "");
    std::sort(complete.begin(), complete.end());
    report("filter keystroke → complete list, median", complete.at(complete.size() / 2), "ms");
    report("filter keystroke → complete list, p99", complete.at(int(complete.size() * 0.99)), "ms");
    std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 0; i < qMin<qsizetype>(4, slowest.size()); ++i)
        std::fprintf(stderr, "  slow keystroke: \"%s\" %.1f ms\n", qPrintable(slowest.at(i).second),
                     slowest.at(i).first);

    QList<double> sorts;
    for (int column = 0; column < ClientListModel::ColumnCount; ++column)
        sorts << ms(timed([&] {
            clients->sort(column, column % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
            paint(window.clientView());
        }));
    report("sort by a column (worst of 8)", *std::max_element(sorts.begin(), sorts.end()), "ms");
    clients->sort(ClientListModel::Name, Qt::AscendingOrder);

    // Jumps, each to rows not read yet: the model is reloaded (its block cache
    // emptied) and the view placed elsewhere before each one, untimed.
    auto *clientView = window.clientView();
    const auto jump = [](QTableView *view, const std::function<void()> &reload, const std::function<void()> &before,
                         const std::function<void()> &action) {
        QList<double> runs;
        for (int i = 0; i < 3; ++i) {
            reload();
            before();
            paint(view);
            runs << ms(timed([&] {
                action();
                paint(view);
            }));
        }
        std::sort(runs.begin(), runs.end());
        // Where it landed, so a jump that did not happen cannot pass for a fast one.
        std::fprintf(stderr, "  landed with row %d of %d at the top\n", view->rowAt(0), view->model()->rowCount());
        return runs.at(1);
    };
    const auto reloadClients = [&] { clients->reload(); };
    const auto toMiddle = [](QTableView *view) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    };
    const auto nothing = [] {};
    report("client list: Ctrl+End (median of 3)",
           jump(clientView, reloadClients, nothing, [&] { clientView->scrollToBottom(); }), "ms", 100);
    report("client list: drag to the middle", jump(clientView, reloadClients, nothing, [&] { toMiddle(clientView); }),
           "ms", 100);
    report("client list: Ctrl+Home from the end",
           jump(
               clientView, reloadClients, [&] { clientView->scrollToBottom(); }, [&] { clientView->scrollToTop(); }),
           "ms", 100);
    report("client list: jump to a client by name",
           jump(
               clientView, reloadClients,
               [&] {
                   clientView->setFocus();
                   clientView->setCurrentIndex(clients->index(0, ClientListModel::Name));
                   // A new search, not a continuation of the last.
                   clientView->keyboardSearch(QString());
               },
               [&] { clientView->keyboardSearch(QStringLiteral("tom brown")); }),
           "ms", 100);
    if (!clientView->currentIndex().data().toString().startsWith(QStringLiteral("Tom Brown")))
        std::fprintf(stderr, "jump by name landed on \"%s\"\n",
                     qPrintable(clientView->currentIndex().data().toString()));
    report("  row of that client", clientView->currentIndex().row(), "");
    // A sync that changed 100 clients, 10 of them on screen: targeted updates only.
    {
        QSqlQuery q(session.cache()->database());
        q.exec(QStringLiteral("UPDATE clients SET matter = matter || ' (changed)' WHERE id % 1000 = 7"));
        report("client list: refresh after a sync (100 changed)", ms(timed([&] {
                   clients->refresh();
                   paint(clientView);
               })),
               "ms");
        q.exec(
            QStringLiteral("UPDATE clients SET matter = substr(matter, 1, length(matter) - 10) WHERE id % 1000 = 7"));
        clients->refresh();
    }
    report("  resident memory after the jumps", double(residentKb()) / 1024, "MB");

    AuditViewer *viewer = nullptr;
    const double auditOpen = ms(timed([&] {
        session.audit()->reload();
        viewer = new AuditViewer(&session, &window);
        viewer->setWindowFlag(Qt::Window);
        viewer->resize(1280, 800);
        viewer->show();
        paint(viewer->view());
    }));
    report("audit viewer open (first page painted)", auditOpen, "ms", 300);

    auto *audit = session.audit();
    const auto filterCase = [&](const char *label, const AuditFilter &f) {
        const double t = ms(timed([&] {
            audit->setFilter(f);
            paint(viewer->view());
        }));
        report(label, t, "ms", 200);
        return t;
    };
    AuditFilter f;
    f.type = QStringLiteral("document.added");
    filterCase("audit filter: event type", f);
    f = {};
    f.clientId = 4242;
    filterCase("audit filter: one client (id)", f);
    f = {};
    f.clientText = QStringLiteral("rossi 77");
    filterCase("audit filter: client name text", f);
    f = {};
    f.actor = QStringLiteral("paula7@firm.example");
    filterCase("audit filter: actor", f);
    f = {};
    f.from = QDateTime::currentDateTimeUtc().addDays(-3);
    f.to = QDateTime::currentDateTimeUtc().addDays(-2);
    filterCase("audit filter: date range (one day)", f);
    f = {};
    f.text = QStringLiteral("198.51.100.7");
    filterCase("audit filter: free text, common", f);
    f = {};
    f.text = QStringLiteral("no-such-thing");
    filterCase("audit filter: free text, no match", f);
    audit->setFilter(AuditFilter());

    auto *auditView = viewer->view();
    const auto reloadAudit = [&] { audit->reload(); };
    report("audit log: Ctrl+End (median of 3)",
           jump(auditView, reloadAudit, nothing, [&] { auditView->scrollToBottom(); }), "ms", 100);
    report("audit log: drag to the middle", jump(auditView, reloadAudit, nothing, [&] { toMiddle(auditView); }), "ms",
           100);
    report("audit log: Ctrl+Home from the end",
           jump(
               auditView, reloadAudit, [&] { auditView->scrollToBottom(); }, [&] { auditView->scrollToTop(); }),
           "ms", 100);
    {
        AuditFilter typed;
        typed.type = QStringLiteral("document.added");
        audit->setFilter(typed);
        report("audit log, one type: Ctrl+End",
               jump(auditView, reloadAudit, nothing, [&] { auditView->scrollToBottom(); }), "ms", 100);
        report("audit log, one type: drag to the middle",
               jump(auditView, reloadAudit, nothing, [&] { toMiddle(auditView); }), "ms", 100);
        audit->setFilter(AuditFilter());
    }
    // Reading every row from the top down, a screenful at a time (what holding Page
    // Down does), as a check that scrolling stays cheap everywhere.
    report("audit log: page through 20,000 rows", ms(timed([&] {
               auditView->scrollToTop();
               for (int row = 0; row < 20000; row += 40) {
                   auditView->verticalScrollBar()->setValue(row);
                   paint(auditView);
               }
           })),
           "ms");
    // The partners' access report: the window opened (report built for the last 30 days
    // and painted), and the build alone, each the median of 3.
    {
        QList<double> opens;
        QList<double> builds;
        for (int i = 0; i < 3; ++i) {
            opens << ms(timed([&] {
                auto *reportWindow = new AccessReportDialog(&session, &window);
                reportWindow->setAttribute(Qt::WA_DeleteOnClose);
                reportWindow->show();
                paint(reportWindow->view());
                reportWindow->close();
            }));
            AccessReportFilter lastMonth;
            lastMonth.from = QDateTime::currentDateTimeUtc().addDays(-30);
            builds << ms(timed([&] {
                const auto rows = AccessReport::build(*session.cache(), lastMonth);
                if (!rows || rows->size() != session.cache()->clientCount())
                    std::fprintf(stderr, "access report: unexpected result\n");
            }));
        }
        std::sort(opens.begin(), opens.end());
        std::sort(builds.begin(), builds.end());
        report("access report: window open, built and painted", opens.at(1), "ms", 1000);
        report("access report: build alone", builds.at(1), "ms", 1000);
    }
    report("resident memory now", double(residentKb()) / 1024, "MB", 300);
    report("resident memory peak (VmHWM)", double(residentKb("VmHWM:")) / 1024, "MB", 300);
    return 0;
}
