// SPDX-License-Identifier: Apache-2.0
#include "listener.h"

#include "common/errorcode.h"
#include "log.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace Gatehouse::Server {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context &ioc, std::shared_ptr<ConnectionTracker> tracker, int maxConnections)
    : m_ioc(ioc), m_acceptor(net::make_strand(ioc)), m_tracker(std::move(tracker)), m_maxConnections(maxConnections)
{}

Result<void> Listener::open(const tcp::endpoint &endpoint)
{
    const auto where =
        QStringLiteral("%1:%2").arg(QString::fromStdString(endpoint.address().to_string())).arg(endpoint.port());
    auto fail = [&](const beast::error_code &ec) {
        QString reason = QString::fromStdString(ec.message()).toLower();
        QString hint;
        if (ec == net::error::address_in_use)
            hint = QStringLiteral("; choose another server.port");
        else if (ec == net::error::access_denied)
            hint = QStringLiteral("; ports below 1024 need privileges, choose another server.port");
        else if (ec == boost::system::errc::address_not_available)
            hint = QStringLiteral("; check server.address");
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("cannot listen on %1: %2%3").arg(where, reason, hint)};
    };
    beast::error_code ec;
    m_acceptor.open(endpoint.protocol(), ec);
    if (ec)
        return fail(ec);
    // Lets a restarted server bind while old connections sit in TIME_WAIT; it does not
    // allow two live listeners on one port on Linux.
    m_acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (ec)
        return fail(ec);
    m_acceptor.bind(endpoint, ec);
    if (ec)
        return fail(ec);
    m_acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return fail(ec);
    return {};
}

quint16 Listener::port() const
{
    beast::error_code ec;
    return m_acceptor.local_endpoint(ec).port();
}

void Listener::start()
{
    net::post(m_acceptor.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::close()
{
    net::post(m_acceptor.get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->m_acceptor.close(ec);
    });
}

void Listener::accept()
{
    // Each connection gets its own strand, so one connection's handlers never run
    // concurrently while different connections use all io threads.
    m_acceptor.async_accept(net::make_strand(m_ioc),
                            beast::bind_front_handler(&Listener::onAccept, shared_from_this()));
}

void Listener::onAccept(beast::error_code ec, tcp::socket socket)
{
    if (ec == net::error::operation_aborted || !m_acceptor.is_open())
        return;
    if (ec) {
        // EMFILE and friends: log and keep accepting rather than going deaf.
        Log::warning(QStringLiteral("accept_failed"),
                     {{QStringLiteral("error"), QString::fromStdString(ec.message())}});
    } else if (!m_tracker->stopping) {
        const bool overloaded = m_tracker->active.load() >= m_maxConnections;
        std::make_shared<Connection>(std::move(socket), m_tracker)->start(overloaded);
    }
    accept();
}

} // namespace Gatehouse::Server
