#pragma once
// One thread that fires callbacks at deadlines (request timeouts). Callbacks run on the timer
// thread and must be short: they only answer a request that took too long.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace sbor {

class DeadlineTimer {
public:
    using Clock = std::chrono::steady_clock;
    using TimerId = std::uint64_t;

    DeadlineTimer();
    ~DeadlineTimer();
    DeadlineTimer(const DeadlineTimer&) = delete;
    DeadlineTimer& operator=(const DeadlineTimer&) = delete;

    TimerId schedule(Clock::time_point when, std::function<void()> callback);
    // True when the callback had not fired yet and now never will.
    bool cancel(TimerId id);
    void stop();

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, TimerId> m_byTime;
    std::map<TimerId, std::pair<Clock::time_point, std::function<void()>>> m_byId;
    TimerId m_nextId = 1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace sbor
