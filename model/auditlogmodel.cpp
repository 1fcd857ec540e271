// SPDX-License-Identifier: Apache-2.0
#include "auditlogmodel.h"

#include "localcache.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <algorithm>

namespace Gatehouse {

AuditLogModel::AuditLogModel(LocalCache *cache, QObject *parent)
    : QAbstractTableModel(parent), m_store(std::make_unique<AuditStore>(cache)), m_cache(cache)
{}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_blocks.clear();
    m_summaries.clear();
    m_count = 0;
    m_newestId = 0;
    m_countCap = 0;
    if (m_cache && m_cache->isOpen()) {
        // Free text is counted in growing steps (the newest matches first), so a
        // common term shows its first rows at once; the view asks for more at the end.
        if (AuditStore::countIsCostly(m_filter))
            m_countCap = kFirstCountStep;
        const auto n = m_countCap > 0 ? m_store->countUpTo(m_filter, m_countCap) : m_store->count(m_filter);
        const auto newest = m_store->idAt(m_filter, 0, false);
        if (n && newest) {
            m_count = *n;
            m_newestId = *newest;
            m_lastError.clear();
        } else {
            m_lastError = n ? newest.error().message : n.error().message;
        }
    }
    endResetModel();
}

void AuditLogModel::refresh()
{
    if (!m_cache || !m_cache->isOpen())
        return;
    // Events newer than the newest counted one that match the filter: they go on top.
    const auto added = m_store->count(m_filter, m_newestId);
    if (!added) {
        m_lastError = added.error().message;
        return;
    }
    if (*added == 0)
        return;
    const auto newest = m_store->idAt(m_filter, 0, false);
    if (!newest) {
        m_lastError = newest.error().message;
        return;
    }
    m_lastError.clear();
    beginInsertRows(QModelIndex(), 0, int(*added) - 1);
    m_count += *added;
    if (m_countCap > 0)
        m_countCap += *added;
    m_newestId = *newest;
    for (auto &b : m_blocks)
        b.first += *added; // the cached rows moved down, unchanged
    endInsertRows();
}

const AuditListRow *AuditLogModel::cached(qint64 row) const
{
    for (auto &b : m_blocks) {
        if (row >= b.first && row < b.first + b.rows.size()) {
            b.used = ++m_tick;
            return &b.rows.at(row - b.first);
        }
    }
    return nullptr;
}

const AuditListRow *AuditLogModel::row(int r) const
{
    if (r < 0 || r >= m_count)
        return nullptr;
    if (const auto *hit = cached(r))
        return hit;
    const qint64 first = r - r % m_blockSize;
    if (!readBlock(first, qMin(m_count, first + m_blockSize)))
        return nullptr;
    return cached(r);
}

bool AuditLogModel::readBlock(qint64 first, qint64 end) const
{
    const int want = int(end - first);
    Result<QList<AuditListRow>> rows = QList<AuditListRow>();
    // Continue from a cached neighbour by id when there is one (what scrolling does);
    // otherwise find the block's edge by stepping over ids from the nearer end.
    const AuditListRow *above = first > 0 ? cached(first - 1) : nullptr;
    const AuditListRow *below = above ? nullptr : cached(end);
    if (above) {
        rows = m_store->listPage(m_filter, above->id, want);
    } else if (below) {
        rows = m_store->listPageAfter(m_filter, below->id, want);
        if (rows)
            std::reverse(rows->begin(), rows->end());
    } else if (first <= m_count - end || (m_countCap > 0 && m_count >= m_countCap)) {
        // (While a free-text count is partial, the oldest rows are not known yet.)
        const auto edge = m_store->idAt(m_filter, first, false);
        if (!edge) {
            m_lastError = edge.error().message;
            return false;
        }
        rows = m_store->listPage(m_filter, *edge + 1, want);
    } else {
        const auto edge = m_store->idAt(m_filter, m_count - end, true);
        if (!edge) {
            m_lastError = edge.error().message;
            return false;
        }
        rows = m_store->listPageAfter(m_filter, *edge - 1, want);
        if (rows)
            std::reverse(rows->begin(), rows->end());
    }
    if (!rows) {
        m_lastError = rows.error().message;
        return false;
    }
    if (rows->isEmpty())
        return false; // the cache changed under the count; the next refresh catches up
    if (m_blocks.size() >= CachedBlocks) {
        const auto oldest = std::min_element(m_blocks.begin(), m_blocks.end(),
                                             [](const Block &a, const Block &b) { return a.used < b.used; });
        m_blocks.erase(oldest);
    }
    m_blocks.append(Block{first, std::move(rows).value(), ++m_tick});
    return true;
}

std::optional<AuditRow> AuditLogModel::rowAt(int r) const
{
    const auto *hit = row(r);
    if (!hit)
        return std::nullopt;
    return m_store->event(hit->id);
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_countCap > 0 && m_count >= m_countCap;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const qint64 cap = m_countCap * 4;
    const auto n = m_store->countUpTo(m_filter, cap);
    if (!n) {
        m_lastError = n.error().message;
        return;
    }
    m_countCap = cap;
    if (*n <= m_count)
        return;
    beginInsertRows(QModelIndex(), int(m_count), int(*n) - 1);
    m_count = *n;
    endInsertRows();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::typeText(const QString &type)
{
    // Known types get translated words; unknown ones (a newer server) still read well.
    static const QHash<QString, const char *> known{
        {QStringLiteral("token.issued"), QT_TR_NOOP("Link issued")},
        {QStringLiteral("token.consumed"), QT_TR_NOOP("Link opened")},
        {QStringLiteral("token.rejected"), QT_TR_NOOP("Link refused")},
        {QStringLiteral("token.scanner_hit"), QT_TR_NOOP("Link checked by a mail scanner")},
        {QStringLiteral("session.started"), QT_TR_NOOP("Portal session started")},
        {QStringLiteral("session.ended"), QT_TR_NOOP("Portal session ended")},
        {QStringLiteral("browser.verified"), QT_TR_NOOP("Browser verified")},
        {QStringLiteral("browser.verification_ended"), QT_TR_NOOP("Browser verification ended")},
        {QStringLiteral("client.created"), QT_TR_NOOP("Client created")},
        {QStringLiteral("client.updated"), QT_TR_NOOP("Client updated")},
        {QStringLiteral("client.deleted"), QT_TR_NOOP("Client deleted")},
        {QStringLiteral("client.invited"), QT_TR_NOOP("Client invited")},
        {QStringLiteral("client.link_regenerated"), QT_TR_NOOP("Link regenerated")},
        {QStringLiteral("client.access_revoked"), QT_TR_NOOP("Access revoked")},
        {QStringLiteral("client.sessions_ended"), QT_TR_NOOP("Sessions ended")},
        {QStringLiteral("client.require_sign_in_changed"), QT_TR_NOOP("Require sign-in changed")},
        {QStringLiteral("client.phone_confirmation_changed"), QT_TR_NOOP("Phone confirmation changed")},
        {QStringLiteral("client.phone_code_confirmed"), QT_TR_NOOP("Phone code confirmed")},
        {QStringLiteral("document.added"), QT_TR_NOOP("Document added")},
        {QStringLiteral("document.removed"), QT_TR_NOOP("Document removed")},
        {QStringLiteral("document.sent"), QT_TR_NOOP("Document link emailed")},
        {QStringLiteral("document.downloaded"), QT_TR_NOOP("Document downloaded")},
        {QStringLiteral("staff.sign_in_succeeded"), QT_TR_NOOP("Staff signed in")},
        {QStringLiteral("staff.sign_in_failed"), QT_TR_NOOP("Staff sign-in failed")},
        {QStringLiteral("staff.signed_out"), QT_TR_NOOP("Staff signed out")},
        {QStringLiteral("staff.created"), QT_TR_NOOP("Staff member created")},
        {QStringLiteral("staff.updated"), QT_TR_NOOP("Staff member updated")},
        {QStringLiteral("mail.queued"), QT_TR_NOOP("Mail queued")},
        {QStringLiteral("mail.dead_lettered"), QT_TR_NOOP("Mail could not be delivered")},
    };
    if (const auto it = known.constFind(type); it != known.cend())
        return tr(*it);
    return type;
}

QString AuditLogModel::summaryOf(const AuditEvent &e)
{
    return summaryOf(e.details);
}

QString AuditLogModel::summaryOf(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        const auto v = it.value();
        const QString text = v.isString()   ? v.toString()
                             : v.isBool()   ? (v.toBool() ? tr("yes") : tr("no"))
                             : v.isDouble() ? QString::number(v.toDouble())
                                            : QString();
        if (!text.isEmpty())
            parts << it.key() + QStringLiteral(": ") + text;
    }
    return parts.join(QStringLiteral(", "));
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto *hit = row(index.row());
    if (!hit)
        return {};
    const auto &r = *hit;
    if (role == EventIdRole)
        return r.id;
    const auto time = [&r] { return QDateTime::fromMSecsSinceEpoch(r.timeMs, Qt::UTC).toLocalTime(); };
    if (role == Qt::ToolTipRole && index.column() == Time)
        return QLocale().toString(time(), QLocale::LongFormat);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return r.id;
    case Time:
        return time().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Type:
        return typeText(m_store->pooled(r.type));
    case Actor:
        return m_store->pooled(r.actor);
    case Client:
        return r.clientName == 0 && r.clientId > 0 ? tr("#%1").arg(r.clientId) : m_store->pooled(r.clientName);
    case Address:
        return m_store->pooled(r.address);
    case Summary: {
        // Read on demand for the rows on screen, remembered for a few thousand rows so
        // scrolling back and forth does not query again.
        if (const QString *cached = m_summaries.object(r.id))
            return *cached;
        auto *summary = new QString(summaryOf(m_store->detailsOf(r.id)));
        const QString copy = *summary;
        m_summaries.insert(r.id, summary);
        return copy;
    }
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("#");
    case Time:
        return tr("Time");
    case Type:
        return tr("Event");
    case Actor:
        return tr("By");
    case Client:
        return tr("Client");
    case Address:
        return tr("Address");
    case Summary:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace Gatehouse
