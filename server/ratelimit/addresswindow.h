// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <mutex>

namespace Gatehouse::Server {

// Fixed-window request counts per source address, in memory (SPEC F13: portal pages per
// address). Every portal page request passes here, so it costs a hash lookup under a
// mutex rather than a write transaction; the price is that each server process counts
// on its own (N processes behind one balancer allow up to N times the limit).
class AddressWindow
{
public:
    AddressWindow(int limit, int windowSeconds) : m_limit(limit), m_windowSeconds(windowSeconds) {}

    // Counts one request from `address` at `now`; 0 when it is allowed, otherwise the
    // seconds until the address's window reopens (a refused request does not count).
    int hit(const QString &address, const QDateTime &now);

private:
    struct Window
    {
        qint64 end = 0; // Unix seconds
        int hits = 0;
    };

    const int m_limit;
    const int m_windowSeconds;
    std::mutex m_mutex;
    QHash<QString, Window> m_windows;
};

} // namespace Gatehouse::Server
