// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/router.h"
#include "mail/outbox.h"
#include "tokens/tokenengine.h"

namespace Gatehouse::Server {

class Database;
class Keyring;
struct Config;

// What a client will receive, shown to staff before it is sent (issue: the invite
// dialog's preview). Rendered by the outbox's own renderer from the real templates
// with the firm's branding, only with a placeholder link; nothing is queued, stored
// or audited.
//   POST /api/v1/mail/preview/invite   (any staff)
class MailPreviewApi
{
public:
    MailPreviewApi(const Database &database, const Config &config, const Keyring &keyring);

    void registerRoutes(Router &router) const;

private:
    HttpResponse invite(const RequestContext &context) const;

    TokenEngine m_tokens;
    Outbox m_outbox;
};

} // namespace Gatehouse::Server
