// SPDX-License-Identifier: Apache-2.0
#include "accessreport.h"

#include "clientlistmodel.h"
#include "common/errorcode.h"
#include "localcache.h"
#include "sqltext.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <numeric>

namespace Gatehouse {

namespace {

struct Counts
{
    QString firstAccess; // wire time
    int signIns = 0;
    int downloads = 0;
    int browsers = 0;
};

// The cache's times are all written as "yyyy-MM-ddTHH:mm:ss.zzzZ": read that shape by
// position (a tenth of the general ISO parser's cost, which dominated a 100,000-row
// report); anything else goes through the general parser.
QDateTime readWireTime(const QString &text)
{
    const auto digits = [&text](int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    if (text.size() == 24 && text.at(4) == u'-' && text.at(10) == u'T' && text.at(19) == u'.' && text.at(23) == u'Z') {
        const QDate date(digits(0, 4), digits(5, 2), digits(8, 2));
        const QTime time(digits(11, 2), digits(14, 2), digits(17, 2), digits(20, 3));
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return fromWireTime(text);
}

} // namespace

Result<QList<AccessReportRow>> AccessReport::build(const LocalCache &cache, const AccessReportFilter &f)
{
    const auto db = cache.database();
    const auto failed = [](const QSqlQuery &q) {
        return Error{QString(ErrorCode::StorageError),
                     tr("Cannot build the access report (%1). Sign out and in again to rebuild the cache.")
                         .arg(q.lastError().text())};
    };
    // Wire times (ISO 8601 UTC, milliseconds) order as text, so the period is a text
    // range; an open end is a bound every time passes.
    const QString from = f.from.isValid() ? toWireTime(f.from) : QStringLiteral("0");
    const QString to = f.to.isValid() ? toWireTime(f.to) : QStringLiteral("9");

    // One grouped read per event type, in index order (no sort), merged by client.
    QHash<qint64, Counts> counts;
    const QStringList types{QStringLiteral("session.started"), QStringLiteral("document.downloaded"),
                            QStringLiteral("browser.verified")};
    for (int t = 0; t < types.size(); ++t) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT client_id, MIN(time), SUM(time >= :from AND time < :to) FROM audit_events "
                                 "INDEXED BY audit_by_type_client WHERE type = :type AND client_id > 0 "
                                 "GROUP BY client_id"));
        q.bindValue(QStringLiteral(":from"), from);
        q.bindValue(QStringLiteral(":to"), to);
        q.bindValue(QStringLiteral(":type"), types.at(t));
        if (!q.exec())
            return failed(q);
        while (q.next()) {
            auto &c = counts[q.value(0).toLongLong()];
            const int inPeriod = q.value(2).toInt();
            if (t == 0) {
                c.firstAccess = q.value(1).toString();
                c.signIns = inPeriod;
            } else if (t == 1) {
                c.downloads = inPeriod;
            } else {
                c.browsers = inPeriod;
            }
        }
    }

    QStringList where;
    if (!f.partner.isEmpty())
        where << QStringLiteral("partner_name = :partner COLLATE NOCASE");
    if (!f.matter.isEmpty())
        where << QStringLiteral("matter LIKE :matter ESCAPE '\\'");
    if (f.status)
        where << QStringLiteral("status = :status");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, name, matter, partner_name, status, last_access_at, last_access_address, "
                             "last_access_device, open_sessions, require_sign_in, phone_confirmation FROM clients%1")
                  .arg(where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    if (!f.partner.isEmpty())
        q.bindValue(QStringLiteral(":partner"), f.partner);
    if (!f.matter.isEmpty())
        q.bindValue(QStringLiteral(":matter"), SqlText::likeContains(f.matter));
    if (f.status)
        q.bindValue(QStringLiteral(":status"), statusName(*f.status));
    if (!q.exec())
        return failed(q);
    QList<AccessReportRow> rows;
    while (q.next()) {
        AccessReportRow r;
        r.clientId = q.value(0).toLongLong();
        r.name = q.value(1).toString();
        r.matter = q.value(2).toString();
        r.partner = q.value(3).toString();
        r.status = statusFromName(q.value(4).toString()).value_or(ClientStatus::Draft);
        if (const auto at = q.value(5).toString(); !at.isEmpty())
            r.lastAccessAt = readWireTime(at);
        r.lastAccessAddress = q.value(6).toString();
        r.lastAccessDevice = q.value(7).toString();
        r.openSessions = q.value(8).toInt();
        r.requireSignIn = q.value(9).toBool();
        r.phoneConfirmation = q.value(10).toBool();
        if (const auto c = counts.constFind(r.clientId); c != counts.cend()) {
            if (!c->firstAccess.isEmpty())
                r.firstAccessAt = readWireTime(c->firstAccess);
            r.signIns = c->signIns;
            r.downloads = c->downloads;
            r.browsersVerified = c->browsers;
        }
        rows.append(std::move(r));
    }
    return rows;
}

QStringList AccessReport::partners(const LocalCache &cache)
{
    QSqlQuery q(cache.database());
    QStringList names;
    if (q.exec(QStringLiteral("SELECT DISTINCT partner_name FROM clients WHERE partner_name <> '' "
                              "ORDER BY partner_name COLLATE NOCASE"))) {
        while (q.next())
            names << q.value(0).toString();
    }
    return names;
}

void AccessReportModel::setRows(QList<AccessReportRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString AccessReportModel::headerText(int column)
{
    switch (column) {
    case Client:
        return tr("Client");
    case Matter:
        return tr("Matter");
    case Partner:
        return tr("Partner");
    case Status:
        return tr("Status");
    case LastAccess:
        return tr("Last access");
    case LastAddress:
        return tr("From address");
    case LastDevice:
        return tr("On device");
    case FirstAccess:
        return tr("First access");
    case SignIns:
        return tr("Sign-ins");
    case Downloads:
        return tr("Downloads");
    case OpenSessions:
        return tr("Open sessions");
    case BrowsersVerified:
        return tr("Browsers verified");
    case RequireSignIn:
        return tr("Lock");
    case PhoneConfirmation:
        return tr("Phone confirmation");
    default:
        return {};
    }
}

QString AccessReportModel::cellText(const AccessReportRow &r, int column)
{
    const auto when = [](const QDateTime &utc) {
        return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")) : tr("never");
    };
    switch (column) {
    case Client:
        return r.name;
    case Matter:
        return r.matter;
    case Partner:
        return r.partner;
    case Status:
        return ClientListModel::statusText(r.status);
    case LastAccess:
        return when(r.lastAccessAt);
    case LastAddress:
        return r.lastAccessAddress;
    case LastDevice:
        return r.lastAccessDevice;
    case FirstAccess:
        return when(r.firstAccessAt);
    case SignIns:
        return QString::number(r.signIns);
    case Downloads:
        return QString::number(r.downloads);
    case OpenSessions:
        return QString::number(r.openSessions);
    case BrowsersVerified:
        return QString::number(r.browsersVerified);
    case RequireSignIn:
        return r.requireSignIn ? tr("on") : tr("off");
    case PhoneConfirmation:
        return r.phoneConfirmation ? tr("on") : tr("off");
    default:
        return {};
    }
}

int AccessReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccessReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_rows.at(index.row());
    if (role == ClientIdRole)
        return r.clientId;
    if (role == Qt::DisplayRole)
        return cellText(r, index.column());
    if (role == Qt::TextAlignmentRole && index.column() >= SignIns && index.column() <= BrowsersVerified)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && (index.column() == LastAccess || index.column() == FirstAccess)) {
        const auto &at = index.column() == LastAccess ? r.lastAccessAt : r.firstAccessAt;
        if (at.isValid())
            return QLocale().toString(at.toLocalTime(), QLocale::LongFormat);
    }
    return {};
}

QVariant AccessReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return headerText(section);
}

void AccessReportModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    // Each row's key is computed once (times and counts as numbers, text case-folded),
    // then the row numbers are sorted: at 100,000 rows, comparing case-insensitively
    // inside the sort cost more than everything else.
    struct Key
    {
        qint64 number = 0;
        QString text;
        QString name; // ties read in name order whichever way the column sorts
        qint64 id = 0;
    };
    const auto msecs = [](const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : 0; };
    QList<Key> keys;
    keys.reserve(m_rows.size());
    for (const auto &r : std::as_const(m_rows)) {
        Key k;
        k.name = r.name.toCaseFolded();
        k.id = r.clientId;
        switch (column) {
        case LastAccess:
            k.number = msecs(r.lastAccessAt);
            break;
        case FirstAccess:
            k.number = msecs(r.firstAccessAt);
            break;
        case SignIns:
            k.number = r.signIns;
            break;
        case Downloads:
            k.number = r.downloads;
            break;
        case OpenSessions:
            k.number = r.openSessions;
            break;
        case BrowsersVerified:
            k.number = r.browsersVerified;
            break;
        case Status:
            k.number = int(r.status);
            break;
        case RequireSignIn:
            k.number = r.requireSignIn;
            break;
        case PhoneConfirmation:
            k.number = r.phoneConfirmation;
            break;
        case Client:
            k.text = k.name;
            break;
        default:
            k.text = cellText(r, column).toCaseFolded();
            break;
        }
        keys.append(std::move(k));
    }
    QList<int> sequence(m_rows.size());
    std::iota(sequence.begin(), sequence.end(), 0);
    const bool descending = order == Qt::DescendingOrder;
    std::stable_sort(sequence.begin(), sequence.end(), [&keys, descending](int a, int b) {
        const Key &x = keys.at(a);
        const Key &y = keys.at(b);
        if (x.number != y.number)
            return descending ? x.number > y.number : x.number < y.number;
        if (const int c = x.text.compare(y.text); c != 0)
            return descending ? c > 0 : c < 0;
        if (const int c = x.name.compare(y.name); c != 0)
            return c < 0;
        return x.id < y.id;
    });

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<AccessReportRow> sorted;
    sorted.reserve(m_rows.size());
    QList<int> newRowOf(m_rows.size());
    for (int to = 0; to < sequence.size(); ++to) {
        sorted.append(std::move(m_rows[sequence.at(to)]));
        newRowOf[sequence.at(to)] = to;
    }
    m_rows = std::move(sorted);
    const auto before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &i : before)
        after << index(newRowOf.at(i.row()), i.column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Gatehouse
