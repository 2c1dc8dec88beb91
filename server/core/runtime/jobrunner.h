#pragma once
// Runs services' background jobs: each on its own thread, every `interval`, until stop().
// A job that throws is logged and run again at its next turn; stop() wakes sleeping jobs at
// once and waits for running ones to return.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace sbor {

struct BackgroundJob {
    std::string name;
    std::chrono::milliseconds interval{60000};
    std::function<void()> run;
};

class JobRunner {
public:
    JobRunner() = default;
    ~JobRunner();
    JobRunner(const JobRunner&) = delete;
    JobRunner& operator=(const JobRunner&) = delete;

    void start(BackgroundJob job);
    // Runs the job named `name` now instead of at its next turn (once, however often woken
    // meanwhile). Cheap: callable from any thread, after every commit.
    void wake(const std::string& name);
    void stop();

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::set<std::string> m_woken;
    std::vector<std::thread> m_threads;
};

} // namespace sbor
