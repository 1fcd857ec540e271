// SPDX-License-Identifier: Apache-2.0
#include "csvparser.h"

#include "common/errorcode.h"

#include <QStringDecoder>
#include <QStringView>

namespace Gatehouse {

QChar CsvParser::detectSeparator(QStringView text)
{
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break; // only the first record: later rows may hold free text
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
    }
    return semicolons > commas ? QChar(u';') : QChar(u',');
}

Result<CsvTable> CsvParser::parse(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // The decoder drops a leading BOM itself; it must not become part of the first header.
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{QString(ErrorCode::ValidationFailed),
                     tr("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8” and "
                        "try again.")};

    CsvTable table;
    table.separator = detectSeparator(text);
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    bool rowHasContent = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;

    const auto endField = [&] {
        row.append(field);
        rowHasContent = rowHasContent || !field.isEmpty() || fieldWasQuoted;
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        // A blank line is a single empty field: spreadsheets leave them at the end.
        if (rowHasContent) {
            table.rows.append(row);
            table.lines.append(rowLine);
        }
        row.clear();
        rowHasContent = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !fieldWasQuoted) {
            quoted = true;
            fieldWasQuoted = true;
            quoteLine = line;
        } else if (c == table.separator) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRow();
            ++line;
            rowLine = line;
        } else {
            // A stray quote inside an unquoted field is kept as text (lenient, like
            // spreadsheets), rather than failing the whole file.
            field.append(c);
        }
    }
    if (quoted)
        return Error{QString(ErrorCode::ValidationFailed),
                     tr("Line %1: a quoted value is never closed. Check that every \" has its pair.").arg(quoteLine)};
    if (!field.isEmpty() || !row.isEmpty() || fieldWasQuoted)
        endRow();
    return table;
}

} // namespace Gatehouse
