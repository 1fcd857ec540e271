// SPDX-License-Identifier: Apache-2.0
#include "auditviewer.h"

#include "auditexport.h"
#include "common/apitypes.h"
#include "dialogs.h"
#include "model/appsettings.h"
#include "model/auditlogmodel.h"
#include "model/session.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Gatehouse {

AuditViewer::AuditViewer(Session *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_model(session->audit()), m_view(new QTableView(this)),
      m_client(new QLineEdit(this)), m_type(new QComboBox(this)), m_actor(new QLineEdit(this)),
      m_text(new QLineEdit(this)), m_useDates(new QCheckBox(tr("&Dates"), this)), m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)), m_chain(new QLabel(this)), m_detail(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Audit log — Gatehouse"));
    setAccessibleName(tr("Audit log"));

    m_client->setPlaceholderText(tr("Client name"));
    m_client->setAccessibleName(tr("Filter by client"));
    m_type->setAccessibleName(tr("Filter by event type"));
    m_type->addItem(tr("All events"), QString());
    const auto types = m_model->store()->knownTypes();
    for (const auto &t : types)
        m_type->addItem(AuditLogModel::typeText(t), t);
    m_actor->setPlaceholderText(tr("Actor email"));
    m_actor->setAccessibleName(tr("Filter by actor"));
    m_text->setPlaceholderText(tr("Search addresses, devices, details"));
    m_text->setAccessibleName(tr("Search the audit log"));
    m_text->setClearButtonEnabled(true);
    m_useDates->setAccessibleName(tr("Filter by date range"));
    for (auto *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDate(QDate::currentDate());
        d->setEnabled(false);
    }
    m_from->setDate(QDate::currentDate().addMonths(-1));
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date (inclusive)"));
    m_chain->setAccessibleName(tr("Hash chain status"));
    m_chain->setWordWrap(true);
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Event details"));

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Audit events"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AuditLogModel::Id, 70);
    m_view->setColumnWidth(AuditLogModel::Time, 150);
    m_view->setColumnWidth(AuditLogModel::Type, 190);
    m_view->setColumnWidth(AuditLogModel::Actor, 170);
    m_view->setColumnWidth(AuditLogModel::Client, 160);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_client, 2);
    filters->addWidget(m_type, 2);
    filters->addWidget(m_actor, 2);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_text, 3);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_chain);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto *file = menuBar()->addMenu(tr("&File"));
    auto *csv = file->addAction(tr("Export to &CSV…"), this, &AuditViewer::exportCsv);
    csv->setShortcut(QKeySequence::Save);
    auto *pdf = m_pdf = file->addAction(tr("Export to &PDF…"), this, &AuditViewer::exportPdf);
    pdf->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    // PDF reports are for partners and admins (D6); paralegals see why it is disabled.
    pdf->setEnabled(session->canReadFullAudit());
    if (!pdf->isEnabled())
        pdf->setToolTip(tr("Only partners and admins can export a PDF report."));
    file->addSeparator();
    auto *close = file->addAction(tr("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] { m_text->setFocus(); });
    addAction(find);

    m_delay.setSingleShot(true);
    m_delay.setInterval(200);
    connect(&m_delay, &QTimer::timeout, this, &AuditViewer::applyFilters);
    for (auto *edit : {m_client, m_actor, m_text})
        connect(edit, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(m_client, &QLineEdit::textEdited, this, [this] { m_clientId = 0; });
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditViewer::applyFilters);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        applyFilters();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &AuditViewer::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditViewer::applyFilters);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditViewer::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditViewer::refreshChainStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditViewer::refreshChainStatus);

    const auto *settings = session->settings();
    if (!restoreGeometry(settings->windowState(QStringLiteral("audit"), QStringLiteral("geometry"))))
        resize(1100, 700);
    m_view->horizontalHeader()->restoreState(settings->windowState(QStringLiteral("audit"), QStringLiteral("header")));
    refreshChainStatus();
    if (!session->canReadFullAudit())
        statusBar()->showMessage(tr("The full audit log is available to partners and admins. A client's own "
                                    "events are in the client's details."));
}

AuditViewer::~AuditViewer() = default;

void AuditViewer::closeEvent(QCloseEvent *event)
{
    auto *settings = m_session->settings();
    settings->setWindowState(QStringLiteral("audit"), QStringLiteral("geometry"), saveGeometry());
    settings->setWindowState(QStringLiteral("audit"), QStringLiteral("header"),
                             m_view->horizontalHeader()->saveState());
    event->accept();
}

void AuditViewer::showClientTrail(qint64 clientId, const QString &name)
{
    const QSignalBlocker blockClient(m_client);
    const QSignalBlocker blockActor(m_actor);
    const QSignalBlocker blockText(m_text);
    const QSignalBlocker blockType(m_type);
    const QSignalBlocker blockDates(m_useDates);
    m_client->setText(name);
    m_actor->clear();
    m_text->clear();
    m_type->setCurrentIndex(0);
    m_useDates->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_clientId = clientId;
    applyFilters();
}

void AuditViewer::applyFilters()
{
    m_delay.stop();
    AuditFilter f;
    if (m_clientId > 0)
        f.clientId = m_clientId;
    else
        f.clientText = m_client->text().trimmed();
    f.type = m_type->currentData().toString();
    f.actor = m_actor->text().trimmed();
    f.text = m_text->text().trimmed();
    // One or two characters would match most of the log and can only be found by
    // reading all of it: wait for a third.
    if (!f.text.isEmpty() && f.text.size() < 3) {
        f.text.clear();
        statusBar()->showMessage(tr("Type at least three characters to search the text."), 5000);
    }
    if (m_useDates->isChecked()) {
        f.from = m_from->date().startOfDay().toUTC();
        f.to = m_to->date().addDays(1).startOfDay().toUTC();
    }
    m_model->setFilter(f);
}

QString AuditViewer::chainText() const
{
    return m_chain->text();
}

QString AuditViewer::detailText() const
{
    return m_detail->toPlainText();
}

void AuditViewer::refreshChainStatus()
{
    const auto s = m_model->store()->chainStatus();
    if (s.failedAt > 0) {
        m_chain->setText(tr("⚠ The audit log failed verification at event %1: %2. Events up to %3 are verified. "
                            "Tell your administrator.")
                             .arg(s.failedAt)
                             .arg(s.failure)
                             .arg(s.verifiedUpTo));
        m_chain->setStyleSheet(QStringLiteral("QLabel { color: #8a1c1c; background: #fdecec; padding: 6px; "
                                              "border: 1px solid #e3a5a5; border-radius: 3px; }"));
    } else if (s.verifiedUpTo > 0) {
        m_chain->setText(tr("✔ Hash chain verified up to event %1 (%2 events synced).")
                             .arg(s.verifiedUpTo)
                             .arg(QLocale().toString(s.eventCount)));
        m_chain->setStyleSheet(QStringLiteral("QLabel { color: #1d5e2e; padding: 4px; }"));
    } else {
        m_chain->setText(tr("No audit events synced yet."));
        m_chain->setStyleSheet(QString());
    }
}

void AuditViewer::showDetail()
{
    const auto row = m_model->rowAt(m_view->currentIndex().row());
    if (!row) {
        m_detail->clear();
        return;
    }
    const auto &e = row->event;
    QStringList lines{
        tr("Event #%1: %2 (%3)").arg(e.id).arg(AuditLogModel::typeText(e.type), e.type),
        tr("Time: %1 (UTC %2)").arg(QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat), toWireTime(e.time)),
        tr("Actor: %1 %2 (id %3)").arg(e.actorKind, e.actorLabel).arg(e.actorId),
        tr("Client: %1 (id %2)").arg(row->clientName).arg(e.clientId),
        tr("Address: %1").arg(e.address),
        tr("Device: %1").arg(e.userAgent),
        tr("Details: %1").arg(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Indented))),
        tr("Previous hash: %1").arg(e.prevHash),
        tr("Hash: %1").arg(e.hash)};
    m_detail->setPlainText(lines.join(u'\n'));
}

void AuditViewer::exportCsv()
{
    const auto path =
        Dialogs::saveFileName(this, tr("Export audit log"), QStringLiteral("audit-log.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const auto n = AuditExport::toCsv(m_model->store(), m_model->filter(), path);
    if (!n)
        return Dialogs::warning(this, tr("Export failed"), n.error().message);
    statusBar()->showMessage(tr("%1 events exported to %2").arg(*n).arg(path), 10000);
}

void AuditViewer::exportPdf()
{
    if (!m_session->canReadFullAudit())
        return;
    const auto path = Dialogs::saveFileName(this, tr("Export audit report"), QStringLiteral("audit-report.pdf"),
                                            tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const auto n = AuditExport::toPdf(m_model->store(), m_model->filter(), path, tr("Gatehouse audit report"));
    if (!n)
        return Dialogs::warning(this, tr("Export failed"), n.error().message);
    statusBar()->showMessage(tr("%1 events exported to %2").arg(*n).arg(path), 10000);
}

} // namespace Gatehouse
