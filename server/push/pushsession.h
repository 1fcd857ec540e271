// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <memory>
#include <optional>
#include <string>

namespace Gatehouse::Server {

class PushHub;

// One app's WebSocket on the push channel. Everything runs on the socket's strand: the
// handshake, a read loop that only answers control frames (pings, close), and writes of
// the hub's messages, at most one in flight plus the latest waiting.
class PushSession : public std::enable_shared_from_this<PushSession>
{
public:
    PushSession(boost::asio::ip::tcp::socket socket, PushHub &hub, QByteArray authorization, QByteArray tokenKey);
    ~PushSession();

    void start(boost::beast::http::request<boost::beast::http::string_body> request);
    // Thread-safe: queues `message` (replacing one not yet sent).
    void send(QByteArray message);
    // Thread-safe: closes with 1001 (going away: the server stops) or 1008 (policy: the
    // token is no longer valid).
    void close(bool policy);

    const QByteArray &authorization() const { return m_authorization; }
    const QByteArray &tokenKey() const { return m_tokenKey; }

private:
    void onAccept(boost::beast::error_code ec);
    void read();
    void onRead(boost::beast::error_code ec, std::size_t bytes);
    void writeNext();
    void onWrite(boost::beast::error_code ec, std::size_t bytes);
    void sendClose();

    boost::beast::websocket::stream<boost::beast::tcp_stream> m_ws;
    boost::beast::flat_buffer m_buffer;
    PushHub &m_hub;
    QByteArray m_authorization;
    QByteArray m_tokenKey;
    std::string m_writing;
    std::optional<std::string> m_next;
    bool m_open = false;
    bool m_closing = false;
    bool m_policyClose = false;
};

} // namespace Gatehouse::Server
