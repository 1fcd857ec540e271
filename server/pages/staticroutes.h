// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "staticfiles.h"

namespace Gatehouse::Server {

class Router;
struct Config;

// GET /static/{file}: the stylesheet, brand colours and the one small script the
// portal pages use. Public, cacheable, and never personal.
class StaticRoutes
{
public:
    explicit StaticRoutes(const Config &config);
    void registerRoutes(Router &router) const;

private:
    StaticFiles m_files;
};

} // namespace Gatehouse::Server
