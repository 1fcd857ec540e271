// SPDX-License-Identifier: Apache-2.0
#include "addresswindow.h"

#include <algorithm>

namespace Gatehouse::Server {

namespace {

// Past this many tracked addresses, ended windows are swept before adding another, so a
// scan from many addresses cannot grow the table without bound.
constexpr qsizetype SweepAbove = 10000;

} // namespace

int AddressWindow::hit(const QString &address, const QDateTime &now)
{
    const qint64 nowSeconds = now.toSecsSinceEpoch();
    const std::lock_guard lock(m_mutex);
    auto it = m_windows.find(address);
    if (it == m_windows.end()) {
        if (m_windows.size() > SweepAbove)
            m_windows.removeIf([nowSeconds](const auto &entry) { return entry.value().end <= nowSeconds; });
        it = m_windows.insert(address, Window{});
    }
    if (it->end <= nowSeconds)
        *it = Window{nowSeconds + m_windowSeconds, 0};
    if (it->hits >= m_limit)
        return int(std::max<qint64>(1, it->end - nowSeconds));
    ++it->hits;
    return 0;
}

} // namespace Gatehouse::Server
