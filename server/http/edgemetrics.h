// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace Gatehouse::Server {

// What the HTTP edge counts for one route (or for answers no route produced). Plain
// relaxed atomics: every answer records here from an io thread, so there is no lock
// on the hot path, and a scrape reads values that are at most a request out of date.
class RouteCounters
{
public:
    // Upper bounds of the duration histogram, in seconds (Prometheus "le" buckets);
    // the last, implicit bucket is +Inf.
    static constexpr std::array<double, 13> BucketBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                         0.25,  0.5,    1.0,   2.5,  5.0,   10.0};
    // Exact statuses worth telling apart (e.g. 303 vs 410 on a consume); the rest
    // only count by class.
    static constexpr std::array<int, 18> TrackedStatuses{200, 201, 204, 303, 400, 401, 403, 404, 405,
                                                         409, 410, 412, 413, 415, 428, 429, 500, 503};

    void record(int status, std::chrono::microseconds duration);

    // Answers with status class 1..5 (1xx..5xx); anything else counts as 5xx.
    std::uint64_t countByClass(int statusClass) const;
    // Answers with exactly this status; only for TrackedStatuses, 0 otherwise.
    std::uint64_t countByStatus(int status) const;
    // Non-cumulative count of the bucket at `index` (BucketBounds.size() is +Inf).
    std::uint64_t bucketCount(std::size_t index) const;
    std::uint64_t count() const;
    double sumSeconds() const;

private:
    std::array<std::atomic<std::uint64_t>, 6> m_byClass{};
    std::array<std::atomic<std::uint64_t>, TrackedStatuses.size()> m_byStatus{};
    std::array<std::atomic<std::uint64_t>, BucketBounds.size() + 1> m_buckets{};
    std::atomic<std::uint64_t> m_sumMicros{0};
};

// Edge-wide gauges and counters that belong to no route: the /metrics handler reads
// them, the edge (sessions, worker pool) writes them.
struct EdgeCounters
{
    std::atomic<std::int64_t> connectionsOpen{0};
    std::atomic<std::int64_t> handlersRunning{0}; // route handlers on the worker pool right now
    std::atomic<std::int64_t> handlersQueued{0};  // accepted, waiting for a worker
    std::atomic<std::uint64_t> busyRejections{0}; // answered 503 because the worker queue was full
    int workers = 0;                              // set once at startup
    int queueLimit = 0;
};

} // namespace Gatehouse::Server
