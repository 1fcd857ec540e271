// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audit/auditlog.h"
#include "common/apitypes.h"
#include "http/problem.h"
#include "http/router.h"
#include "storage/writetransaction.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>

namespace Gatehouse::Server::ApiSupport {

// Plain decimal digits only, so "1e3", "-1" or " 5" are errors rather than guesses.
std::optional<qint64> parseDecimal(const QString &text, qint64 max);
// A route's "{name}" parameter as a positive id.
std::optional<qint64> idParam(const RequestContext &context, const QString &name);

HttpResponse notFound(const QString &what);
QByteArray etagOf(const ClientRecord &client);
HttpResponse clientResponse(int status, const ClientRecord &client);

// An audit record for an action by the signed-in staff member of `context`.
AuditRecord staffAction(const RequestContext &context, QLatin1StringView type, qint64 clientId,
                        const QJsonObject &details = {});
QString userAgentOf(const HttpRequest &request);

// What a writing handler's work ends with: its answer, and whether what it wrote is
// committed. A plain answer below 400 commits; 400 and above rolls back, so a refusal
// leaves no trace. keep() commits a refusal as well, for work whose refusal must stay
// on record (a wrong code counts toward the lock).
struct WriteOutcome
{
    WriteOutcome(HttpResponse answer) : response(std::move(answer)), commit(response.status < 400) {}
    static WriteOutcome keep(HttpResponse answer)
    {
        WriteOutcome outcome(std::move(answer));
        outcome.commit = true;
        return outcome;
    }

    HttpResponse response;
    bool commit;
};

// The skeleton of every writing handler: one write transaction around `work`, which
// gets its connection and returns a WriteOutcome (or an HttpResponse). A failed begin or
// commit is answered 500 with the cause logged; nothing of a rolled-back work remains.
template<typename Work> HttpResponse inWriteTransaction(const Database &database, Work &&work)
{
    WriteTransaction tx(database);
    if (auto r = tx.begin(); !r)
        return Problem::internalError(r.error());
    QSqlDatabase db = tx.connection();
    WriteOutcome outcome = work(db);
    if (!outcome.commit) {
        tx.rollback();
        return std::move(outcome.response);
    }
    if (auto r = tx.commit(); !r)
        return Problem::internalError(r.error());
    return std::move(outcome.response);
}

} // namespace Gatehouse::Server::ApiSupport
