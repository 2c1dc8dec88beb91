#pragma once
// A fixed set of threads with a bounded queue. Handlers and database work run here, never on
// cpprestsdk's shared pplx pool (whose threads must stay free to drive I/O; upstream #1144).
// submit() refuses work when the queue is full instead of letting memory grow without bound.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sbor {

class WorkerPool {
public:
    // Background threads run at nice 10: for work that may wait (password hashing) so that it
    // slows the work that must not (answering requests) as little as possible.
    enum class Priority { Normal, Background };
    WorkerPool(std::string name, std::size_t threads, std::size_t maxQueued, Priority priority = Priority::Normal);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // False when the queue is full or the pool is stopping; the task is then not run.
    bool submit(std::function<void()> task);
    // Runs what is queued, then joins the threads. Idempotent.
    void stop();

private:
    void run();

    std::string m_name;
    std::size_t m_maxQueued;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace sbor
