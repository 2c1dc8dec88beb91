#include "runtime/workerpool.h"

#include "log/logger.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sbor {

WorkerPool::WorkerPool(std::string name, std::size_t threads, std::size_t maxQueued, Priority priority)
    : m_name(std::move(name)), m_maxQueued(maxQueued)
{
    if (threads == 0)
        threads = 1;
    m_threads.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) {
        m_threads.emplace_back([this, priority] {
            // On Linux a nice value belongs to the thread, so only this pool yields. Nice, not
            // SCHED_IDLE: under full load an idle-class thread would never run, and sign-ins
            // would wait forever instead of slowly (measured: no p99 difference between them).
            if (priority == Priority::Background)
                setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
            run();
        });
    }
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::submit(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_maxQueued)
            return false;
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return true;
}

void WorkerPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && m_threads.empty())
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads) {
        if (thread.joinable())
            thread.join();
    }
    m_threads.clear();
}

void WorkerPool::run()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping and drained
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        try {
            task();
        } catch (const std::exception& e) {
            // Tasks handle their own errors; this is the last line so one bad task cannot end the process.
            log::error("worker task threw", {{"pool", m_name}, {"error", e.what()}});
        } catch (...) {
            log::error("worker task threw a non-standard exception", {{"pool", m_name}});
        }
    }
}

} // namespace sbor
