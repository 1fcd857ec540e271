// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Gatehouse::Server {

class Database;
class PushSession;

// The push channel (D9): signed-in desktop apps keep a WebSocket open on
// GET /api/v1/events and hear {"type":"changed", ...} within a fraction of a second of a
// change, then pull the change feeds as before (the socket never carries client data).
//
// The hub watches the heads of the two feeds the app syncs (the clients' change number
// and the last audit event) every WatchInterval, in the database, so a change made by
// any server process on the same database reaches every process's sockets. Bursts
// collapse: one message per interval at most, and a slow reader holds only the latest.
// Each socket's bearer token is checked again every RecheckInterval; a revoked or
// expired one closes the socket. Beast's WebSocket pings an idle peer and closes one
// that does not answer.
class PushHub
{
public:
    // Whether an Authorization header still belongs to a live, enabled staff member.
    using Authenticator = std::function<bool(const QByteArray &authorization)>;

    static constexpr int MaxSockets = 1000;
    static constexpr int MaxSocketsPerToken = 8;
    static constexpr std::chrono::milliseconds WatchInterval{200};
    static constexpr std::chrono::seconds RecheckInterval{10};
    static constexpr std::chrono::seconds PingAfter{20}; // idle time before a ping

    PushHub(const Database &database, Authenticator authenticator);
    ~PushHub();
    PushHub(const PushHub &) = delete;
    PushHub &operator=(const PushHub &) = delete;

    // Starts watching on `executor` (the HTTP server's). Before any adopt().
    void start(boost::asio::any_io_executor executor);
    // Closes every socket and stops watching (the server is stopping).
    void stop();
    // After the server's threads have ended: lets go of the timer while its io_context
    // still exists.
    void release();

    // Whether one more socket for this Authorization fits the limits (asked before the
    // upgrade is accepted, so an over-limit caller gets a 503, not a closed socket).
    bool admits(const QByteArray &authorization) const;
    // Takes over a connection whose upgrade request was accepted (answers the handshake).
    void adopt(boost::asio::ip::tcp::socket socket,
               boost::beast::http::request<boost::beast::http::string_body> request);

    int socketCount() const;

    // For PushSession.
    void attach(const std::shared_ptr<PushSession> &session);
    void detach(PushSession *session);
    QByteArray currentMessage() const;

private:
    struct Heads
    {
        qint64 clients = -1;
        qint64 audit = -1;
        bool operator==(const Heads &) const = default;
    };

    // The open sessions (none once stopping).
    std::vector<std::shared_ptr<PushSession>> liveSessions() const;
    void scheduleWatch();
    // New heads: remembered and sent to every open socket (on m_strand).
    void publish(const Heads &heads);
    void watch();
    void recheck();
    std::optional<Heads> readHeads() const;
    static QByteArray tokenKey(const QByteArray &authorization);
    static QByteArray messageFor(const Heads &heads);

    const Database &m_database;
    Authenticator m_authenticator;
    std::optional<boost::asio::strand<boost::asio::any_io_executor>> m_strand;
    std::optional<boost::asio::steady_timer> m_watchTimer;
    std::chrono::steady_clock::time_point m_nextRecheck;
    Heads m_heads; // on m_strand

    mutable std::mutex m_mutex;
    std::unordered_map<PushSession *, std::weak_ptr<PushSession>> m_sessions;
    QHash<QByteArray, int> m_perToken; // SHA-256 of the Authorization value -> sockets
    QByteArray m_message;              // the latest "changed" message
    int m_pending = 0;                 // adopted, handshake not finished
    bool m_stopping = false;
};

} // namespace Gatehouse::Server
