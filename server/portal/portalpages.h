// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httptypes.h"

#include <QString>

namespace Gatehouse::Server::PortalPages {

// Minimal server-rendered pages for the consume core. The portal-pages work replaces
// them with templated, branded pages; the statuses, headers and the words tests look
// for ("already been used", "expired", "not valid", "access revoked") stay.
// Every page: no-store, no referrer, a CSP without scripts, no framing.
HttpResponse page(int status, const QString &title, const QString &bodyHtml);

// GET/HEAD /portal/<token>: consumes nothing, offers the explicit click (F4).
HttpResponse continuePage(const QString &token);
HttpResponse notValid();      // 404, reveals nothing
HttpResponse alreadyUsed();   // 410
HttpResponse expired();       // 410
HttpResponse accessRevoked(); // 410
HttpResponse superseded();    // 410
HttpResponse hub(const QString &clientName);
HttpResponse signedOut();     // 401
HttpResponse verifyBrowser(); // the lock (F9) until the pages issue adds the flow
HttpResponse phoneCode(const QString &code);
HttpResponse tooManyCodes(); // 429
HttpResponse signInForm();
HttpResponse checkYourEmail(); // always the same (F6)
HttpResponse unavailable();    // 503

} // namespace Gatehouse::Server::PortalPages
