// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace Gatehouse::Server {

// The gatehouse-portal command line: serve, migrate, check-config, create-admin,
// seed-demo. Exit codes are part of the interface for scripts and service managers:
// 0 success, 1 runtime failure (database, port, crypto), 2 usage or config error.
// Every failure prints exactly one line on stderr that says what to do.
class Cli
{
public:
    static int run(const QStringList &arguments);
};

} // namespace Gatehouse::Server
