// SPDX-License-Identifier: Apache-2.0
#include "portallimits.h"

#include "clock.h"
#include "config.h"
#include "http/clientaddress.h"
#include "log.h"

namespace Gatehouse::Server {

namespace {

const QString FailureBucket = QStringLiteral("portal_failure.address");
const QString CooldownBucket = QStringLiteral("mail_cooldown.email");

bool isPortalPage(const QString &path)
{
    // The phone page's script polls its status every few seconds while the client is on
    // the phone with the firm; counting the polls would spend the page budget on waiting.
    if (path == u"/portal/phone/status")
        return false;
    return path.startsWith(QLatin1StringView("/portal/")) || path == u"/portal" ||
           path.startsWith(QLatin1StringView("/d/"));
}

} // namespace

PortalLimits::PortalLimits(const Config &config, const Database &database, const Keyring &keyring)
    : m_config(config), m_limiter(database), m_pages(config, keyring),
      m_pageWindow(std::make_unique<AddressWindow>(config.portalPagesPerMinute, 60))
{}

void PortalLimits::installGuard(Router &router)
{
    router.setRequestGuard([this](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (!isPortalPage(request.path))
            return std::nullopt;
        const int retryAfter = m_pageWindow->hit(clientAddress(request, m_config), Clock::now());
        if (retryAfter == 0)
            return std::nullopt;
        return m_pages.problem(request, ProblemPage::RateLimited, {{}, retryAfter, 0});
    });
}

std::optional<HttpResponse> PortalLimits::refuseIfFailing(const HttpRequest &request) const
{
    auto decision = m_limiter.peek(FailureBucket, clientAddress(request, m_config), m_config.failedAttemptsPerAddress);
    if (!decision)
        return m_pages.problem(request, ProblemPage::ServerError, {{}, 0, 503});
    if (decision->allowed)
        return std::nullopt;
    return m_pages.problem(request, ProblemPage::RateLimited, {{}, decision->retryAfterSeconds, 0});
}

void PortalLimits::recordFailure(const HttpRequest &request) const
{
    // The failed answer goes out either way; a counter that could not be written is
    // logged, not turned into a different answer.
    auto counted = m_limiter.hit(FailureBucket, clientAddress(request, m_config), m_config.failedAttemptsPerAddress,
                                 m_config.failedAttemptsWindowSeconds);
    if (!counted)
        Log::warning(QStringLiteral("failure_count_failed"), {{QStringLiteral("error"), counted.error().message}});
}

Result<bool> PortalLimits::coolingDown(QSqlDatabase &db, const QString &email) const
{
    if (m_config.resendCooldownSeconds <= 0)
        return false;
    auto decision = m_limiter.hit(db, CooldownBucket, RateLimiter::emailKey(email), 1, m_config.resendCooldownSeconds);
    if (!decision)
        return decision.error();
    return !decision->allowed;
}

} // namespace Gatehouse::Server
