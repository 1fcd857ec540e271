// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/router.h"
#include "pages/pages.h"
#include "ratelimit/addresswindow.h"
#include "ratelimit/ratelimiter.h"

#include <QSqlDatabase>
#include <memory>
#include <optional>

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// The client side of SPEC F13 and B3, over the readable 429 page with Retry-After:
// - portal pages (/portal/..., /d/...): [ratelimit] portal_pages_per_minute per source
//   address, counted in memory before routing (installGuard);
// - failed link consumes (unknown, used, expired, revoked, replaced) and wrong short
//   codes: failed_attempts_per_address per failed_attempts_window_seconds, counted in
//   the rate_limits table; once spent, the address may not try again until the window
//   ends, right code or not;
// - resend_cooldown_seconds: a sign-in link, "send me a new link" or verify code for the
//   same email is not mailed again within that time (the page says one was just sent).
class PortalLimits
{
public:
    PortalLimits(const Config &config, const Database &database, const Keyring &keyring);

    // Makes `router` refuse portal page requests over the per-address limit. This
    // object must outlive the router's use.
    void installGuard(Router &router);

    // The 429 page when the request's address has spent its failed attempts.
    std::optional<HttpResponse> refuseIfFailing(const HttpRequest &request) const;
    // Counts one failed attempt from the request's address (own transaction; do not
    // call while holding a WriteTransaction on this thread).
    void recordFailure(const HttpRequest &request) const;
    // Inside the caller's WriteTransaction: true when a link or code went to `email`
    // within the cooldown (nothing is to be sent), false when one may go now (and the
    // cooldown starts, committing with the mail it guards).
    Result<bool> coolingDown(QSqlDatabase &db, const QString &email) const;

private:
    const Config &m_config;
    RateLimiter m_limiter;
    Pages m_pages;
    std::unique_ptr<AddressWindow> m_pageWindow;
};

} // namespace Gatehouse::Server
