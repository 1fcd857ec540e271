// SPDX-License-Identifier: Apache-2.0
#include "clientlistmodel.h"

#include "localcache.h"
#include "relativetime.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace Gatehouse {

namespace {

// Everything a row shows or hands out; when all of it is equal the views need not hear.
bool sameRecord(const ClientRecord &a, const ClientRecord &b)
{
    return a.id == b.id && a.version == b.version && a.changeSeq == b.changeSeq && a.name == b.name &&
           a.email == b.email && a.matter == b.matter && a.partnerId == b.partnerId && a.partnerName == b.partnerName &&
           a.status == b.status && a.requireSignIn == b.requireSignIn && a.phoneConfirmation == b.phoneConfirmation &&
           a.lastAccessAt == b.lastAccessAt && a.lastAccessAddress == b.lastAccessAddress &&
           a.lastAccessDevice == b.lastAccessDevice && a.openSessions == b.openSessions && a.updatedAt == b.updatedAt;
}

// Positions (into `seq`) of one longest strictly increasing subsequence: the rows that
// can stay where they are while the others move around them.
QList<int> longestIncreasing(const QList<int> &seq)
{
    QList<int> tails; // tails[k]: index in seq of the smallest tail of a run of length k+1
    QList<int> previous(seq.size(), -1);
    for (int i = 0; i < seq.size(); ++i) {
        const auto at = std::lower_bound(tails.cbegin(), tails.cend(), seq.at(i),
                                         [&seq](int index, int value) { return seq.at(index) < value; });
        const auto k = int(at - tails.cbegin());
        if (k > 0)
            previous[i] = tails.at(k - 1);
        if (k == tails.size())
            tails.append(i);
        else
            tails[k] = i;
    }
    QList<int> out(tails.size());
    for (int i = tails.isEmpty() ? -1 : tails.constLast(), k = int(tails.size()) - 1; i >= 0; i = previous.at(i), --k)
        out[k] = i;
    return out;
}

} // namespace

ClientListModel::ClientListModel(LocalCache *cache, QObject *parent) : QAbstractTableModel(parent), m_cache(cache) {}

void ClientListModel::setFilterText(const QString &text)
{
    const auto trimmed = text.trimmed();
    if (trimmed == m_query.filter)
        return;
    m_query.filter = trimmed;
    resetTo(m_pageSize);
}

void ClientListModel::setStatusFilter(std::optional<ClientStatus> status)
{
    if (status == m_query.status)
        return;
    m_query.status = status;
    resetTo(m_pageSize);
}

void ClientListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const auto sortKey = ClientSort(column); // the Column and ClientSort orders match
    const bool descending = order == Qt::DescendingOrder;
    if (sortKey == m_query.sort && descending == m_query.descending)
        return;
    m_query.sort = sortKey;
    m_query.descending = descending;
    resetTo(m_pageSize);
}

std::optional<ClientRecord> ClientListModel::clientAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int ClientListModel::rowOf(qint64 clientId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == clientId)
            return row;
    }
    return -1;
}

void ClientListModel::updateRow(const ClientRecord &client)
{
    const int row = rowOf(client.id);
    if (row < 0)
        return;
    m_rows[row] = client;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool ClientListModel::setData(const QModelIndex &idx, const QVariant &value, int role)
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        idx.column() != RequireSignIn || role != Qt::CheckStateRole || !m_editable)
        return false;
    auto &c = m_rows[idx.row()];
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (c.requireSignIn == enabled)
        return true;
    c.requireSignIn = enabled;
    emit dataChanged(idx, idx, {Qt::CheckStateRole, Qt::ToolTipRole});
    emit requireSignInToggled(c.id, enabled);
    return true;
}

void ClientListModel::reload()
{
    resetTo(qMax(m_pageSize, int(m_rows.size())));
}

void ClientListModel::refresh()
{
    if (m_fetching)
        return;
    if (!m_cache || !m_cache->isOpen())
        return;
    const int window = qMax(m_pageSize, int(m_rows.size()));
    auto page = m_cache->clientsPage(m_query, std::nullopt, window);
    if (!page) {
        m_lastError = page.error().message; // the rows on screen stay as they were
        return;
    }
    m_lastError.clear();
    m_fetching = true; // no nested fetchMore from inside our own signals
    applyWindow(*page);
    m_exhausted = page->size() < window;
    m_fetching = false;
}

void ClientListModel::applyWindow(const QList<ClientRecord> &fresh)
{
    QHash<qint64, int> freshPos;
    freshPos.reserve(fresh.size());
    for (int i = 0; i < fresh.size(); ++i)
        freshPos.insert(fresh.at(i).id, i);

    // 1. Rows that left the window (deleted, filtered out, pushed past its end), in
    // contiguous runs from the bottom so earlier row numbers stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (freshPos.contains(m_rows.at(row).id))
            continue;
        const int last = row;
        while (row > 0 && !freshPos.contains(m_rows.at(row - 1).id))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        m_rows.remove(row, last - row + 1);
        endRemoveRows();
    }

    // 2. The rows that keep their relative order stay put; only the others move (a
    // renamed client under a name sort), each at most twice: parked at the end, then
    // moved to its place. Moves keep persistent indexes, so a moved selection follows.
    QList<int> order;
    order.reserve(m_rows.size());
    for (const auto &r : std::as_const(m_rows))
        order.append(freshPos.value(r.id));
    QSet<qint64> movers;
    {
        QSet<int> stable;
        for (int i : longestIncreasing(order))
            stable.insert(i);
        for (int i = 0; i < m_rows.size(); ++i) {
            if (!stable.contains(i))
                movers.insert(m_rows.at(i).id);
        }
    }
    QSet<qint64> present;
    for (const auto &r : std::as_const(m_rows))
        present.insert(r.id);
    QSet<qint64> parked;

    // 3. Walk the fresh window: each position ends up holding its fresh row.
    for (int i = 0; i < fresh.size(); ++i) {
        const qint64 id = fresh.at(i).id;
        while (i < m_rows.size() && m_rows.at(i).id != id && movers.contains(m_rows.at(i).id) &&
               !parked.contains(m_rows.at(i).id)) {
            parked.insert(m_rows.at(i).id);
            const int last = int(m_rows.size()) - 1;
            if (i < last) {
                beginMoveRows(QModelIndex(), i, i, QModelIndex(), int(m_rows.size()));
                m_rows.move(i, last);
                endMoveRows();
            }
        }
        if (!present.contains(id)) {
            // A run of rows new to the window goes in with one insertion.
            int end = i + 1;
            while (end < fresh.size() && !present.contains(fresh.at(end).id))
                ++end;
            beginInsertRows(QModelIndex(), i, end - 1);
            for (int k = i; k < end; ++k) {
                m_rows.insert(k, fresh.at(k));
                present.insert(fresh.at(k).id);
            }
            endInsertRows();
            i = end - 1;
            continue;
        }
        int at = i;
        while (m_rows.at(at).id != id)
            ++at;
        if (at != i) {
            beginMoveRows(QModelIndex(), at, at, QModelIndex(), i);
            m_rows.move(at, i);
            endMoveRows();
        }
        if (!sameRecord(m_rows.at(i), fresh.at(i))) {
            m_rows[i] = fresh.at(i);
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
    Q_ASSERT(m_rows.size() == fresh.size());
}

void ClientListModel::resetTo(int rows)
{
    m_fetching = true;
    beginResetModel();
    m_rows.clear();
    m_rows = loadAfter(rows);
    endResetModel();
    m_fetching = false;
}

QList<ClientRecord> ClientListModel::loadAfter(int limit)
{
    if (!m_cache || !m_cache->isOpen()) {
        m_exhausted = true;
        return {};
    }
    std::optional<ClientListKey> after;
    if (!m_rows.isEmpty())
        after = ClientListKey{LocalCache::sortKey(m_rows.constLast(), m_query.sort), m_rows.constLast().id};
    auto page = m_cache->clientsPage(m_query, after, limit);
    if (!page) {
        m_lastError = page.error().message;
        m_exhausted = true;
        return {};
    }
    m_lastError.clear();
    // A short page means the end; a full one may be followed by more (one extra empty
    // fetch at worst, which is cheaper than counting).
    m_exhausted = page->size() < limit;
    return std::move(page).value();
}

qint64 ClientListModel::matchingCount() const
{
    if (!m_cache || !m_cache->isOpen())
        return 0;
    const auto n = m_cache->countClients(m_query);
    return n ? *n : 0;
}

qint64 ClientListModel::matchingCountUpTo(qint64 cap) const
{
    if (!m_cache || !m_cache->isOpen())
        return 0;
    const auto n = m_cache->countClientsUpTo(m_query, cap);
    return n ? *n : 0;
}

int ClientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ClientListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_fetching;
}

void ClientListModel::fetchMore(const QModelIndex &parent)
{
    // Views and checkers may ask for more from inside our own rowsInserted signal;
    // nesting a second insertion there would corrupt their bookkeeping.
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    auto more = loadAfter(m_pageSize);
    if (more.isEmpty())
        return;
    m_fetching = true;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(more.size()) - 1);
    m_rows.append(std::move(more));
    endInsertRows();
    m_fetching = false;
}

QString ClientListModel::statusText(ClientStatus status)
{
    switch (status) {
    case ClientStatus::Draft:
        return tr("Draft");
    case ClientStatus::Invited:
        return tr("Invited");
    case ClientStatus::Active:
        return tr("Active");
    case ClientStatus::Revoked:
        return tr("Revoked");
    case ClientStatus::Expired:
        return tr("Expired");
    }
    return {};
}

QVariant ClientListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &c = m_rows.at(index.row());
    if (role == ClientIdRole)
        return c.id;
    if (role == ClientVersionRole)
        return c.version;

    switch (index.column()) {
    case Name:
        if (role == Qt::DisplayRole)
            return c.name;
        break;
    case Email:
        if (role == Qt::DisplayRole)
            return c.email;
        break;
    case Matter:
        if (role == Qt::DisplayRole)
            return c.matter;
        break;
    case Partner:
        if (role == Qt::DisplayRole)
            return c.partnerName;
        break;
    case Status:
        if (role == Qt::DisplayRole)
            return statusText(c.status);
        if (role == StatusRole)
            return int(c.status);
        break;
    case RequireSignIn:
        if (role == Qt::CheckStateRole)
            return c.requireSignIn ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return c.requireSignIn ? tr("A link alone is not enough: the client confirms their email first")
                                   : tr("The link alone opens the portal");
        break;
    case LastAccess:
        if (role == Qt::DisplayRole)
            return relativeTime(c.lastAccessAt);
        if (role == Qt::ToolTipRole && c.lastAccessAt.isValid()) {
            const auto when = QLocale().toString(c.lastAccessAt.toLocalTime(), QLocale::LongFormat);
            return tr("%1\nfrom %2\non %3")
                .arg(when, c.lastAccessAddress.isEmpty() ? tr("an unknown address") : c.lastAccessAddress,
                     c.lastAccessDevice.isEmpty() ? tr("an unknown device") : c.lastAccessDevice);
        }
        break;
    case OpenSessions:
        if (role == Qt::DisplayRole)
            return c.openSessions;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    default:
        break;
    }
    return {};
}

QVariant ClientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case Matter:
        return tr("Matter");
    case Partner:
        return tr("Partner");
    case Status:
        return tr("Status");
    case RequireSignIn:
        return tr("Lock");
    case LastAccess:
        return tr("Last access");
    case OpenSessions:
        return tr("Open sessions");
    default:
        return {};
    }
}

Qt::ItemFlags ClientListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    auto f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    // The lock toggles on the server (D5); offline the checkbox is read-only.
    if (index.column() == RequireSignIn && m_editable)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

} // namespace Gatehouse
