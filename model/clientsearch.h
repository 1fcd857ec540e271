// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace Gatehouse {

// The SQL behind filter-as-you-type over the cached clients: the ids that match a term,
// found through an index. Terms of three or more characters are substrings (FTS5
// trigram index, clients_fts); one- and two-character terms match the start of the
// name, email or matter (NOCASE range seeks on the sort indexes), because a substring
// that short can only be found by reading every row.
class ClientSearch
{
public:
    explicit ClientSearch(const QString &term);

    bool isEmpty() const { return m_term.isEmpty(); }
    bool isPrefix() const { return m_term.size() < 3; }
    // SELECT of the matching ids (unordered, a prefix term may repeat one); binds with
    // bindIndexed().
    QString matchingIdsSql() const;
    void bindIndexed(QSqlQuery &q) const; // :fi (substring) or :lo/:hi (prefix)
    // The same test written per row (LIKE on name, email and matter; :fs), for a scan
    // of rows read in display order anyway. LIKE folds ASCII case only, so for other
    // letters it may differ from the index: use it for a first screen, not the answer.
    QString scanClause() const;
    void bindScan(QSqlQuery &q) const;

private:
    QString m_term;
};

} // namespace Gatehouse
