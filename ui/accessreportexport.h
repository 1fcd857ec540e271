// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "model/accessreport.h"
#include "model/auditstore.h"

namespace Gatehouse::AccessReportExport {

// Who made a report, for what, and what the audit log vouched for when it was made:
// printed at the top of the PDF so a paper copy can be checked later.
struct Heading
{
    QString firm;
    QString generatedBy;
    QDateTime generatedAt; // UTC
    AccessReportFilter filter;
    ChainStatus chain;
    QString chainHeadHash; // hash of the last verified event
};

// RFC 4180 CSV: a header row, then one row per client with the cells as the table
// shows them (times as local yyyy-MM-dd HH:mm), plus the client id.
Result<qint64> toCsv(const QList<AccessReportRow> &rows, const QString &path);
// A printable A4 report: heading, then the table; page numbers at the foot.
Result<qint64> toPdf(const QList<AccessReportRow> &rows, const Heading &heading, const QString &path);
// The heading's lines as plain text (also the first lines of the PDF).
QStringList headingLines(const Heading &heading);

} // namespace Gatehouse::AccessReportExport
