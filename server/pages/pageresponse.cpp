// SPDX-License-Identifier: Apache-2.0
#include "pageresponse.h"

#include "config.h"

#include <QUrl>

namespace Gatehouse::Server {

PageResponse::PageResponse(const Config &config) : m_hsts(QUrl(config.publicUrl).scheme() == u"https")
{
    QByteArray imgSrc = "img-src 'self' data:";
    // A firm logo hosted elsewhere is the one outside resource a page may load; its
    // origin (never a wildcard) joins img-src, and nothing else is widened.
    const QUrl logo(config.firmLogoUrl);
    if (logo.isValid() && logo.scheme() == u"https" && !logo.host().isEmpty()) {
        QByteArray origin = "https://" + logo.host(QUrl::FullyEncoded).toLatin1();
        if (logo.port() > 0)
            origin += ':' + QByteArray::number(logo.port());
        imgSrc += ' ' + origin;
    }
    m_csp = "default-src 'none'; style-src 'self'; " + imgSrc +
            "; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}

void PageResponse::addBaseHeaders(HttpResponse &response)
{
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader("Referrer-Policy", "no-referrer");
}

void PageResponse::addPageHeaders(HttpResponse &response) const
{
    addBaseHeaders(response);
    response.setHeader("Content-Security-Policy", m_csp);
    response.setHeader("Permissions-Policy",
                       "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                       "payment=(), usb=()");
    // Pages carry tokens in their URL or personal data in their body: never cache.
    if (response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    if (m_hsts)
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
}

HttpResponse PageResponse::html(int status, const QByteArray &body) const
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    addPageHeaders(r);
    return r;
}

} // namespace Gatehouse::Server
