// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "csrf.h"
#include "formbody.h"
#include "http/httptypes.h"
#include "pagerenderer.h"
#include "pageresponse.h"
#include "staticfiles.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>
#include <variant>

namespace Gatehouse::Server {

class Keyring;
struct Config;

// What the hub shows (SPEC F15). Strings are ready for display; times are UTC.
struct HubView
{
    QString clientName;
    QString matter;
    QString partnerName;
    QString partnerEmail;
    QString notice; // e.g. "This browser is now confirmed."
    struct Document
    {
        QString name;
        qint64 size = 0;
        QDateTime added;
        QString url; // a portal path, never an absolute URL from input
    };
    QList<Document> documents;
    struct Access
    {
        QDateTime time;
        QString address;
        QString device;
    };
    std::optional<Access> lastAccess;
    struct Session
    {
        QString device;
        QString address;
        QDateTime created;
        QDateTime lastSeen;
        bool current = false;
    };
    QList<Session> sessions;
};

struct VerifyView
{
    QString maskedEmail; // "j•••@example.org"
    bool codeSent = false;
    QString error;
};

struct PhoneView
{
    QString code;
    QString partnerName;
    bool confirmed = false;
};

// B7: the page behind the "end that session" link of the new-sign-in mail.
struct EndSessionView
{
    QString device;
    QString address;
    QDateTime started;
    QString action; // the path the button POSTs to
    bool ended = false;
};

struct DocumentView
{
    QString name;
    QString clientName;
    qint64 size = 0;
    QDateTime added;
    QString downloadUrl; // a portal path
};

// The clear pages for everything that is not the happy path. Each has its own
// heading, words and status; none names internals.
enum class ProblemPage {
    LinkUsed,         // 410, offers a new link (B10)
    LinkExpired,      // 410, offers a new link (B10)
    LinkUnknown,      // 404, reveals nothing about why
    AccessRevoked,    // 403, "contact the firm"
    RateLimited,      // 429 + Retry-After
    CsrfFailed,       // 403
    BadRequest,       // 400
    NotFound,         // 404
    MethodNotAllowed, // 405
    SessionEnded,     // 401, sign in again
    SignedOut,        // 200
    CodeLocked,       // 429, too many wrong codes
    VerifyElsewhere,  // 409, a verify link opened in a browser that did not ask for it
    ServerError,      // 500, never a detail
};

// Every client-facing page, rendered from the templates with the page headers, and
// with the CSRF cookie set where a page carries a form. Handlers decide; this class
// only presents. Thread-safe after construction (read-only).
class Pages
{
public:
    Pages(const Config &config, const Keyring &keyring);

    const Csrf &csrf() const { return m_csrf; }
    const StaticFiles &staticFiles() const { return m_static; }
    const PageRenderer &renderer() const { return m_renderer; }
    const PageResponse &response() const { return m_response; }

    // F4: GET/HEAD of a link. `action` is the path the Continue button POSTs to.
    HttpResponse continuePage(const HttpRequest &request, const QString &action, const QString &clientName,
                              bool reusable) const;
    HttpResponse hub(const HttpRequest &request, const HubView &view) const;
    // F6. `status` 400 re-shows the form with `error` next to the field.
    HttpResponse signInForm(const HttpRequest &request, const QString &email = {}, const QString &error = {},
                            int status = 200) const;
    // `justSent`: the B3 cooldown held this request back; the page says a link is already on its way.
    HttpResponse checkEmail(bool justSent = false) const;
    // F4 cross-device: the sign-in link opened in a browser that did not ask for it.
    HttpResponse codeEntry(const HttpRequest &request, const QString &action, const QString &error = {},
                           int status = 200) const;
    HttpResponse verify(const HttpRequest &request, const VerifyView &view, int status = 200) const;
    HttpResponse phone(const HttpRequest &request, const PhoneView &view) const;
    HttpResponse document(const DocumentView &view) const;
    HttpResponse endSession(const HttpRequest &request, const EndSessionView &view) const;

    struct ProblemOptions
    {
        QString resendAction;      // non-empty: a "Send me a new link" form POSTs here
        int retryAfterSeconds = 0; // RateLimited / CodeLocked
        int status = 0;            // 0: the page's usual status
    };
    HttpResponse problem(const HttpRequest &request, ProblemPage page, const ProblemOptions &options) const;
    HttpResponse problem(const HttpRequest &request, ProblemPage page) const
    {
        return problem(request, page, ProblemOptions{});
    }

    // Every state-changing form goes through one of these two (F4, R5): the request's
    // form when it parses and carries the CSRF field that matches its cookie, or the
    // page to answer with instead (400 unreadable form, 403 CSRF failed).
    std::variant<FormBody, HttpResponse> checkedForm(const HttpRequest &request) const;
    std::optional<HttpResponse> refuseWithoutCsrf(const HttpRequest &request) const;

    // Display helpers shared by the pages and the handlers that fill their views.
    static QString formatTime(const QDateTime &utc);
    static QString formatSize(qint64 bytes);
    static QString maskEmail(const QString &email);

private:
    HttpResponse withCsrf(const HttpRequest &request, int status, const QString &templateName, const QString &title,
                          QVariantMap data, const PageRenderer::Options &options = {}) const;

    const Config &m_config;
    StaticFiles m_static;
    PageRenderer m_renderer;
    PageResponse m_response;
    Csrf m_csrf;
};

} // namespace Gatehouse::Server
