// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QByteArray>
#include <QString>

namespace Gatehouse::Server {

struct Config;

// The HTML answer of every portal page with the page security headers (SPEC R5):
// a strict Content-Security-Policy (no inline script or style, no framing, forms only
// to ourselves), no referrer (token URLs must never leak to another site), no-store
// (token pages and personal data stay out of caches), nosniff, DENY framing, a
// Permissions-Policy that turns off what a portal never needs, COOP same-origin, and
// HSTS only when the public URL is https (an http deployment cannot promise TLS).
class PageResponse
{
public:
    explicit PageResponse(const Config &config);

    HttpResponse html(int status, const QByteArray &body) const;

    // The headers every page carries; also used for non-HTML answers of the pages layer.
    void addPageHeaders(HttpResponse &response) const;
    // The subset that suits any answer (static files): nosniff, framing, COOP.
    static void addBaseHeaders(HttpResponse &response);

    const QByteArray &contentSecurityPolicy() const { return m_csp; }

private:
    QByteArray m_csp;
    bool m_hsts = false;
};

} // namespace Gatehouse::Server
