// SPDX-License-Identifier: Apache-2.0
#include "clientlistmodel.h"

#include "localcache.h"
#include "relativetime.h"

#include <QBitArray>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimer>
#include <algorithm>

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

ClientListModel::ClientListModel(LocalCache *cache, QObject *parent) : QAbstractTableModel(parent), m_cache(cache)
{
    m_completion.setSingleShot(true);
    m_completion.setInterval(0);
    connect(&m_completion, &QTimer::timeout, this, &ClientListModel::completeFilter);
    loadIds(&m_ids);
}

void ClientListModel::setFilterText(const QString &text)
{
    const auto trimmed = text.trimmed();
    if (trimmed == m_query.filter)
        return;
    m_query.filter = trimmed;
    if (showFirstScreen())
        return;
    resetIds(); // the unfiltered order stays: only the text's matches are read
}

bool ClientListModel::showFirstScreen()
{
    // A term most clients contain costs its index a check of every match (about 45 ms
    // at 100,000 clients). Show the first screenful, found by testing rows in display
    // order, at once; complete the list right after this paint. Another filter, sort
    // or sync before then takes the completion's place.
    if (!m_cache || !m_cache->isOpen() || m_query.filter.size() < 3)
        return false;
    const auto matches = m_cache->countClientsMatchingUpTo(m_query.filter, CommonTerm);
    if (!matches || *matches < CommonTerm)
        return false;
    auto first = m_cache->firstClientIdsMatching(m_query, FirstScreen);
    if (!first || first->size() < FirstScreen)
        return false;
    beginResetModel();
    m_ids = std::move(first).value();
    m_complete = false;
    endResetModel();
    // A zero-interval timer fires once the pending events (this paint) are handled.
    m_completion.start();
    return true;
}

void ClientListModel::completeFilter()
{
    if (m_complete)
        return; // superseded by a reset or a refresh
    QList<qint64> full;
    if (!loadIds(&full))
        return;
    m_complete = true;
    if (full != m_ids)
        applyIds(full);
    emit completed();
}

void ClientListModel::setStatusFilter(std::optional<ClientStatus> status)
{
    if (status == m_query.status)
        return;
    m_query.status = status;
    m_orderedValid = false;
    resetIds();
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
    m_orderedValid = false;
    resetIds();
}

ClientRecord *ClientListModel::record(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const qint64 id = m_ids.at(row);
    if (auto *cached = m_records.object(id))
        return cached;
    // Read the whole block the row is in (what a view paints next is nearby), minus the
    // rows already cached.
    const int first = row - row % m_blockSize;
    const int last = qMin(int(m_ids.size()), first + m_blockSize);
    QList<qint64> missing;
    missing.reserve(last - first);
    for (int r = first; r < last; ++r) {
        if (!m_records.contains(m_ids.at(r)))
            missing.append(m_ids.at(r));
    }
    auto rows = m_cache->clientsWithIds(missing);
    if (!rows) {
        m_lastError = rows.error().message;
        return nullptr;
    }
    for (auto &c : *rows)
        m_records.insert(c.id, new ClientRecord(std::move(c)));
    return m_records.object(id);
}

std::optional<ClientRecord> ClientListModel::clientAt(int row) const
{
    if (const auto *c = record(row))
        return *c;
    return std::nullopt;
}

int ClientListModel::rowOf(qint64 clientId) const
{
    return int(m_ids.indexOf(clientId));
}

void ClientListModel::updateRow(const ClientRecord &client)
{
    const int row = rowOf(client.id);
    if (row < 0)
        return;
    m_records.insert(client.id, new ClientRecord(client));
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool ClientListModel::setData(const QModelIndex &idx, const QVariant &value, int role)
{
    if (!checkIndex(idx, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        idx.column() != RequireSignIn || role != Qt::CheckStateRole || !m_editable)
        return false;
    auto *c = record(idx.row());
    if (!c)
        return false;
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (c->requireSignIn == enabled)
        return true;
    c->requireSignIn = enabled;
    const qint64 id = c->id;
    emit dataChanged(idx, idx, {Qt::CheckStateRole, Qt::ToolTipRole});
    emit requireSignInToggled(id, enabled);
    return true;
}

void ClientListModel::reload()
{
    m_orderedValid = false;
    m_records.clear();
    resetIds();
}

void ClientListModel::resetIds()
{
    beginResetModel();
    m_completion.stop();
    m_complete = true;
    loadIds(&m_ids);
    endResetModel();
}

bool ClientListModel::loadIds(QList<qint64> *ids)
{
    if (!m_cache || !m_cache->isOpen()) {
        ids->clear();
        m_orderedValid = false;
        return true;
    }
    if (!m_orderedValid) {
        auto ordered = m_cache->clientIdsInOrder(m_query);
        if (!ordered) {
            m_lastError = ordered.error().message;
            return false;
        }
        m_ordered = std::move(ordered).value();
        m_orderedValid = true;
    }
    if (m_query.filter.isEmpty()) {
        *ids = m_ordered;
        m_lastError.clear();
        return true;
    }
    // The text's matches from its index, then one pass over the order keeping them:
    // no sort of the matches, however many there are.
    const auto matching = m_cache->clientIdsMatching(m_query.filter);
    if (!matching) {
        m_lastError = matching.error().message;
        return false;
    }
    QList<qint64> out;
    out.reserve(qMin(matching->size(), m_ordered.size()));
    if (matching->isEmpty()) {
        ids->clear();
        m_lastError.clear();
        return true;
    }
    const qint64 maxId = matching->constLast();
    if (maxId < (qint64(1) << 26) && matching->constFirst() >= 0) {
        // Ids are small positive integers: a bit per id tests membership in O(1).
        QBitArray member(maxId + 1);
        for (const qint64 id : *matching)
            member.setBit(id);
        for (const qint64 id : std::as_const(m_ordered)) {
            if (id >= 0 && id <= maxId && member.testBit(id))
                out.append(id);
        }
    } else {
        for (const qint64 id : std::as_const(m_ordered)) {
            if (std::binary_search(matching->cbegin(), matching->cend(), id))
                out.append(id);
        }
    }
    *ids = std::move(out);
    m_lastError.clear();
    return true;
}

void ClientListModel::refresh()
{
    if (!m_cache || !m_cache->isOpen())
        return;
    m_orderedValid = false;
    QList<qint64> fresh;
    if (!loadIds(&fresh))
        return;          // the rows on screen stay as they were; lastError says why
    m_completion.stop(); // this is the complete list
    const bool wasComplete = std::exchange(m_complete, true);
    if (fresh != m_ids)
        applyIds(fresh);
    if (!wasComplete)
        emit completed();
    refreshCachedRecords();
}

void ClientListModel::refreshCachedRecords()
{
    // Only cached rows can be on screen; the others are read fresh when asked for.
    const auto cachedIds = m_records.keys();
    const auto fresh = m_cache->clientsWithIds(cachedIds);
    if (!fresh) {
        m_lastError = fresh.error().message;
        return;
    }
    QSet<qint64> changed;
    QSet<qint64> present;
    for (const auto &c : *fresh) {
        present.insert(c.id);
        const auto *old = m_records.object(c.id);
        if (old && sameRecord(*old, c))
            continue;
        m_records.insert(c.id, new ClientRecord(c));
        changed.insert(c.id);
    }
    for (const qint64 id : cachedIds) {
        if (!present.contains(id))
            m_records.remove(id);
    }
    if (changed.isEmpty())
        return;
    // One pass over the rows, one signal per run of changed rows.
    for (int row = 0; row < m_ids.size(); ++row) {
        if (!changed.contains(m_ids.at(row)))
            continue;
        int last = row;
        while (last + 1 < m_ids.size() && changed.contains(m_ids.at(last + 1)))
            ++last;
        emit dataChanged(index(row, 0), index(last, ColumnCount - 1));
        row = last;
    }
}

void ClientListModel::applyIds(const QList<qint64> &fresh)
{
    if (fresh.size() > m_ids.size() && std::equal(m_ids.cbegin(), m_ids.cend(), fresh.cbegin())) {
        // Only rows after the last (a first screen completed): one insertion.
        beginInsertRows(QModelIndex(), int(m_ids.size()), int(fresh.size()) - 1);
        m_ids = fresh;
        endInsertRows();
        return;
    }
    QHash<qint64, int> freshPos;
    freshPos.reserve(fresh.size());
    for (int i = 0; i < fresh.size(); ++i)
        freshPos.insert(fresh.at(i), i);

    // 1. Rows that left (deleted, filtered out), in contiguous runs from the bottom so
    // earlier row numbers stay valid.
    for (int row = int(m_ids.size()) - 1; row >= 0; --row) {
        if (freshPos.contains(m_ids.at(row)))
            continue;
        const int last = row;
        while (row > 0 && !freshPos.contains(m_ids.at(row - 1)))
            --row;
        beginRemoveRows(QModelIndex(), row, last);
        m_ids.remove(row, last - row + 1);
        endRemoveRows();
    }

    // 2. The rows that keep their relative order stay put; only the others move (a
    // renamed client under a name sort), each at most twice: parked at the end, then
    // moved to its place. Moves keep persistent indexes, so a moved selection follows.
    QList<int> order;
    order.reserve(m_ids.size());
    for (const qint64 id : std::as_const(m_ids))
        order.append(freshPos.value(id));
    QSet<qint64> movers;
    {
        QList<bool> stable(m_ids.size(), false);
        for (int i : longestIncreasing(order))
            stable[i] = true;
        for (int i = 0; i < m_ids.size(); ++i) {
            if (!stable.at(i))
                movers.insert(m_ids.at(i));
        }
    }
    QSet<qint64> present(m_ids.cbegin(), m_ids.cend());
    QSet<qint64> parked;

    // 3. Walk the fresh order: each position ends up holding its fresh row.
    for (int i = 0; i < fresh.size(); ++i) {
        const qint64 id = fresh.at(i);
        while (i < m_ids.size() && m_ids.at(i) != id && movers.contains(m_ids.at(i)) && !parked.contains(m_ids.at(i))) {
            parked.insert(m_ids.at(i));
            const int last = int(m_ids.size()) - 1;
            if (i < last) {
                beginMoveRows(QModelIndex(), i, i, QModelIndex(), int(m_ids.size()));
                m_ids.move(i, last);
                endMoveRows();
            }
        }
        if (!present.contains(id)) {
            // A run of new rows goes in with one insertion.
            int end = i + 1;
            while (end < fresh.size() && !present.contains(fresh.at(end)))
                ++end;
            beginInsertRows(QModelIndex(), i, end - 1);
            for (int k = i; k < end; ++k) {
                m_ids.insert(k, fresh.at(k));
                present.insert(fresh.at(k));
            }
            endInsertRows();
            i = end - 1;
            continue;
        }
        int at = i;
        while (m_ids.at(at) != id)
            ++at;
        if (at != i) {
            beginMoveRows(QModelIndex(), at, at, QModelIndex(), i);
            m_ids.move(at, i);
            endMoveRows();
        }
    }
    Q_ASSERT(m_ids == fresh);
}

int ClientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ClientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndexList ClientListModel::match(const QModelIndex &start, int role, const QVariant &value, int hits,
                                       Qt::MatchFlags flags) const
{
    const auto how = flags & Qt::MatchTypeMask;
    if (role != Qt::DisplayRole || how != Qt::MatchStartsWith || (flags & Qt::MatchCaseSensitive) ||
        !checkIndex(start, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QAbstractTableModel::match(start, role, value, hits, flags);
    const int column = start.column();
    if (column != Name && column != Email && column != Matter && column != Partner)
        return {}; // a keyboard search elsewhere would read every row
    if (!m_cache || !m_cache->isOpen())
        return {};
    const auto ids = m_cache->clientIdsStartingWith(ClientSort(column), value.toString());
    if (!ids || ids->isEmpty())
        return {};
    const QSet<qint64> wanted(ids->cbegin(), ids->cend());
    QModelIndexList found;
    const int rows = int(m_ids.size());
    const int span = (flags & Qt::MatchWrap) ? rows : rows - start.row();
    for (int k = 0; k < span && (hits < 0 || found.size() < hits); ++k) {
        const int row = (start.row() + k) % rows;
        if (wanted.contains(m_ids.at(row)))
            found.append(index(row, column));
    }
    return found;
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
    if (role == ClientIdRole)
        return m_ids.at(index.row()); // known without reading the row
    const auto *row = record(index.row());
    if (!row)
        return {};
    const auto &c = *row;
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
