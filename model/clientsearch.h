// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace Gatehouse {

// The SQL behind filter-as-you-type over the cached clients, in two forms that select
// the same rows:
//  - scan(): a per-row LIKE test, cheap when the rows are read in display order anyway
//    and the term is common (the first page fills after a few hundred rows);
//  - indexed(): an id set found through an index, cheap when the term is rare.
// Terms of three or more characters are substrings (FTS5 trigram index, clients_fts);
// one- and two-character terms match the start of the name, email or matter (NOCASE
// range seeks on the sort indexes), because a substring that short can only be found
// by reading every row, which is what made single keystrokes slow.
class ClientSearch
{
public:
    explicit ClientSearch(const QString &term);

    bool isEmpty() const { return m_term.isEmpty(); }
    bool isPrefix() const { return m_term.size() < 3; }
    QString scanClause() const;    // uses :fs
    QString indexedClause() const; // uses :fi (substring) or :lo/:hi (prefix)
    void bindScan(QSqlQuery &q) const;
    void bindIndexed(QSqlQuery &q) const;
    // A count of matching ids up to `cap`, reading the index incrementally.
    QString cappedCountSql(const QString &extraWhere) const;

private:
    QString m_term;
};

} // namespace Gatehouse
