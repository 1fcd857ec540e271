// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <vector>

namespace Gatehouse::Server {

class Router;
class Database;
class Storage;
class Keyring;
struct Config;

// Owns the API objects whose handlers the router calls; it must outlive the router's
// use (serve() and tests keep it next to the Router).
class PushHub;

class RouteSet
{
public:
    // The push channel's hub, which serve() wires into the HTTP server (see PushHub).
    PushHub *push = nullptr;

    template<typename T, typename... Args> T &make(Args &&...args)
    {
        auto part = std::make_shared<T>(std::forward<Args>(args)...);
        T &ref = *part;
        m_parts.push_back(std::move(part));
        return ref;
    }

private:
    std::vector<std::shared_ptr<void>> m_parts;
};

// Registers every route the portal serves. `serve` and tst_apicontract both call
// this, so the contract test sees exactly the router production runs. Each API adds
// its registration here (one or two lines per API).
// `keyring` signs client session cookies and short codes; it must outlive the routes.
std::unique_ptr<RouteSet> registerAllRoutes(Router &router, const Config &config, const Database &database,
                                            const Storage &storage, const Keyring &keyring);

} // namespace Gatehouse::Server
