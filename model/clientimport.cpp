// SPDX-License-Identifier: Apache-2.0
#include "clientimport.h"

#include "clientactions.h"

#include <QHash>
#include <QRegularExpression>

namespace Gatehouse {

namespace {

// Lower-case letters only, so "E-mail address", "EMAIL" and "email_address" all meet.
QString headerKey(const QString &text)
{
    QString key;
    for (const QChar c : text.toCaseFolded()) {
        if (c.isLetter())
            key.append(c);
    }
    return key;
}

int findColumn(const QStringList &keys, std::initializer_list<QStringView> candidates)
{
    // Exact names first, then "contains": "client name" should win over "partner name".
    for (const auto candidate : candidates) {
        const int at = int(keys.indexOf(candidate.toString()));
        if (at >= 0)
            return at;
    }
    for (const auto candidate : candidates) {
        for (int i = 0; i < keys.size(); ++i) {
            if (keys.at(i).contains(candidate))
                return i;
        }
    }
    return -1;
}

QString cell(const QStringList &row, int column)
{
    return column >= 0 && column < row.size() ? row.at(column).trimmed() : QString();
}

} // namespace

bool ClientImport::isPlausibleEmail(const QString &email)
{
    // The same shape the invite dialog and the server accept.
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= kMaxEmail && shape.match(email).hasMatch();
}

ImportMapping ClientImport::guessMapping(const QStringList &header)
{
    QStringList keys;
    for (const auto &h : header)
        keys << headerKey(h);
    ImportMapping m;
    m.email = findColumn(keys, {u"email", u"emailaddress", u"mail", u"posta"});
    m.partner = findColumn(keys, {u"partner", u"responsiblepartner", u"avvocato", u"responsabile"});
    m.matter = findColumn(keys, {u"matter", u"pratica", u"case", u"reference", u"file"});
    m.name = findColumn(keys, {u"name", u"clientname", u"fullname", u"client", u"nome", u"cliente"});
    if (m.name == m.partner) // "partner name" must not be taken for the client's name
        m.name = findColumn(keys, {u"clientname", u"fullname", u"client", u"nome", u"cliente"});
    if (m.email >= 0 || m.name >= 0)
        return m;
    // No recognisable header: a file of bare data rows in the documented order.
    m = ImportMapping{};
    m.hasHeader = false;
    const int n = int(header.size());
    m.name = n > 0 ? 0 : -1;
    m.email = n > 1 ? 1 : -1;
    m.matter = n > 2 ? 2 : -1;
    m.partner = n > 3 ? 3 : -1;
    return m;
}

QString ClientImport::mappingProblem(const ImportMapping &mapping)
{
    if (mapping.name < 0)
        return tr("Choose the column that holds the client's name.");
    if (mapping.email < 0)
        return tr("Choose the column that holds the client's email address.");
    if (mapping.matter < 0)
        return tr("Choose the column that holds the matter.");
    return {};
}

QList<ImportRow> ClientImport::validate(const CsvTable &table, const ImportMapping &mapping,
                                        const QList<StaffMember> &partners)
{
    QHash<QString, qint64> partnerIds;
    QHash<QString, QString> partnerNames;
    for (const auto &p : partners) {
        for (const auto &key : {p.name.toCaseFolded(), p.email.toCaseFolded()}) {
            if (!key.isEmpty()) {
                partnerIds.insert(key, p.id);
                partnerNames.insert(key, p.name.isEmpty() ? p.email : p.name);
            }
        }
    }

    QList<ImportRow> result;
    QHash<QString, int> emailLines; // case-folded email → first line that has it
    for (qsizetype i = mapping.hasHeader ? 1 : 0; i < table.rows.size(); ++i) {
        const QStringList &fields = table.rows.at(i);
        ImportRow row;
        row.line = table.lines.value(i);
        row.client.name = cell(fields, mapping.name);
        row.client.email = cell(fields, mapping.email);
        row.client.matter = cell(fields, mapping.matter);
        const QString partner = cell(fields, mapping.partner);

        if (row.client.name.isEmpty())
            row.problems << tr("the name is missing");
        else if (row.client.name.size() > kMaxName)
            row.problems << tr("the name is longer than %1 characters").arg(kMaxName);
        if (row.client.email.isEmpty())
            row.problems << tr("the email address is missing");
        else if (row.client.email.size() > kMaxEmail)
            row.problems << tr("the email address is longer than %1 characters").arg(kMaxEmail);
        else if (!isPlausibleEmail(row.client.email))
            row.problems << tr("“%1” is not a valid email address").arg(row.client.email);
        if (row.client.matter.isEmpty())
            row.problems << tr("the matter is missing");
        else if (row.client.matter.size() > kMaxMatter)
            row.problems << tr("the matter is longer than %1 characters").arg(kMaxMatter);
        if (!partner.isEmpty()) {
            const QString key = partner.toCaseFolded();
            if (partnerIds.contains(key)) {
                row.client.partnerId = partnerIds.value(key);
                row.client.partnerName = partnerNames.value(key);
            } else {
                row.problems << tr("no partner on the team is called “%1”").arg(partner);
            }
        }
        if (!row.client.email.isEmpty()) {
            const QString key = row.client.email.toCaseFolded();
            if (const auto first = emailLines.constFind(key); first != emailLines.constEnd())
                row.problems << tr("the same email address is already on line %1").arg(first.value());
            else
                emailLines.insert(key, row.line);
        }
        result.append(row);
    }
    return result;
}

ClientImportRunner::ClientImportRunner(ClientActions *actions, QObject *parent) : QObject(parent), m_actions(actions) {}

bool ClientImportRunner::start(const QList<ImportRow> &rows)
{
    if (m_running || rows.isEmpty())
        return false;
    for (const auto &row : rows) {
        if (!row.isValid())
            return false;
    }
    m_rows = rows;
    m_outcome = ImportOutcome{};
    m_index = 0;
    m_running = true;
    emit progress(0, int(m_rows.size()));
    next();
    return true;
}

void ClientImportRunner::next()
{
    if (m_index >= m_rows.size() || !m_actions) {
        // Only reached without a failure (or when the session went away mid-way).
        m_outcome.notCreated = m_rows.mid(m_index);
        if (!m_outcome.notCreated.isEmpty() && m_outcome.failure.isEmpty())
            m_outcome.failure = ClientImport::tr("You were signed out before the import finished.");
        m_running = false;
        emit finished(m_outcome);
        return;
    }
    // One at a time, in file order: a failure leaves a clean split of created and
    // not-created rows that the user can retry, instead of holes scattered by
    // parallel requests.
    QPointer<ClientImportRunner> guard(this);
    m_actions->create(m_rows.at(m_index).client, [guard](Result<ClientRecord> r) {
        if (!guard)
            return;
        auto &self = *guard;
        if (!r) {
            self.m_outcome.failedLine = self.m_rows.at(self.m_index).line;
            self.m_outcome.failure = r.error().message;
            self.m_outcome.notCreated = self.m_rows.mid(self.m_index);
            self.m_running = false;
            emit self.finished(self.m_outcome);
            return;
        }
        self.m_outcome.created.append(self.m_rows.at(self.m_index));
        self.m_outcome.createdIds.append(r->id);
        ++self.m_index;
        emit self.progress(self.m_index, int(self.m_rows.size()));
        self.next();
    });
}

} // namespace Gatehouse
