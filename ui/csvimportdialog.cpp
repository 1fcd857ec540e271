// SPDX-License-Identifier: Apache-2.0
#include "csvimportdialog.h"

#include "model/clientactions.h"
#include "model/portalclient.h"
#include "model/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gatehouse {

namespace {

QString lineList(const QList<ImportRow> &rows)
{
    QStringList lines;
    for (const auto &r : rows)
        lines << QString::number(r.line);
    return lines.join(QStringLiteral(", "));
}

} // namespace

CsvImportDialog::CsvImportDialog(Session *session, QWidget *parent)
    : QDialog(parent), m_session(session), m_runner(new ClientImportRunner(session->actions(), this)),
      m_file(new QLabel(tr("No file chosen."), this)), m_name(new QComboBox(this)), m_email(new QComboBox(this)),
      m_matter(new QComboBox(this)), m_partner(new QComboBox(this)),
      m_header(new QCheckBox(tr("The first row holds column names"), this)), m_report(new QTableWidget(this)),
      m_summary(new QLabel(this)), m_result(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_importAll(new QPushButton(tr("Import &all rows"), this)),
      m_importValid(new QPushButton(tr("Import only the &valid rows"), this)),
      m_retry(new QPushButton(tr("&Retry the rows not created"), this))
{
    setWindowTitle(tr("Import clients from CSV"));
    auto *choose = new QPushButton(tr("&Choose file…"), this);
    choose->setAccessibleName(tr("Choose a CSV file"));
    connect(choose, &QPushButton::clicked, this, &CsvImportDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(choose);
    fileRow->addWidget(m_file, 1);

    auto *form = new QFormLayout;
    const std::initializer_list<std::pair<QComboBox *, QString>> combos{
        {m_name, tr("&Name:")}, {m_email, tr("&Email:")}, {m_matter, tr("&Matter:")}, {m_partner, tr("&Partner:")}};
    for (const auto &[box, label] : combos) {
        box->setAccessibleName(tr("Column for %1").arg(QString(label).remove(u'&').remove(u':')));
        form->addRow(label, box);
        connect(box, &QComboBox::currentIndexChanged, this, &CsvImportDialog::revalidate);
    }
    m_header->setChecked(true);
    connect(m_header, &QCheckBox::toggled, this, &CsvImportDialog::revalidate);
    form->addRow(QString(), m_header);

    m_report->setColumnCount(6);
    m_report->setHorizontalHeaderLabels(
        {tr("Line"), tr("Name"), tr("Email"), tr("Matter"), tr("Partner"), tr("Problems")});
    m_report->setAccessibleName(tr("Validation report"));
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_report->verticalHeader()->setVisible(false);
    m_report->setWordWrap(false);
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_summary->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Import result"));
    m_progress->setVisible(false);
    m_retry->setVisible(false);
    m_importAll->setAccessibleName(tr("Import all rows"));
    m_importValid->setAccessibleName(tr("Import only the valid rows"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_importAll, QDialogButtonBox::ActionRole);
    buttons->addButton(m_importValid, QDialogButtonBox::ActionRole);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_importAll, &QPushButton::clicked, this, [this] { runImport(m_rows); });
    connect(m_importValid, &QPushButton::clicked, this, [this] {
        QList<ImportRow> valid;
        for (const auto &r : std::as_const(m_rows)) {
            if (r.isValid())
                valid << r;
        }
        runImport(valid);
    });
    connect(m_retry, &QPushButton::clicked, this, [this] { runImport(m_outcome.notCreated); });
    connect(m_runner, &ClientImportRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_runner, &ClientImportRunner::finished, this, &CsvImportDialog::showOutcome);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(760, 520);
    loadPartners();
    updateButtons();
}

void CsvImportDialog::loadPartners()
{
    QPointer<CsvImportDialog> guard(this);
    m_session->client()->staffList([guard](Result<QList<StaffMember>> staff) {
        if (!guard)
            return;
        guard->m_partnersLoaded = true;
        if (staff) {
            for (const auto &s : *staff) {
                if (!s.disabled && s.role != StaffRole::Paralegal)
                    guard->m_partners << s;
            }
        }
        guard->revalidate();
    });
}

void CsvImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import clients"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool CsvImportDialog::loadFile(const QString &path)
{
    QFile file(path);
    // A client list is small; a larger file is almost certainly the wrong one.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 20 * 1024 * 1024) {
        m_summary->setText(tr("Could not read “%1”. Check that the file exists and is a CSV file under 20 MB.")
                               .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    m_file->setText(QDir::toNativeSeparators(path));
    return loadBytes(file.readAll());
}

bool CsvImportDialog::loadBytes(const QByteArray &bytes)
{
    m_outcome = ImportOutcome{};
    m_result->clear();
    m_retry->setVisible(false);
    auto table = CsvParser::parse(bytes);
    if (!table) {
        m_table = CsvTable{};
        m_rows.clear();
        m_report->setRowCount(0);
        m_summary->setText(table.error().message);
        updateButtons();
        return false;
    }
    m_table = *table;
    const QStringList header = m_table.rows.value(0);
    fillCombos(header);
    setMapping(ClientImport::guessMapping(header));
    return true;
}

void CsvImportDialog::fillCombos(const QStringList &header)
{
    m_updating = true;
    for (auto *box : {m_name, m_email, m_matter, m_partner}) {
        box->clear();
        box->addItem(tr("(not in the file)"), -1);
        for (int i = 0; i < header.size(); ++i) {
            const QString title = header.at(i).trimmed();
            box->addItem(tr("Column %1: %2").arg(i + 1).arg(title.left(40)), i);
        }
    }
    m_updating = false;
}

void CsvImportDialog::setMapping(const ImportMapping &mapping)
{
    m_updating = true;
    m_name->setCurrentIndex(std::max(0, m_name->findData(mapping.name)));
    m_email->setCurrentIndex(std::max(0, m_email->findData(mapping.email)));
    m_matter->setCurrentIndex(std::max(0, m_matter->findData(mapping.matter)));
    m_partner->setCurrentIndex(std::max(0, m_partner->findData(mapping.partner)));
    m_header->setChecked(mapping.hasHeader);
    m_updating = false;
    revalidate();
}

ImportMapping CsvImportDialog::mapping() const
{
    ImportMapping m;
    m.name = m_name->currentData().isValid() ? m_name->currentData().toInt() : -1;
    m.email = m_email->currentData().isValid() ? m_email->currentData().toInt() : -1;
    m.matter = m_matter->currentData().isValid() ? m_matter->currentData().toInt() : -1;
    m.partner = m_partner->currentData().isValid() ? m_partner->currentData().toInt() : -1;
    m.hasHeader = m_header->isChecked();
    return m;
}

void CsvImportDialog::revalidate()
{
    if (m_updating)
        return;
    const ImportMapping m = mapping();
    const QString mappingProblem = ClientImport::mappingProblem(m);
    m_rows = m_table.rows.isEmpty() || !mappingProblem.isEmpty() ? QList<ImportRow>{}
                                                                 : ClientImport::validate(m_table, m, m_partners);
    m_report->setRowCount(int(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i) {
        const ImportRow &r = m_rows.at(i);
        const QStringList cells{
            QString::number(r.line), r.client.name,
            r.client.email,          r.client.matter,
            r.client.partnerName,    r.isValid() ? tr("ready") : r.problems.join(QStringLiteral("; "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!r.isValid())
                item->setForeground(palette().color(QPalette::Highlight)); // stands out in light and dark
            m_report->setItem(i, c, item);
        }
    }
    // Fit the data columns to what the file holds, within reason; problems get the rest.
    for (int c = 0; c < 5; ++c) {
        m_report->resizeColumnToContents(c);
        m_report->setColumnWidth(c, qMin(m_report->columnWidth(c), 220));
    }
    if (m_table.rows.isEmpty())
        m_summary->setText(tr("Choose a CSV file with one client per row: name, email, matter and, optionally, "
                              "the partner's name or email."));
    else if (!mappingProblem.isEmpty())
        m_summary->setText(mappingProblem);
    else
        m_summary->setText(summaryText());
    updateButtons();
}

QString CsvImportDialog::summaryText() const
{
    const qsizetype bad =
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ImportRow &r) { return !r.isValid(); });
    if (m_rows.isEmpty())
        return tr("The file has no client rows.");
    if (bad == 0)
        return tr("All %n row(s) are ready to import. Nothing has been sent yet.", nullptr, int(m_rows.size()));
    return tr("%1 of %2 rows have problems (listed above). Nothing has been sent. Fix the file and choose it "
              "again, or import only the %3 valid rows.")
        .arg(bad)
        .arg(m_rows.size())
        .arg(m_rows.size() - bad);
}

QString CsvImportDialog::resultText() const
{
    return m_result->text();
}

bool CsvImportDialog::isImporting() const
{
    return m_runner->isRunning();
}

void CsvImportDialog::updateButtons()
{
    const bool running = m_runner->isRunning();
    const qsizetype valid =
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const ImportRow &r) { return r.isValid(); });
    const QString offline = m_session->actions()->unavailableReason();
    // "All" only when every row is valid, so a bad row can never be skipped silently.
    m_importAll->setEnabled(!running && offline.isEmpty() && m_partnersLoaded && !m_rows.isEmpty() &&
                            valid == m_rows.size());
    m_importValid->setEnabled(!running && offline.isEmpty() && m_partnersLoaded && valid > 0 && valid < m_rows.size());
    m_importValid->setText(tr("Import only the %n &valid row(s)", nullptr, int(valid)));
    m_retry->setEnabled(!running && offline.isEmpty());
    for (auto *w : std::initializer_list<QWidget *>{m_name, m_email, m_matter, m_partner, m_header})
        w->setEnabled(!running);
    m_importAll->setToolTip(offline);
}

void CsvImportDialog::runImport(const QList<ImportRow> &rows)
{
    m_result->clear();
    m_retry->setVisible(false);
    m_progress->setVisible(true);
    if (!m_runner->start(rows))
        m_result->setText(tr("Nothing was imported: every row must be valid before it is sent."));
    updateButtons();
}

void CsvImportDialog::showOutcome(const ImportOutcome &outcome)
{
    m_outcome = outcome;
    m_progress->setVisible(false);
    if (outcome.complete()) {
        m_result->setText(tr("Created %n client(s) (lines %1). They are in the client list; invite them when "
                             "you are ready.",
                             nullptr, int(outcome.created.size()))
                              .arg(lineList(outcome.created)));
    } else {
        QString text = tr("The server refused line %1: %2").arg(outcome.failedLine).arg(outcome.failure);
        text += u'\n';
        text += outcome.created.isEmpty() ? tr("No client was created.")
                                          : tr("Created before that: lines %1.").arg(lineList(outcome.created));
        text += u'\n';
        text += tr("Not created: lines %1. Fix the cause and press “Retry” to send only these.")
                    .arg(lineList(outcome.notCreated));
        m_result->setText(text);
        m_retry->setVisible(true);
    }
    // Created rows must not be offered again: only the retry path remains.
    m_rows.clear();
    m_report->setRowCount(0);
    m_summary->clear();
    updateButtons();
}

} // namespace Gatehouse
