// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/apitypes.h"
#include "csvparser.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Gatehouse {

class ClientActions;

// Which CSV column feeds which client field; -1 means "not in the file".
struct ImportMapping
{
    int name = -1;
    int email = -1;
    int matter = -1;
    int partner = -1;
    bool hasHeader = true; // row 0 is a header row, not a client

    bool operator==(const ImportMapping &) const = default;
};

// One data row of the file after mapping: the client it would create and, when it
// cannot be created as it is, every reason why (not only the first).
struct ImportRow
{
    int line = 0; // the file line the row starts on, for the report
    ClientRecord client;
    QStringList problems;
    bool isValid() const { return problems.isEmpty(); }
};

// The pure part of the CSV import: guessing the mapping from the header and checking
// every row before anything is sent, with the same limits the server enforces
// (name and matter ≤ 200, email ≤ 254 and plausible), plus what only the file can
// tell: the same email twice, a partner nobody on the team is called.
class ClientImport
{
    Q_DECLARE_TR_FUNCTIONS(ClientImport)

public:
    static constexpr int kMaxName = 200;
    static constexpr int kMaxEmail = 254;
    static constexpr int kMaxMatter = 200;

    static ImportMapping guessMapping(const QStringList &header);
    // partners: staff a client may be assigned to, matched by name or email.
    static QList<ImportRow> validate(const CsvTable &table, const ImportMapping &mapping,
                                     const QList<StaffMember> &partners);
    // Empty when the mapping can create clients; otherwise what to map first.
    static QString mappingProblem(const ImportMapping &mapping);
    static bool isPlausibleEmail(const QString &email);
};

// What an import did. On a failure mid-way the rows before it exist on the server and
// the rest do not; `notCreated` is exactly what a retry should send.
struct ImportOutcome
{
    QList<ImportRow> created;
    QList<qint64> createdIds;
    QList<ImportRow> notCreated;
    int failedLine = 0; // the row the server refused, 0 when all were created
    QString failure;    // why, in the server's words
    bool complete() const { return notCreated.isEmpty(); }
};

// Creates the rows one by one through ClientActions (so the cache and the list see
// them at once) and stops at the first refusal instead of skipping it: whatever
// happens, the outcome names each row as created or not created.
class ClientImportRunner : public QObject
{
    Q_OBJECT

public:
    explicit ClientImportRunner(ClientActions *actions, QObject *parent = nullptr);

    // Refuses (returns false, sends nothing) when any row is invalid: the caller
    // must pass only rows the user chose to import.
    bool start(const QList<ImportRow> &rows);
    bool isRunning() const { return m_running; }

signals:
    void progress(int done, int total);
    void finished(const Gatehouse::ImportOutcome &outcome);

private:
    void next();

    QPointer<ClientActions> m_actions;
    QList<ImportRow> m_rows;
    ImportOutcome m_outcome;
    int m_index = 0;
    bool m_running = false;
};

} // namespace Gatehouse

Q_DECLARE_METATYPE(Gatehouse::ImportOutcome)
