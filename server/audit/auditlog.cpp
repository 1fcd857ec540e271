// SPDX-License-Identifier: Apache-2.0
#include "auditlog.h"

#include "clock.h"
#include "storage/writetransaction.h"

#include <QCryptographicHash>

namespace Gatehouse::Server {

namespace {

// AuditEvent::computeHash() over Qt's SHA-256 instead of a QCA context per call (two or
// three appends per consume). Same bytes in, same digest out; verify() still checks
// every entry with computeHash() itself.
QString chainHash(const AuditEvent &e)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(e.prevHash.toLatin1());
    hash.addData(e.canonical());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

Result<qint64> AuditLog::append(QSqlDatabase &db, const AuditRecord &record) const
{
    // On the write connection the head is remembered from the last append (the turn
    // makes it exact); it is read back only after a rollback or another connection's
    // commit (Database::chainHead()).
    const bool onWriter = m_database.holdsWriter(db);
    const auto remembered = onWriter ? m_database.chainHead() : std::nullopt;
    auto head = remembered ? Result<AuditHead>(AuditHead{remembered->id, remembered->hash}) : AuditEventStore::head(db);
    if (!head)
        return head.error();
    AuditEvent e;
    e.id = head->id + 1;
    // QDateTime holds milliseconds, as the wire form does, so the hashed form and the
    // stored text agree without a round trip through the text.
    e.time = record.time.isValid() ? record.time.toUTC() : Clock::now();
    e.type = record.type;
    e.actorKind = record.actorKind.isEmpty() ? QStringLiteral("system") : record.actorKind;
    e.actorId = record.actorId;
    // The text columns are NOT NULL, and Qt binds a null QString as SQL NULL: records
    // that leave a field unset (system events, requests without a User-Agent) store ''.
    const auto text = [](const QString &value) { return value.isNull() ? QString::fromLatin1("") : value; };
    e.actorLabel = text(record.actorLabel);
    e.clientId = record.clientId;
    e.address = text(record.address);
    // User agents are attacker-chosen; a bounded length keeps one request from
    // bloating the log.
    e.userAgent = text(record.userAgent.left(512));
    e.details = record.details;
    e.prevHash = head->hash;
    e.hash = chainHash(e);

    if (auto stored = AuditEventStore::insert(db, e); !stored)
        return stored.error();
    if (onWriter)
        m_database.setChainHead({e.id, e.hash});
    return e.id;
}

Result<qint64> AuditLog::record(const AuditRecord &record) const
{
    WriteTransaction tx(m_database);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto db = tx.connection();
    auto id = append(db, record);
    if (!id)
        return id.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return id;
}

Result<AuditHead> AuditLog::head() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    return AuditEventStore::head(*db);
}

Result<QList<AuditEvent>> AuditLog::query(const AuditQuery &query) const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    return AuditEventStore::query(*db, query);
}

Result<AuditLog::Verification> AuditLog::verify() const
{
    auto db = m_database.connection();
    if (!db)
        return db.error();
    Verification v;
    QString expectedPrev = AuditEvent::genesisHash();
    qint64 expectedId = 1;
    auto scanned = AuditEventStore::scan(*db, [&](const AuditEvent &e) {
        ++v.checked;
        if (e.id != expectedId) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 follows %2: entries are missing").arg(e.id).arg(expectedId - 1);
            return false;
        }
        if (e.prevHash != expectedPrev) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 does not link to the entry before it").arg(e.id);
            return false;
        }
        if (e.computeHash() != e.hash) {
            v.firstBadId = e.id;
            v.reason = QStringLiteral("entry %1 was changed after it was written").arg(e.id);
            return false;
        }
        expectedPrev = e.hash;
        ++expectedId;
        return true;
    });
    if (!scanned)
        return scanned.error();
    return v;
}

} // namespace Gatehouse::Server
