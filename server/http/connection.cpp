// SPDX-License-Identifier: Apache-2.0
#include "connection.h"

#include "common/errorcode.h"
#include "http/clientaddress.h"
#include "log.h"
#include "problem.h"
#include "redact.h"
#include "router.h"
#include "workerpool.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

namespace Gatehouse::Server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr std::size_t MaxDrainBytes = 1024 * 1024;

bool isHttpParseError(const beast::error_code &ec)
{
    return &ec.category() == &http::make_error_code(http::error::bad_method).category();
}

QByteArray toBytes(beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

void ConnectionTracker::stopAll()
{
    std::vector<std::shared_ptr<Connection>> live;
    {
        const std::lock_guard lock(mutex);
        for (auto &[raw, weak] : connections) {
            if (auto s = weak.lock())
                live.push_back(std::move(s));
        }
    }
    for (auto &s : live)
        net::post(s->executor(), [s] { s->stopIfIdle(); });
}

Connection::Connection(net::ip::tcp::socket &&socket, std::shared_ptr<ConnectionTracker> tracker)
    : m_stream(std::move(socket)), m_tracker(std::move(tracker))
{
    ++m_tracker->active;
    if (m_tracker->router)
        m_tracker->router->edgeCounters().connectionsOpen.fetch_add(1, std::memory_order_relaxed);
    beast::error_code ec;
    const auto endpoint = m_stream.socket().remote_endpoint(ec);
    if (!ec)
        m_remoteAddress = QString::fromStdString(endpoint.address().to_string());
}

Connection::~Connection()
{
    {
        const std::lock_guard lock(m_tracker->mutex);
        m_tracker->connections.erase(this);
    }
    if (m_tracker->router)
        m_tracker->router->edgeCounters().connectionsOpen.fetch_sub(1, std::memory_order_relaxed);
    if (--m_tracker->active == 0 && m_tracker->stopping && m_tracker->onAllClosed)
        m_tracker->onAllClosed();
}

void Connection::start(bool overloaded)
{
    {
        const std::lock_guard lock(m_tracker->mutex);
        m_tracker->connections.emplace(this, weak_from_this());
    }
    net::dispatch(m_stream.get_executor(), [self = shared_from_this(), overloaded] {
        if (overloaded) {
            self->m_busy = true;
            self->m_started = std::chrono::steady_clock::now();
            self->failRequest(503, ErrorCode::Unavailable,
                              QStringLiteral("The server is at its connection limit. Try again shortly."));
        } else {
            self->readHeader();
        }
    });
}

void Connection::stopIfIdle()
{
    if (m_busy)
        return; // onWrite sees `stopping` and closes after the answer
    beast::error_code ec;
    m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
    m_stream.cancel();
}

void Connection::readHeader()
{
    m_busy = false;
    if (m_tracker->stopping)
        return closeNow();
    m_parser.emplace();
    m_parser->header_limit(m_tracker->maxHeaderBytes);
    // The header stage may only refuse what no route would take; the route's own limit
    // is applied in onHeader once the target is known.
    m_parser->body_limit(m_tracker->router->largestBodyLimit(m_tracker->maxBodyBytes));
    // The first request must arrive within the read timeout; between keep-alive
    // requests the connection may idle a little longer.
    m_stream.expires_after(m_firstRequest ? m_tracker->readTimeout : m_tracker->idleTimeout);
    m_firstRequest = false;
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&Connection::onHeader, shared_from_this()));
}

void Connection::onHeader(beast::error_code ec, std::size_t)
{
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted)
        return closeNow();
    m_busy = true;
    m_started = std::chrono::steady_clock::now();
    m_method.clear();
    m_path.clear();
    if (ec == http::error::header_limit)
        return failRequest(431, ErrorCode::HeadersTooLarge,
                           QStringLiteral("The request headers exceed %1 bytes.").arg(m_tracker->maxHeaderBytes));
    if (ec == http::error::body_limit)
        return failRequest(413, ErrorCode::PayloadTooLarge,
                           QStringLiteral("The request body exceeds %1 bytes.")
                               .arg(m_tracker->router->largestBodyLimit(m_tracker->maxBodyBytes)));
    if (ec && isHttpParseError(ec))
        return failRequest(400, ErrorCode::BadRequest, QStringLiteral("The request is not valid HTTP/1.1."));
    if (ec)
        return closeNow(); // the peer went away; nobody to answer

    const auto &header = m_parser->get();
    // A strict edge on purpose: the parser merges repeated identical Content-Length
    // headers and "n, n" lists, but a proxy in front may read them differently
    // (request smuggling), so any repetition is refused before the body is read.
    if (const auto lengths = header.count(http::field::content_length);
        lengths > 1 || (lengths == 1 && header[http::field::content_length].find(',') != beast::string_view::npos))
        return failRequest(400, ErrorCode::BadRequest,
                           QStringLiteral("The request repeats Content-Length; send it once, with one value."));
    m_method = toBytes(header.method_string());
    const auto target = toBytes(header.target());
    m_path = QString::fromUtf8(target.left(target.indexOf('?') >= 0 ? target.indexOf('?') : target.size()));
    // Refuse an oversized body from its declared length, before reading a byte of it.
    m_bodyLimit = m_tracker->router->bodyLimitFor(m_method, m_path, m_tracker->maxBodyBytes);
    if (const auto length = m_parser->content_length(); length && *length > m_bodyLimit)
        return failRequest(413, ErrorCode::PayloadTooLarge,
                           QStringLiteral("The request body exceeds %1 bytes.").arg(m_bodyLimit));
    // Chunked bodies have no declared length: the parser stops them at the route's limit.
    m_parser->body_limit(m_bodyLimit);
    m_stream.expires_after(m_tracker->readTimeout);
    http::async_read(m_stream, m_buffer, *m_parser, beast::bind_front_handler(&Connection::onBody, shared_from_this()));
}

void Connection::onBody(beast::error_code ec, std::size_t)
{
    if (ec == http::error::body_limit) // chunked bodies have no declared length to check early
        return failRequest(413, ErrorCode::PayloadTooLarge,
                           QStringLiteral("The request body exceeds %1 bytes.").arg(m_bodyLimit));
    if (ec && isHttpParseError(ec) && ec != http::error::partial_message)
        return failRequest(400, ErrorCode::BadRequest, QStringLiteral("The request body is not valid HTTP/1.1."));
    if (ec)
        return closeNow();
    handleRequest();
}

void Connection::handleRequest()
{
    const auto &message = m_parser->get();
    HttpRequest request;
    request.method = m_method;
    request.path = m_path;
    const auto target = toBytes(message.target());
    if (const auto q = target.indexOf('?'); q >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    for (const auto &field : message)
        request.headers.append({toBytes(field.name_string()).toLower(), toBytes(field.value())});
    request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    // Resolved once here, so audit entries, rate limits and connections all agree on who
    // the client is, and none of them can forget the trusted-proxy rule.
    request.remoteAddress = m_remoteAddress;
    request.remoteAddress = clientAddress(request, m_tracker->trustedProxies);

    const Router &router = *m_tracker->router;
    if (!m_tracker->pool || m_tracker->inlinePaths.contains(m_path)) {
        int routeIndex = -1;
        HttpResponse response = runHandler(router, request, &routeIndex);
        return send(std::move(response), false, routeIndex);
    }
    // The tracked executor counts as outstanding work: while the handler runs, the io
    // context cannot run dry and return (a graceful stop waits for this answer).
    auto executor = net::prefer(m_stream.get_executor(), net::execution::outstanding_work.tracked);
    const bool accepted = m_tracker->pool->submit([self = shared_from_this(), executor, request = std::move(request)] {
        int routeIndex = -1;
        HttpResponse response = runHandler(*self->m_tracker->router, request, &routeIndex);
        net::post(executor, [self, routeIndex, response = std::move(response)]() mutable {
            self->send(std::move(response), false, routeIndex);
        });
    });
    if (!accepted)
        send(busyAnswer(), false, -1);
}

HttpResponse Connection::runHandler(const Router &router, const HttpRequest &request, int *routeIndex)
{
    // Handlers report errors as values; this catch is the last line for the unexpected
    // (std::bad_alloc and the like) so one bad request never takes the server down.
    try {
        return router.dispatch(request, routeIndex);
    } catch (const std::exception &e) {
        return Problem::internalError(Error{QString(ErrorCode::Internal), QString::fromLocal8Bit(e.what())});
    } catch (...) {
        return Problem::internalError(Error{QString(ErrorCode::Internal), QStringLiteral("unknown exception")});
    }
}

HttpResponse Connection::busyAnswer() const
{
    // Retry-After: the queue drains in well under a second at normal handler times.
    HttpResponse response;
    if (m_path.startsWith(QLatin1StringView("/api/"))) {
        response = Problem::make(503, ErrorCode::Unavailable,
                                 QStringLiteral("The server is busy with other requests. Try again shortly."));
    } else {
        response.status = 503;
        response.setHeader("Content-Type", "text/plain; charset=utf-8");
        response.body = QByteArrayLiteral("The portal is busy right now. Please try again in a moment.\n");
    }
    response.setHeader("Retry-After", "1");
    return response;
}

void Connection::failRequest(int status, QLatin1StringView code, const QString &detail)
{
    send(Problem::make(status, code, detail), true, -1);
}

void copyHeaders(const HeaderList &from, boost::beast::http::fields &to)
{
    // insert(), not set(): set() replaces a field of the same name, and an answer may
    // carry several Set-Cookie lines (a session and a browser cookie, say).
    for (const auto &[name, value] : from)
        to.insert(beast::string_view(name.constData(), size_t(name.size())),
                  beast::string_view(value.constData(), size_t(value.size())));
}

void Connection::send(HttpResponse response, bool forceClose, int routeIndex)
{
    if (response.status == 101) {
        // Only a WebSocket upgrade, only with a taker; anything else asked for 101 wrongly.
        if (!forceClose && m_tracker->onUpgrade && !m_tracker->stopping && m_parser && m_parser->is_header_done() &&
            beast::websocket::is_upgrade(m_parser->get()))
            return handOver(routeIndex);
        response = Problem::make(400, ErrorCode::BadRequest,
                                 QStringLiteral("Only a WebSocket upgrade request can switch protocols here."));
    }
    auto message = std::make_shared<http::response<http::string_body>>();
    const bool haveRequest = m_parser && m_parser->is_header_done() && !forceClose;
    message->version(haveRequest ? m_parser->get().version() : 11);
    message->result(static_cast<unsigned>(response.status));

    // Defaults every answer carries unless a handler chose otherwise (SPEC R5).
    if (response.header("X-Content-Type-Options").isEmpty())
        response.setHeader("X-Content-Type-Options", "nosniff");
    if (response.header("Referrer-Policy").isEmpty())
        response.setHeader("Referrer-Policy", "no-referrer");
    if (response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "no-store");
    copyHeaders(response.headers, *message);

    const bool keepAlive = haveRequest && m_parser->get().keep_alive() && !m_tracker->stopping;
    message->keep_alive(keepAlive);
    if (m_method == "HEAD") {
        // Same headers as GET, including the length the body would have, and no body.
        message->content_length(std::uint64_t(response.body.size()));
    } else if (response.status == 204 || response.status == 304) {
        // These never have a body, and RFC 9110 forbids a Content-Length on a 204.
    } else {
        message->body().assign(response.body.constData(), size_t(response.body.size()));
        message->prepare_payload();
    }

    const auto took =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_started);
    m_tracker->router->recordAnswer(routeIndex, response.status, took);
    const auto elapsed = std::chrono::duration<double, std::milli>(took);
    // The path is logged without its query string: queries may one day carry secrets.
    Log::info(QStringLiteral("request"), {{QStringLiteral("method"), QString::fromLatin1(m_method)},
                                          {QStringLiteral("path"), redactTokens(m_path)},
                                          {QStringLiteral("status"), response.status},
                                          {QStringLiteral("duration_ms"), qRound(elapsed.count() * 10) / 10.0},
                                          {QStringLiteral("address"), m_remoteAddress}});

    m_pendingResponse = message;
    m_stream.expires_after(m_tracker->readTimeout);
    http::async_write(m_stream, *message,
                      beast::bind_front_handler(&Connection::onWrite, shared_from_this(), keepAlive));
}

void Connection::handOver(int routeIndex)
{
    const auto took =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_started);
    m_tracker->router->recordAnswer(routeIndex, 101, took);
    Log::info(QStringLiteral("request"), {{QStringLiteral("method"), QString::fromLatin1(m_method)},
                                          {QStringLiteral("path"), redactTokens(m_path)},
                                          {QStringLiteral("status"), 101},
                                          {QStringLiteral("address"), m_remoteAddress}});
    // The taker answers the handshake itself; this connection ends here without
    // closing the socket it gave away.
    m_stream.expires_never();
    m_tracker->onUpgrade(m_stream.release_socket(), m_parser->release());
}

void Connection::onWrite(bool keepAlive, beast::error_code ec, std::size_t)
{
    m_pendingResponse.reset();
    if (ec)
        return closeNow();
    if (!keepAlive)
        return lingerAndClose();
    readHeader();
}

void Connection::lingerAndClose()
{
    // Closing with unread request bytes makes the kernel send a reset, which can
    // destroy the answer we just wrote before the client reads it. So: stop sending,
    // then read and discard for a short, bounded while until the peer closes.
    beast::error_code ec;
    m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
    if (ec)
        return closeNow();
    m_stream.expires_after(std::chrono::seconds(2));
    m_stream.async_read_some(net::buffer(m_drain),
                             beast::bind_front_handler(&Connection::onLinger, shared_from_this()));
}

void Connection::onLinger(beast::error_code ec, std::size_t bytes)
{
    m_drained += bytes;
    if (ec || m_drained > MaxDrainBytes)
        return closeNow();
    m_stream.async_read_some(net::buffer(m_drain),
                             beast::bind_front_handler(&Connection::onLinger, shared_from_this()));
}

void Connection::closeNow()
{
    beast::error_code ec;
    m_stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
    m_stream.socket().close(ec);
}

} // namespace Gatehouse::Server
