// SPDX-License-Identifier: Apache-2.0
#include "accessreportdialog.h"

#include "accessreportexport.h"
#include "dialogs.h"
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/clientlistmodel.h"
#include "model/localcache.h"
#include "model/portalclient.h"
#include "model/session.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

AccessReportDialog::AccessReportDialog(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_model(new AccessReportModel(this)), m_view(new QTableView(this)),
      m_partner(new QComboBox(this)), m_matter(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Access report"));
    m_partner->addItem(tr("All partners"), QString());
    if (session->cache())
        for (const auto &name : AccessReport::partners(*session->cache()))
            m_partner->addItem(name, name);
    m_partner->setAccessibleName(tr("Responsible partner"));
    m_matter->setPlaceholderText(tr("Matter contains…"));
    m_matter->setAccessibleName(tr("Matter"));
    m_matter->setClearButtonEnabled(true);
    m_status->addItem(tr("Any status"), -1);
    for (const auto s : {ClientStatus::Draft, ClientStatus::Invited, ClientStatus::Active, ClientStatus::Revoked,
                         ClientStatus::Expired})
        m_status->addItem(ClientListModel::statusText(s), int(s));
    m_status->setAccessibleName(tr("Status"));
    // The period the counts cover: the last 30 days unless the partner picks another.
    const QDate today = QDate::currentDate();
    for (auto *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    m_from->setAccessibleName(tr("Period from"));
    m_to->setAccessibleName(tr("Period to"));

    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(AccessReportModel::Client, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    connect(m_view, &QTableView::activated, this, &AccessReportDialog::openTrail);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_partner, 2);
    filters->addWidget(m_matter, 3);
    filters->addWidget(m_status, 1);
    filters->addWidget(new QLabel(tr("Period:"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    setCentralWidget(central);

    auto *file = menuBar()->addMenu(tr("&File"));
    auto *csv = file->addAction(tr("Export to &CSV…"), this, &AccessReportDialog::exportCsv);
    csv->setShortcut(QKeySequence::Save);
    auto *pdf = file->addAction(tr("Export to &PDF…"), this, &AccessReportDialog::exportPdf);
    pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    auto *trail = file->addAction(tr("Open the client's &trail"), this, &AccessReportDialog::openTrail);
    trail->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    file->addSeparator();
    auto *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);

    m_delay.setSingleShot(true);
    m_delay.setInterval(200);
    connect(&m_delay, &QTimer::timeout, this, &AccessReportDialog::rebuild);
    connect(m_matter, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    for (auto *combo : {m_partner, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &AccessReportDialog::rebuild);
    for (auto *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AccessReportDialog::rebuild);

    resize(1200, 700);
    rebuild();
    // Columns as wide as their headers and the first thousand rows need (the header's
    // resize precision), once; the user's widths stay after that.
    m_view->resizeColumnsToContents();

    // The firm's name for the printed report; kept in the cache for offline reports.
    if (session->isSignedIn() && session->client() && session->cache()) {
        QPointer<AccessReportDialog> self(this);
        session->client()->serverInfo([self](Result<ServerInfo> info) {
            if (self && info && !info->firm.isEmpty() && self->m_session->cache())
                (void)self->m_session->cache()->setFirmName(info->firm);
        });
    }
}

AccessReportFilter AccessReportDialog::filter() const
{
    AccessReportFilter f;
    f.partner = m_partner->currentData().toString();
    f.matter = m_matter->text().trimmed();
    if (const int s = m_status->currentData().toInt(); s >= 0)
        f.status = ClientStatus(s);
    f.from = m_from->date().startOfDay().toUTC();
    f.to = m_to->date().addDays(1).startOfDay().toUTC();
    return f;
}

void AccessReportDialog::rebuild()
{
    m_delay.stop();
    if (!m_session->cache() || !m_session->cache()->isOpen())
        return;
    QElapsedTimer timer;
    timer.start();
    auto rows = AccessReport::build(*m_session->cache(), filter());
    if (!rows) {
        m_summary->setText(rows.error().message);
        return;
    }
    m_model->setRows(std::move(rows).value());
    const auto *header = m_view->horizontalHeader();
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_summary->setText(tr("%n client(s), from the local copy synced with the server (works offline); built in %1 ms.",
                          nullptr, int(m_model->rowCount()))
                           .arg(timer.elapsed()));
}

QString AccessReportDialog::summaryText() const
{
    return m_summary->text();
}

void AccessReportDialog::openTrail()
{
    const auto current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const auto &row = m_model->rowAt(current.row());
    emit trailRequested(row.clientId, row.name);
}

void AccessReportDialog::exportCsv()
{
    const auto path = Dialogs::saveFileName(this, tr("Export access report"), QStringLiteral("access-report.csv"),
                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto n = AccessReportExport::toCsv(m_model->rows(), path);
    if (!n)
        return Dialogs::warning(this, tr("Export failed"), n.error().message);
    statusBar()->showMessage(tr("%1 clients exported to %2").arg(*n).arg(path), 10000);
}

void AccessReportDialog::exportPdf()
{
    const auto path = Dialogs::saveFileName(this, tr("Export access report"), QStringLiteral("access-report.pdf"),
                                            tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    AccessReportExport::Heading heading;
    heading.firm = m_session->cache()->firmName();
    const auto staff = m_session->staff();
    // Offline, the session has no staff member yet: the last one who signed in here.
    heading.generatedBy = !staff.email.isEmpty() ? QStringLiteral("%1 <%2>").arg(staff.name, staff.email)
                          : !m_session->settings()->lastStaffName().isEmpty() ? m_session->settings()->lastStaffName()
                                                                              : tr("(not signed in)");
    heading.generatedAt = QDateTime::currentDateTimeUtc();
    heading.filter = filter();
    auto *store = m_session->audit()->store();
    heading.chain = store->chainStatus();
    if (const auto head = store->event(heading.chain.verifiedUpTo))
        heading.chainHeadHash = head->event.hash;
    const auto n = AccessReportExport::toPdf(m_model->rows(), heading, path);
    if (!n)
        return Dialogs::warning(this, tr("Export failed"), n.error().message);
    statusBar()->showMessage(tr("%1 clients exported to %2").arg(*n).arg(path), 10000);
}

} // namespace Gatehouse
