// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "model/auditstore.h"

namespace Gatehouse {

// Writes every event matching a filter (not only the rows loaded in the view) to a
// file, newest first, reading the cache page by page so memory stays flat.
namespace AuditExport {

// RFC 4180 CSV with a header row; fields that start with = + - @ are prefixed with
// a quote so spreadsheet programs do not run them as formulas.
Result<qint64> toCsv(AuditStore *store, const AuditFilter &filter, const QString &path);
// A printable report (partners): the filter, the chain status and a table.
Result<qint64> toPdf(AuditStore *store, const AuditFilter &filter, const QString &path, const QString &title);

} // namespace AuditExport
} // namespace Gatehouse
