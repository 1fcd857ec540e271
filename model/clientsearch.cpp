// SPDX-License-Identifier: Apache-2.0
#include "clientsearch.h"

#include "sqltext.h"

#include <QSqlQuery>

namespace Gatehouse {

ClientSearch::ClientSearch(const QString &term) : m_term(term) {}

QString ClientSearch::matchingIdsSql() const
{
    if (!isPrefix())
        return QStringLiteral("SELECT rowid FROM clients_fts WHERE clients_fts MATCH :fi");
    // Three range seeks; UNION ALL keeps each on its own index (an OR would not).
    return QStringLiteral(
        "SELECT id FROM clients WHERE name >= :lo COLLATE NOCASE AND name < :hi COLLATE NOCASE "
        "UNION ALL SELECT id FROM clients WHERE email >= :lo COLLATE NOCASE AND email < :hi COLLATE NOCASE "
        "UNION ALL SELECT id FROM clients WHERE matter >= :lo COLLATE NOCASE AND matter < :hi COLLATE NOCASE");
}

QString ClientSearch::scanClause() const
{
    return QStringLiteral("(name LIKE :fs ESCAPE '\\' OR email LIKE :fs ESCAPE '\\' OR matter LIKE :fs ESCAPE '\\')");
}

void ClientSearch::bindScan(QSqlQuery &q) const
{
    const QString escaped = SqlText::likeEscaped(m_term);
    q.bindValue(QStringLiteral(":fs"), isPrefix() ? QString(escaped + u'%') : QString(u'%' + escaped + u'%'));
}

void ClientSearch::bindIndexed(QSqlQuery &q) const
{
    if (!isPrefix()) {
        q.bindValue(QStringLiteral(":fi"), SqlText::ftsPhrase(m_term));
        return;
    }
    // NOCASE compares ASCII letters lower-cased: [lo, hi) is every text starting
    // with the term, hi being the term with its last character incremented.
    const QString lo = m_term.toLower();
    QString hi = lo;
    hi[hi.size() - 1] = QChar(char16_t(hi.at(hi.size() - 1).unicode() + 1));
    q.bindValue(QStringLiteral(":lo"), lo);
    q.bindValue(QStringLiteral(":hi"), hi);
}

} // namespace Gatehouse
