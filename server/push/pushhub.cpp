// SPDX-License-Identifier: Apache-2.0
#include "pushhub.h"

#include "common/crypto.h"
#include "log.h"
#include "pushsession.h"
#include "storage/auditeventstore.h"
#include "storage/clientstore.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

namespace Gatehouse::Server {

namespace net = boost::asio;

PushHub::PushHub(const Database &database, Authenticator authenticator)
    : m_database(database), m_authenticator(std::move(authenticator))
{}

PushHub::~PushHub() = default;

void PushHub::start(net::any_io_executor executor)
{
    m_strand.emplace(net::make_strand(executor));
    m_watchTimer.emplace(*m_strand);
    m_nextRecheck = std::chrono::steady_clock::now() + RecheckInterval;
    net::dispatch(*m_strand, [this] {
        if (const auto heads = readHeads()) {
            m_heads = *heads;
            const std::lock_guard lock(m_mutex);
            m_message = messageFor(m_heads);
        }
        scheduleWatch();
    });
}

void PushHub::stop()
{
    const auto open = liveSessions();
    {
        // A session finishing its handshake from now on closes itself (attach()).
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    for (const auto &session : open)
        session->close(false);
    if (m_strand)
        net::post(*m_strand, [this] { m_watchTimer->cancel(); });
}

std::vector<std::shared_ptr<PushSession>> PushHub::liveSessions() const
{
    std::vector<std::shared_ptr<PushSession>> open;
    const std::lock_guard lock(m_mutex);
    if (m_stopping)
        return open;
    for (const auto &[raw, weak] : m_sessions)
        if (auto session = weak.lock())
            open.push_back(std::move(session));
    return open;
}

void PushHub::release()
{
    m_watchTimer.reset();
    m_strand.reset();
}

QByteArray PushHub::tokenKey(const QByteArray &authorization)
{
    // Only a digest of the bearer value is kept, even in memory.
    return Crypto::sha256(authorization);
}

bool PushHub::admits(const QByteArray &authorization) const
{
    const std::lock_guard lock(m_mutex);
    if (m_stopping || int(m_sessions.size()) + m_pending >= MaxSockets)
        return false;
    return m_perToken.value(tokenKey(authorization)) < MaxSocketsPerToken;
}

void PushHub::adopt(net::ip::tcp::socket socket, boost::beast::http::request<boost::beast::http::string_body> request)
{
    const QByteArray authorization(request[boost::beast::http::field::authorization].data(),
                                   qsizetype(request[boost::beast::http::field::authorization].size()));
    const QByteArray key = tokenKey(authorization);
    {
        // Counted from the start, so a burst of upgrades cannot pass the limit together.
        const std::lock_guard lock(m_mutex);
        ++m_pending;
        ++m_perToken[key];
    }
    auto session = std::make_shared<PushSession>(std::move(socket), *this, authorization, key);
    session->start(std::move(request));
}

void PushHub::attach(const std::shared_ptr<PushSession> &session)
{
    bool stopping = false;
    {
        const std::lock_guard lock(m_mutex);
        --m_pending;
        m_sessions.emplace(session.get(), session);
        stopping = m_stopping;
    }
    if (stopping) {
        session->close(false);
        return;
    }
    // The current heads at once, read fresh (the hub does not watch while nobody
    // listens): an app that reconnects learns whether it missed a change.
    if (!m_strand) {
        session->send(currentMessage());
        return;
    }
    net::post(*m_strand, [this, weak = std::weak_ptr<PushSession>(session)] {
        // Heads that moved since the last look are news for every socket, not only this one.
        if (const auto heads = readHeads(); heads && !(*heads == m_heads))
            return publish(*heads);
        if (auto s = weak.lock())
            s->send(currentMessage());
    });
}

void PushHub::detach(PushSession *session)
{
    const std::lock_guard lock(m_mutex);
    if (m_sessions.erase(session) == 0)
        --m_pending; // the handshake never finished
    if (auto it = m_perToken.find(session->tokenKey()); it != m_perToken.end() && --*it <= 0)
        m_perToken.erase(it);
}

int PushHub::socketCount() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_sessions.size());
}

QByteArray PushHub::currentMessage() const
{
    const std::lock_guard lock(m_mutex);
    return m_message;
}

QByteArray PushHub::messageFor(const Heads &heads)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("changed")},
                                     {QStringLiteral("clients"), QString::number(heads.clients)},
                                     {QStringLiteral("audit"), QString::number(heads.audit)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<PushHub::Heads> PushHub::readHeads() const
{
    auto db = m_database.connection();
    if (!db)
        return std::nullopt;
    const auto clients = ClientStore::feedHead(*db);
    const auto audit = AuditEventStore::head(*db);
    if (!clients || !audit) {
        Log::warning(QStringLiteral("push_watch_failed"),
                     {{QStringLiteral("error"), !clients ? clients.error().message : audit.error().message}});
        return std::nullopt;
    }
    return Heads{*clients, audit->id};
}

void PushHub::scheduleWatch()
{
    m_watchTimer->expires_after(WatchInterval);
    m_watchTimer->async_wait([this](const boost::system::error_code &ec) {
        if (ec)
            return;
        watch();
        scheduleWatch();
    });
}

void PushHub::watch()
{
    const auto open = liveSessions();
    if (open.empty())
        return; // nobody listens: no queries either
    if (std::chrono::steady_clock::now() >= m_nextRecheck) {
        m_nextRecheck = std::chrono::steady_clock::now() + RecheckInterval;
        recheck();
    }
    if (const auto heads = readHeads(); heads && !(*heads == m_heads))
        publish(*heads);
}

void PushHub::publish(const Heads &heads)
{
    m_heads = heads;
    const QByteArray message = messageFor(m_heads);
    {
        const std::lock_guard lock(m_mutex);
        m_message = message;
    }
    for (const auto &session : liveSessions())
        session->send(message);
}

void PushHub::recheck()
{
    const auto open = liveSessions();
    // One check per distinct token: a staff member's sign-out or an admin's revocation
    // closes that token's sockets.
    QHash<QByteArray, bool> valid;
    for (const auto &session : open) {
        auto it = valid.find(session->tokenKey());
        if (it == valid.end())
            it = valid.insert(session->tokenKey(), m_authenticator(session->authorization()));
        if (!*it)
            session->close(true);
    }
}

} // namespace Gatehouse::Server
