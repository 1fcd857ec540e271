// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/clientimport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Gatehouse {

class ClientImportRunner;
class Session;

// Bulk client import (D3): pick a CSV file, check the guessed column mapping, read the
// per-row validation report, then either import everything (only possible when every
// row is valid) or explicitly import just the valid rows. Nothing is sent before the
// user presses one of those buttons. If the server refuses a row mid-way, the import
// stops there and the dialog lists exactly which lines were created and which were
// not, with a button to retry the rest.
class CsvImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CsvImportDialog(Session *session, QWidget *parent = nullptr);

    bool loadFile(const QString &path);
    bool loadBytes(const QByteArray &bytes);
    void setMapping(const ImportMapping &mapping);
    ImportMapping mapping() const;

    const QList<ImportRow> &rows() const { return m_rows; }
    QString summaryText() const;
    QString resultText() const;
    QPushButton *importAllButton() const { return m_importAll; }
    QPushButton *importValidButton() const { return m_importValid; }
    QPushButton *retryButton() const { return m_retry; }
    QTableWidget *reportTable() const { return m_report; }
    bool isImporting() const;
    bool partnersLoaded() const { return m_partnersLoaded; }
    const ImportOutcome &lastOutcome() const { return m_outcome; }

private:
    void chooseFile();
    void loadPartners();
    void revalidate();
    void fillCombos(const QStringList &header);
    void runImport(const QList<ImportRow> &rows);
    void showOutcome(const ImportOutcome &outcome);
    void updateButtons();

    Session *m_session;
    ClientImportRunner *m_runner;
    CsvTable m_table;
    QList<StaffMember> m_partners;
    bool m_partnersLoaded = false;
    QList<ImportRow> m_rows;
    ImportOutcome m_outcome;
    QLabel *m_file;
    QComboBox *m_name;
    QComboBox *m_email;
    QComboBox *m_matter;
    QComboBox *m_partner;
    QCheckBox *m_header;
    QTableWidget *m_report;
    QLabel *m_summary;
    QLabel *m_result;
    QProgressBar *m_progress;
    QPushButton *m_importAll;
    QPushButton *m_importValid;
    QPushButton *m_retry;
    bool m_updating = false;
};

} // namespace Gatehouse
