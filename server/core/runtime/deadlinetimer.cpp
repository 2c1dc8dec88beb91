#include "runtime/deadlinetimer.h"

#include "log/logger.h"

namespace sbor {

DeadlineTimer::DeadlineTimer() : m_thread([this] { run(); }) {}

DeadlineTimer::~DeadlineTimer() { stop(); }

DeadlineTimer::TimerId DeadlineTimer::schedule(Clock::time_point when, std::function<void()> callback)
{
    TimerId id;
    bool earliest;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_byTime.emplace(when, id);
        m_byId.emplace(id, std::make_pair(when, std::move(callback)));
        earliest = m_byTime.begin()->second == id;
    }
    if (earliest)
        m_wake.notify_one();
    return id;
}

bool DeadlineTimer::cancel(TimerId id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byId.find(id);
    if (it == m_byId.end())
        return false;
    auto [first, last] = m_byTime.equal_range(it->second.first);
    for (auto entry = first; entry != last; ++entry) {
        if (entry->second == id) {
            m_byTime.erase(entry);
            break;
        }
    }
    m_byId.erase(it);
    return true;
}

void DeadlineTimer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void DeadlineTimer::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_byTime.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto next = m_byTime.begin();
        // A copy: while we wait, cancel() may erase the node this refers to.
        const Clock::time_point when = next->first;
        if (Clock::now() < when) {
            m_wake.wait_until(lock, when);
            continue;
        }
        const TimerId id = next->second;
        m_byTime.erase(next);
        auto node = m_byId.extract(id);
        lock.unlock();
        try {
            node.mapped().second();
        } catch (const std::exception& e) {
            log::error("deadline callback threw", {{"error", e.what()}});
        }
        lock.lock();
    }
}

} // namespace sbor
