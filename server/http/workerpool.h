// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "edgemetrics.h"

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace Gatehouse::Server {

// Where route handlers run: a fixed set of threads of its own, so a handler that blocks
// (Argon2id at sign-in, SQLite waiting for the write lock) holds a worker, never an io
// thread that serves many connections. The queue is bounded: past `workers + queueLimit`
// jobs, submit() refuses and the edge answers 503 instead of buffering without limit.
class WorkerPool
{
public:
    WorkerPool(int workers, int queueLimit, EdgeCounters &counters);
    ~WorkerPool(); // stops and joins
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // `onThreadExit` runs on each worker thread as it ends.
    void start(std::function<void()> onThreadExit = {});
    // False when the pool is full (or stopped); the job is then not run.
    bool submit(std::function<void()> job);
    // Lets queued jobs finish, then joins every worker. Thread-safe, idempotent.
    void stop();

private:
    int m_workers;
    int m_queueLimit;
    EdgeCounters &m_counters;
    boost::asio::io_context m_context;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_inFlight{0}; // queued + running
    std::atomic<bool> m_stopped{false};
};

} // namespace Gatehouse::Server
