// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httptypes.h"

#include <QString>
#include <QStringList>
#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace Gatehouse::Server {

class Router;
class Connection;
class WorkerPool;

// Copies a handler's headers onto a Beast message, keeping repeated fields (several
// Set-Cookie lines) as separate lines.
void copyHeaders(const HeaderList &from, boost::beast::http::fields &to);

// What every connection shares: limits, the router, and the bookkeeping that lets the
// server cap connections and drain them on shutdown.
struct ConnectionTracker
{
    const Router *router = nullptr;
    std::uint64_t maxBodyBytes = 1024 * 1024;
    std::uint32_t maxHeaderBytes = 8 * 1024;
    std::chrono::seconds readTimeout{15};
    std::chrono::seconds idleTimeout{30};
    // Peers whose X-Forwarded-For is believed (the firm's reverse proxies), so every
    // handler sees the client's address rather than the proxy's.
    QStringList trustedProxies;
    // Route handlers run here (nullptr: on the io thread, as tests of the edge alone do).
    WorkerPool *pool = nullptr;
    // Paths answered on the io thread even with a pool: cheap, lock-free handlers whose
    // answer must not wait behind busy workers (liveness).
    QStringList inlinePaths;

    // A handler that answers 101 Switching Protocols to a WebSocket upgrade hands the
    // connection's socket and the request as read to this (the push channel); the HTTP
    // edge knows nothing more of what runs on it. Unset: 101 is never sent.
    using UpgradeHandler =
        std::function<void(boost::asio::ip::tcp::socket, boost::beast::http::request<boost::beast::http::string_body>)>;
    UpgradeHandler onUpgrade;
    // Called once when the server starts stopping (upgraded connections close then).
    std::function<void()> onStopping;

    std::atomic<int> active{0};
    std::atomic<bool> stopping{false};
    std::function<void()> onAllClosed; // called when stopping and the last connection ends

    std::mutex mutex;
    std::unordered_map<Connection *, std::weak_ptr<Connection>> connections;

    // Asks every connection to finish: idle ones close now, busy ones after their answer.
    void stopAll();
};

// One TCP connection. Reads the header first (so limits are checked before any body
// byte is read), then the body, hands the request to the worker pool, writes the answer
// (back on this connection's strand) and, with keep-alive, waits for the next request.
// All io handlers of one connection run on its strand, so its members need no lock; the
// worker sees only its own copy of the request.
class Connection : public std::enable_shared_from_this<Connection>
{
public:
    Connection(boost::asio::ip::tcp::socket &&socket, std::shared_ptr<ConnectionTracker> tracker);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // `overloaded`: over the connection limit; answer 503 and close.
    void start(bool overloaded);
    // Must run on the connection's executor (the tracker posts it there).
    void stopIfIdle();
    boost::asio::any_io_executor executor() { return m_stream.get_executor(); }

private:
    using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

    void readHeader();
    void onHeader(boost::beast::error_code ec, std::size_t bytes);
    void onBody(boost::beast::error_code ec, std::size_t bytes);
    void handleRequest();
    // Runs the router for one request; never throws. Called on a worker (or io) thread.
    static HttpResponse runHandler(const Router &router, const HttpRequest &request, int *routeIndex);
    // The 503 for a full worker queue: problem+json under /api/, plain text elsewhere.
    HttpResponse busyAnswer() const;
    // An edge error (400/413/431/503): answered as problem+json, then the connection closes.
    void failRequest(int status, QLatin1StringView code, const QString &detail);
    // `routeIndex` labels the answer in the metrics (-1: no route produced it).
    void send(HttpResponse response, bool forceClose, int routeIndex);
    void onWrite(bool keepAlive, boost::beast::error_code ec, std::size_t bytes);
    // After a 101: gives the socket and the request to the tracker's upgrade handler.
    void handOver(int routeIndex);
    void lingerAndClose();
    void onLinger(boost::beast::error_code ec, std::size_t bytes);
    void closeNow();

    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    std::optional<Parser> m_parser;
    std::shared_ptr<void> m_pendingResponse; // kept alive until its write completes
    std::shared_ptr<ConnectionTracker> m_tracker;
    QString m_remoteAddress;
    QByteArray m_method; // of the request being answered, for HEAD and the access log
    QString m_path;
    std::uint64_t m_bodyLimit = 0; // of the request being read, from its route
    std::chrono::steady_clock::time_point m_started;
    bool m_busy = false; // between a request's header and the end of its answer
    bool m_firstRequest = true;
    std::array<char, 4096> m_drain{};
    std::size_t m_drained = 0;
};

} // namespace Gatehouse::Server
