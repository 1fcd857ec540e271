// SPDX-License-Identifier: Apache-2.0
#include "clientlistmodel.h"

#include "localcache.h"
#include "relativetime.h"

#include <QLocale>

namespace Gatehouse {

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
