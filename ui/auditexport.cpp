// SPDX-License-Identifier: Apache-2.0
#include "auditexport.h"

#include "common/apitypes.h"
#include "model/auditlogmodel.h"
#include "reportfiles.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

namespace Gatehouse::AuditExport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gatehouse::AuditExport", text);
}

using ReportFiles::fileError;

// Calls `row` for every matching event, newest first, a page at a time.
template<typename F> Result<qint64> forEachEvent(AuditStore *store, const AuditFilter &filter, F row)
{
    qint64 before = 0;
    qint64 count = 0;
    for (;;) {
        auto page = store->page(filter, before, 2000);
        if (!page)
            return page.error();
        for (const auto &r : *page) {
            row(r);
            ++count;
        }
        if (page->size() < 2000)
            return count;
        before = page->constLast().event.id;
    }
}

} // namespace

Result<qint64> toCsv(AuditStore *store, const AuditFilter &filter, const QString &path)
{
    // QSaveFile: a failed export never leaves a half-written file under the name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(path, file.errorString());
    QByteArray out = "id,time_utc,type,actor_kind,actor,client_id,client,address,user_agent,details,hash\r\n";
    auto written = forEachEvent(store, filter, [&](const AuditRow &r) {
        const auto &e = r.event;
        const QStringList fields{QString::number(e.id),
                                 toWireTime(e.time),
                                 e.type,
                                 e.actorKind,
                                 e.actorLabel,
                                 QString::number(e.clientId),
                                 r.clientName,
                                 e.address,
                                 e.userAgent,
                                 QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)),
                                 e.hash};
        out += ReportFiles::csvLine(fields);
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    });
    if (!written)
        return written.error();
    file.write(out);
    if (!file.commit())
        return fileError(path, file.errorString());
    return written;
}

Result<qint64> toPdf(AuditStore *store, const AuditFilter &filter, const QString &path, const QString &title)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped());
    const auto chain = store->chainStatus();
    html +=
        QStringLiteral("<p>%1</p>")
            .arg(chain.failedAt > 0 ? tr("Hash chain: FAILED at event %1 — %2").arg(chain.failedAt).arg(chain.failure)
                                    : tr("Hash chain verified up to event %1.").arg(chain.verifiedUpTo));
    html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr><th>#</th><th>%1</th>"
                           "<th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                .arg(tr("Time (UTC)"), tr("Event"), tr("By"), tr("Client"), tr("Details"));
    // A PDF of a million rows helps nobody; the report caps at 5,000 and says so.
    constexpr qint64 kMaxRows = 5000;
    qint64 rows = 0;
    auto counted = forEachEvent(store, filter, [&](const AuditRow &r) {
        if (++rows > kMaxRows)
            return;
        const auto &e = r.event;
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                .arg(e.id)
                .arg(toWireTime(e.time), AuditLogModel::typeText(e.type).toHtmlEscaped(), e.actorLabel.toHtmlEscaped(),
                     r.clientName.toHtmlEscaped(), AuditLogModel::summaryOf(e).toHtmlEscaped());
    });
    if (!counted)
        return counted.error();
    html += QStringLiteral("</table>");
    if (*counted > kMaxRows)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Only the newest %1 of %2 matching events are listed; export "
                            "to CSV for all of them.")
                             .arg(kMaxRows)
                             .arg(*counted));
    if (auto written = ReportFiles::writePdf(path, title, html); !written)
        return written.error();
    return counted;
}

} // namespace Gatehouse::AuditExport
