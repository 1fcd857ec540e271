// SPDX-License-Identifier: Apache-2.0
#include "clientsearch.h"

#include <QSqlQuery>

namespace Gatehouse {

namespace {

QString ftsPhrase(QString text)
{
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

} // namespace

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

void ClientSearch::bindIndexed(QSqlQuery &q) const
{
    if (!isPrefix()) {
        q.bindValue(QStringLiteral(":fi"), ftsPhrase(m_term));
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
