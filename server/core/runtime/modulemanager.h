#pragma once
// The pieces a process is made of (Loki's modules): each names the modules that must run before
// it, how it starts and how it stops. One manager starts them in dependency order — among the
// modules whose dependencies are met, in the order they were added — and stops the ones it
// started in reverse. A module that fails to start throws, and startAll() passes the exception on
// with the modules before it still running: the caller says why, then stops them (stopAll()).

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sbor {

struct Module {
    std::string name;
    std::vector<std::string> dependencies;
    std::function<void()> start; // may be empty: a module that only orders others
    std::function<void()> stop;  // may be empty; called once, only for a started module
};

class ModuleManager {
public:
    // Throws std::logic_error for a name added twice.
    void add(Module module);
    // The start order; throws std::logic_error naming an unknown dependency or a cycle.
    std::vector<std::string> startOrder() const;
    // Starts every module; the first that throws ends it (rethrown; the failed one counts as not started).
    void startAll();
    // Stops the started modules, newest first. Idempotent. A stop that throws is not allowed to
    // keep the others from stopping: it is reported through `onStopFailure`, then the next stops.
    void stopAll(const std::function<void(const std::string& module, const std::string& problem)>& onStopFailure = {});
    const std::vector<std::string>& started() const { return m_started; }

private:
    const Module& find(const std::string& name) const;

    std::vector<Module> m_modules;
    std::vector<std::string> m_started;
};

} // namespace sbor
