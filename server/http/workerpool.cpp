// SPDX-License-Identifier: Apache-2.0
#include "workerpool.h"

#include <algorithm>
#include <boost/asio/post.hpp>

namespace Gatehouse::Server {

namespace net = boost::asio;

WorkerPool::WorkerPool(int workers, int queueLimit, EdgeCounters &counters)
    : m_workers(std::max(1, workers)), m_queueLimit(std::max(0, queueLimit)), m_counters(counters), m_context(m_workers)
{
    m_counters.workers = m_workers;
    m_counters.queueLimit = m_queueLimit;
}

WorkerPool::~WorkerPool()
{
    stop();
}

void WorkerPool::start(std::function<void()> onThreadExit)
{
    if (!m_threads.empty())
        return;
    m_work.emplace(net::make_work_guard(m_context));
    for (int i = 0; i < m_workers; ++i) {
        m_threads.emplace_back([this, onThreadExit] {
            m_context.run();
            if (onThreadExit)
                onThreadExit();
        });
    }
}

bool WorkerPool::submit(std::function<void()> job)
{
    if (m_stopped.load())
        return false;
    // Reserve a slot first, so two io threads racing for the last slot cannot both win.
    if (m_inFlight.fetch_add(1) >= m_workers + m_queueLimit) {
        m_inFlight.fetch_sub(1);
        m_counters.busyRejections.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    m_counters.handlersQueued.fetch_add(1, std::memory_order_relaxed);
    net::post(m_context, [this, job = std::move(job)] {
        m_counters.handlersQueued.fetch_sub(1, std::memory_order_relaxed);
        m_counters.handlersRunning.fetch_add(1, std::memory_order_relaxed);
        job();
        m_counters.handlersRunning.fetch_sub(1, std::memory_order_relaxed);
        m_inFlight.fetch_sub(1);
    });
    return true;
}

void WorkerPool::stop()
{
    if (m_stopped.exchange(true))
        return;
    // Without the guard, run() returns once the queue is empty: accepted jobs still run.
    m_work.reset();
    for (auto &t : m_threads)
        t.join();
    m_threads.clear();
}

} // namespace Gatehouse::Server
