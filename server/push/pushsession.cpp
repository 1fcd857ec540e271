// SPDX-License-Identifier: Apache-2.0
#include "pushsession.h"

#include "log.h"
#include "pushhub.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

namespace Gatehouse::Server {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;

PushSession::PushSession(net::ip::tcp::socket socket, PushHub &hub, QByteArray authorization, QByteArray tokenKey)
    : m_ws(std::move(socket)), m_hub(hub), m_authorization(std::move(authorization)), m_tokenKey(std::move(tokenKey))
{}

PushSession::~PushSession()
{
    m_hub.detach(this);
}

void PushSession::start(beast::http::request<beast::http::string_body> request)
{
    // Heartbeats: after PingAfter without traffic Beast sends a ping, and a peer that
    // stays silent for twice that is closed. The handshake gets 10 s.
    websocket::stream_base::timeout timeouts;
    timeouts.handshake_timeout = std::chrono::seconds(10);
    timeouts.idle_timeout = PushHub::PingAfter * 2;
    timeouts.keep_alive_pings = true;
    m_ws.set_option(timeouts);
    m_ws.read_message_max(4096); // the app sends nothing but control frames
    m_ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type &response) { response.set(beast::http::field::cache_control, "no-store"); }));
    net::dispatch(m_ws.get_executor(), [self = shared_from_this(), request = std::move(request)]() mutable {
        self->m_ws.async_accept(request, beast::bind_front_handler(&PushSession::onAccept, self));
    });
}

void PushSession::onAccept(beast::error_code ec)
{
    if (ec) {
        Log::info(QStringLiteral("push_handshake_failed"),
                  {{QStringLiteral("error"), QString::fromStdString(ec.message())}});
        return;
    }
    m_open = true;
    m_ws.text(true);
    m_hub.attach(shared_from_this());
    read();
}

void PushSession::read()
{
    m_ws.async_read(m_buffer, beast::bind_front_handler(&PushSession::onRead, shared_from_this()));
}

void PushSession::onRead(beast::error_code ec, std::size_t)
{
    if (ec)
        return;                        // closed, timed out or broken: the last reference goes with this handler
    m_buffer.consume(m_buffer.size()); // the app has nothing to say; ignore it
    read();
}

void PushSession::send(QByteArray message)
{
    net::post(m_ws.get_executor(), [self = shared_from_this(), message = std::move(message)] {
        if (!self->m_open || self->m_closing)
            return;
        self->m_next = message.toStdString(); // a slow reader keeps only the latest
        if (self->m_writing.empty())
            self->writeNext();
    });
}

void PushSession::writeNext()
{
    if (!m_next || !m_writing.empty() || m_closing)
        return;
    m_writing = std::move(*m_next);
    m_next.reset();
    m_ws.async_write(net::buffer(m_writing), beast::bind_front_handler(&PushSession::onWrite, shared_from_this()));
}

void PushSession::onWrite(beast::error_code ec, std::size_t)
{
    m_writing.clear();
    if (ec)
        return;
    if (m_closing)
        return sendClose();
    writeNext();
}

void PushSession::close(bool policy)
{
    net::post(m_ws.get_executor(), [self = shared_from_this(), policy] {
        if (!self->m_open || self->m_closing)
            return;
        self->m_closing = true;
        self->m_policyClose = policy;
        if (self->m_writing.empty()) // a close frame waits for a write in flight
            self->sendClose();
    });
}

void PushSession::sendClose()
{
    m_ws.async_close(m_policyClose ? websocket::close_code::policy_error : websocket::close_code::going_away,
                     [self = shared_from_this()](beast::error_code) {});
}

} // namespace Gatehouse::Server
