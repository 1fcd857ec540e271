// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace Gatehouse::ReportFiles {

// One RFC 4180 CSV field; a field that starts with = + - @ is prefixed with a quote so
// spreadsheet programs do not run it as a formula.
QString csvField(QString value);
// A CSV line of `fields`, CRLF-terminated.
QByteArray csvLine(const QStringList &fields);
// The error for a file that could not be written, saying what to do.
Error fileError(const QString &path, const QString &detail);
// Prints `html` to an A4 landscape PDF at `path` (page numbers at the foot of each page).
Result<void> writePdf(const QString &path, const QString &title, const QString &html);

} // namespace Gatehouse::ReportFiles
