// SPDX-License-Identifier: Apache-2.0
#include "staticroutes.h"

#include "http/router.h"

namespace Gatehouse::Server {

StaticRoutes::StaticRoutes(const Config &config) : m_files(config) {}

void StaticRoutes::registerRoutes(Router &router) const
{
    router.add("GET", QStringLiteral("/static/{file}"), Access::publicRoute(), [this](const RequestContext &context) {
        return m_files.serve(context.params.value(QStringLiteral("file")));
    });
}

} // namespace Gatehouse::Server
