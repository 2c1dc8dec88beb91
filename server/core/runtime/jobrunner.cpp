#include "runtime/jobrunner.h"

#include "log/logger.h"

namespace sbor {

JobRunner::~JobRunner() { stop(); }

void JobRunner::start(BackgroundJob job)
{
    m_threads.emplace_back([this, job = std::move(job)] {
        for (;;) {
            try {
                job.run();
            } catch (const std::exception& e) {
                log::error("background job failed", {{"job", job.name}, {"error", e.what()}});
            }
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, job.interval, [&] { return m_stopping || m_woken.count(job.name) > 0; });
            if (m_stopping)
                return;
            m_woken.erase(job.name);
        }
    });
}

void JobRunner::wake(const std::string& name)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_woken.insert(name).second)
            return; // already due
    }
    m_wake.notify_all();
}

void JobRunner::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    m_threads.clear();
}

} // namespace sbor
