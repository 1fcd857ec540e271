// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "connection.h"
#include "listener.h"
#include "workerpool.h"

#include <QString>
#include <QStringList>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <memory>

namespace Gatehouse::Server {

class Router;

// The Beast HTTP edge: one io_context run by N threads, a listener, a bounded worker
// pool for the route handlers, and graceful shutdown on SIGTERM/SIGINT (stop accepting,
// let in-flight requests finish, close idle keep-alive connections, give up after a
// drain timeout).
class HttpServer
{
public:
    struct Options
    {
        QString address = QStringLiteral("127.0.0.1");
        quint16 port = 8080;
        int threads = 2;                                     // io threads: sockets, parsing, writing
        int workers = 8;                                     // route handlers; 0: run them on the io threads
        int workerQueue = 256;                               // waiting handlers beyond `workers`; then 503
        QStringList inlinePaths{QStringLiteral("/healthz")}; // answered on the io thread (liveness)
        std::uint64_t maxBodyBytes = 1024 * 1024;
        int maxConnections = 512;
        QStringList trustedProxies; // see http/clientaddress.h
        std::chrono::seconds readTimeout{15};
        std::chrono::seconds idleTimeout{30};
        std::chrono::seconds drainTimeout{10};
        // Runs on each io and worker thread as it ends (the caller closes what handlers
        // opened per thread there, e.g. database connections; http/ knows none of it).
        std::function<void()> onThreadExit;
    };

    HttpServer(Options options, const Router &router);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds the socket. Fails with one operator-readable line (e.g. port in use).
    Result<void> listen();
    quint16 port() const;

    // A protocol that takes over connections answered 101 (see ConnectionTracker), and
    // what stops it when the server stops. Set before run().
    void setUpgradeHandler(ConnectionTracker::UpgradeHandler handler, std::function<void()> onStopping);
    boost::asio::any_io_executor executor() { return m_ioc.get_executor(); }

    // Serves until a signal or stop(); returns when every thread has finished.
    void run();
    void stop(); // thread-safe

private:
    void beginShutdown();

    Options m_options;
    boost::asio::io_context m_ioc;
    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    boost::asio::signal_set m_signals;
    boost::asio::steady_timer m_drainTimer;
    std::shared_ptr<ConnectionTracker> m_tracker;
    std::shared_ptr<Listener> m_listener;
    std::unique_ptr<WorkerPool> m_pool; // declared after m_ioc: destroyed (joined) first
    bool m_shuttingDown = false;        // only touched on m_strand
};

} // namespace Gatehouse::Server
