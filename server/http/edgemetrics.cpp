// SPDX-License-Identifier: Apache-2.0
#include "edgemetrics.h"

#include <algorithm>

namespace Gatehouse::Server {

namespace {

constexpr auto Relaxed = std::memory_order_relaxed;

} // namespace

void RouteCounters::record(int status, std::chrono::microseconds duration)
{
    const int statusClass = status >= 100 && status < 600 ? status / 100 : 5;
    m_byClass[std::size_t(statusClass)].fetch_add(1, Relaxed);
    const auto *tracked = std::find(TrackedStatuses.begin(), TrackedStatuses.end(), status);
    if (tracked != TrackedStatuses.end())
        m_byStatus[std::size_t(tracked - TrackedStatuses.begin())].fetch_add(1, Relaxed);

    const double seconds = double(duration.count()) / 1e6;
    // Few buckets: a linear scan is as fast as a binary search and simpler.
    std::size_t bucket = 0;
    while (bucket < BucketBounds.size() && seconds > BucketBounds[bucket])
        ++bucket;
    m_buckets[bucket].fetch_add(1, Relaxed);
    m_sumMicros.fetch_add(std::uint64_t(std::max<std::int64_t>(0, duration.count())), Relaxed);
}

std::uint64_t RouteCounters::countByClass(int statusClass) const
{
    if (statusClass < 1 || statusClass > 5)
        return 0;
    return m_byClass[std::size_t(statusClass)].load(Relaxed);
}

std::uint64_t RouteCounters::countByStatus(int status) const
{
    const auto *tracked = std::find(TrackedStatuses.begin(), TrackedStatuses.end(), status);
    if (tracked == TrackedStatuses.end())
        return 0;
    return m_byStatus[std::size_t(tracked - TrackedStatuses.begin())].load(Relaxed);
}

std::uint64_t RouteCounters::bucketCount(std::size_t index) const
{
    return index < m_buckets.size() ? m_buckets[index].load(Relaxed) : 0;
}

std::uint64_t RouteCounters::count() const
{
    std::uint64_t total = 0;
    for (const auto &b : m_buckets)
        total += b.load(Relaxed);
    return total;
}

double RouteCounters::sumSeconds() const
{
    return double(m_sumMicros.load(Relaxed)) / 1e6;
}

} // namespace Gatehouse::Server
