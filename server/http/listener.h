// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/result.h"
#include "connection.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

namespace Gatehouse::Server {

// Accepts connections and hands each to a Session on its own strand. Over the
// connection limit a connection still gets a short 503 answer rather than a silent
// reset, so clients can tell "busy" from "down".
class Listener : public std::enable_shared_from_this<Listener>
{
public:
    Listener(boost::asio::io_context &ioc, std::shared_ptr<ConnectionTracker> tracker, int maxConnections);

    // Binds and listens; the error message is one line for the operator.
    Result<void> open(const boost::asio::ip::tcp::endpoint &endpoint);
    quint16 port() const;
    void start();
    void close(); // thread-safe: posted to the acceptor's strand

private:
    void accept();
    void onAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context &m_ioc;
    boost::asio::ip::tcp::acceptor m_acceptor;
    std::shared_ptr<ConnectionTracker> m_tracker;
    int m_maxConnections;
};

} // namespace Gatehouse::Server
