// SPDX-License-Identifier: Apache-2.0
#include "auditlogmodel.h"

#include "localcache.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>

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
    m_fetching = true;
    beginResetModel();
    m_rows.clear();
    m_rows.squeeze(); // a reload after a full scroll must give the memory back
    m_summaries.clear();
    m_exhausted = false;
    m_rows = load(m_pageSize);
    endResetModel();
    m_fetching = false;
}

void AuditLogModel::refresh()
{
    if (m_fetching || !m_cache || !m_cache->isOpen())
        return;
    QList<AuditListRow> newer;
    if (m_rows.isEmpty()) {
        newer = load(m_pageSize); // one page, as a first load would
    } else {
        // Newest first down to the newest row already shown; pages of the usual size.
        const qint64 top = m_rows.constFirst().id;
        qint64 before = 0;
        for (bool reached = false; !reached;) {
            auto page = m_store->listPage(m_filter, before, m_pageSize);
            if (!page) {
                m_lastError = page.error().message;
                return;
            }
            for (const auto &r : std::as_const(*page)) {
                if (r.id <= top) {
                    reached = true;
                    break;
                }
                newer.append(r);
            }
            if (page->size() < m_pageSize)
                break;
            if (!reached)
                before = page->constLast().id;
        }
        m_lastError.clear();
    }
    if (newer.isEmpty())
        return;
    m_fetching = true;
    beginInsertRows(QModelIndex(), 0, int(newer.size()) - 1);
    m_rows = newer + m_rows;
    endInsertRows();
    m_fetching = false;
}

QList<AuditListRow> AuditLogModel::load(int limit)
{
    if (!m_cache || !m_cache->isOpen()) {
        m_exhausted = true;
        return {};
    }
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    auto page = m_store->listPage(m_filter, before, limit);
    if (!page) {
        m_lastError = page.error().message;
        m_exhausted = true;
        return {};
    }
    m_lastError.clear();
    m_exhausted = page->size() < limit;
    return std::move(page).value();
}

std::optional<AuditRow> AuditLogModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_store->event(m_rows.at(row).id);
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_fetching;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    // Views may ask again from inside rowsInserted; a nested insert would corrupt them.
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    auto more = load(m_pageSize);
    if (more.isEmpty())
        return;
    m_fetching = true;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(more.size()) - 1);
    m_rows.append(std::move(more));
    endInsertRows();
    m_fetching = false;
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
    const auto &r = m_rows.at(index.row());
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
