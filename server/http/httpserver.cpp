// SPDX-License-Identifier: Apache-2.0
#include "httpserver.h"

#include "log.h"
#include "router.h"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <csignal>
#include <thread>
#include <vector>

namespace Gatehouse::Server {

namespace net = boost::asio;

HttpServer::HttpServer(Options options, const Router &router)
    : m_options(std::move(options)), m_ioc(std::max(1, m_options.threads)), m_strand(net::make_strand(m_ioc)),
      m_signals(m_strand, SIGINT, SIGTERM), m_drainTimer(m_strand), m_tracker(std::make_shared<ConnectionTracker>())
{
    m_tracker->router = &router;
    m_tracker->maxBodyBytes = m_options.maxBodyBytes;
    m_tracker->readTimeout = m_options.readTimeout;
    m_tracker->idleTimeout = m_options.idleTimeout;
    m_tracker->trustedProxies = m_options.trustedProxies;
    m_tracker->inlinePaths = m_options.inlinePaths;
    if (m_options.workers > 0) {
        m_pool = std::make_unique<WorkerPool>(m_options.workers, m_options.workerQueue, router.edgeCounters());
        m_tracker->pool = m_pool.get();
    }
    m_tracker->onAllClosed = [this] { net::post(m_strand, [this] { m_drainTimer.cancel(); }); };
    m_listener = std::make_shared<Listener>(m_ioc, m_tracker, m_options.maxConnections);
}

HttpServer::~HttpServer()
{
    m_tracker->onAllClosed = nullptr;
    if (m_pool)
        m_pool->stop();
}

Result<void> HttpServer::listen()
{
    boost::system::error_code ec;
    const auto address = net::ip::make_address(m_options.address.toStdString(), ec);
    if (ec)
        return Error{
            QStringLiteral("listen_failed"),
            QStringLiteral("cannot listen on %1: not an IP address; check server.address").arg(m_options.address)};
    return m_listener->open(net::ip::tcp::endpoint(address, m_options.port));
}

quint16 HttpServer::port() const
{
    return m_listener->port();
}

void HttpServer::run()
{
    m_signals.async_wait([this](const boost::system::error_code &ec, int signal) {
        if (ec)
            return;
        Log::info(QStringLiteral("signal"), {{QStringLiteral("signal"), signal == SIGTERM ? QStringLiteral("SIGTERM")
                                                                                          : QStringLiteral("SIGINT")}});
        beginShutdown();
    });
    m_listener->start();
    if (m_pool)
        m_pool->start(m_options.onThreadExit);

    std::vector<std::thread> threads;
    for (int i = 0; i < std::max(1, m_options.threads); ++i) {
        threads.emplace_back([this] {
            m_ioc.run();
            if (m_options.onThreadExit)
                m_options.onThreadExit();
        });
    }
    for (auto &t : threads)
        t.join();
    // Every answered request has left its worker by now; after a drain timeout, jobs
    // still running finish here (their answers have nowhere to go).
    if (m_pool)
        m_pool->stop();
    Log::info(QStringLiteral("stopped"));
}

void HttpServer::stop()
{
    net::post(m_strand, [this] { beginShutdown(); });
}

void HttpServer::setUpgradeHandler(ConnectionTracker::UpgradeHandler handler, std::function<void()> onStopping)
{
    m_tracker->onUpgrade = std::move(handler);
    m_tracker->onStopping = std::move(onStopping);
}

void HttpServer::beginShutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_tracker->stopping = true;
    boost::system::error_code ec;
    m_signals.cancel(ec);
    m_listener->close();
    if (m_tracker->onStopping)
        m_tracker->onStopping();
    m_tracker->stopAll();
    const int open = m_tracker->active.load();
    Log::info(QStringLiteral("stopping"), {{QStringLiteral("open_connections"), open}});
    if (open == 0)
        return;
    // In-flight requests get a bounded time to finish; then the io_context stops and
    // whatever is left is cut off, so a stuck client cannot block a restart.
    m_drainTimer.expires_after(m_options.drainTimeout);
    m_drainTimer.async_wait([this](const boost::system::error_code &waitEc) {
        if (waitEc)
            return;
        Log::warning(QStringLiteral("drain_timeout"), {{QStringLiteral("open_connections"), m_tracker->active.load()}});
        m_ioc.stop();
    });
}

} // namespace Gatehouse::Server
