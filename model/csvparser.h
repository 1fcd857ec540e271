// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QChar>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Gatehouse {

// A parsed CSV file: the rows as written (the header, when there is one, is row 0) and
// the line each row started on, so a validation report can point at the file's lines.
struct CsvTable
{
    QChar separator = u',';
    QList<QStringList> rows;
    QList<int> lines; // 1-based line of each row's first character
};

// RFC 4180 CSV as spreadsheets really write it: quoted fields with "" escapes, commas
// and line breaks inside quotes, CRLF or LF, an optional UTF-8 byte-order mark, and
// ';' instead of ',' (what Excel writes in locales with a decimal comma), detected from
// the first record. Blank lines are skipped. Invalid UTF-8 or an unclosed quote is an
// error naming the line, because guessing would import wrong names silently.
class CsvParser
{
    Q_DECLARE_TR_FUNCTIONS(CsvParser)

public:
    static Result<CsvTable> parse(const QByteArray &bytes);
    // ',' or ';', whichever appears more often outside quotes in the first record.
    static QChar detectSeparator(QStringView text);
};

} // namespace Gatehouse
