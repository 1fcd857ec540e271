// SPDX-License-Identifier: Apache-2.0
#include "reportfiles.h"

#include "common/errorcode.h"

#include <QCoreApplication>
#include <QFile>
#include <QFont>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace Gatehouse::ReportFiles {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gatehouse::ReportFiles", text);
}

} // namespace

QString csvField(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@").contains(value.front()))
        value.prepend(u'\'');
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + value + u'"';
    }
    return value;
}

QByteArray csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const auto &f : fields)
        quoted << csvField(f);
    return quoted.join(u',').toUtf8() + "\r\n";
}

Error fileError(const QString &path, const QString &detail)
{
    return Error{QString(ErrorCode::StorageError),
                 tr("Could not write %1 (%2). Choose a folder you can write to.").arg(path, detail)};
}

Result<void> writePdf(const QString &path, const QString &title, const QString &html)
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Gatehouse"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    QTextDocument doc;
    doc.setDefaultFont(QFont(QStringLiteral("Sans"), 8));
    doc.setHtml(html);
    // With no page size of its own, the document is laid out for the writer's pages
    // and each page gets its number at the foot.
    doc.print(&writer);
    if (!QFile::exists(path))
        return fileError(path, tr("the PDF writer failed"));
    return {};
}

} // namespace Gatehouse::ReportFiles
