#include "runtime/modulemanager.h"

#include <algorithm>
#include <set>

namespace sbor {

void ModuleManager::add(Module module)
{
    for (const auto& existing : m_modules)
        if (existing.name == module.name)
            throw std::logic_error("module " + module.name + " is added twice");
    m_modules.push_back(std::move(module));
}

const Module& ModuleManager::find(const std::string& name) const
{
    for (const auto& module : m_modules)
        if (module.name == name)
            return module;
    throw std::logic_error("no module is named " + name);
}

std::vector<std::string> ModuleManager::startOrder() const
{
    for (const auto& module : m_modules)
        for (const auto& dependency : module.dependencies)
            if (std::none_of(m_modules.begin(), m_modules.end(),
                             [&](const Module& other) { return other.name == dependency; }))
                throw std::logic_error("module " + module.name + " depends on " + dependency + ", which is not added");
    std::vector<std::string> order;
    std::set<std::string> placed;
    while (order.size() < m_modules.size()) {
        bool progressed = false;
        for (const auto& module : m_modules) {
            if (placed.count(module.name))
                continue;
            const bool ready = std::all_of(module.dependencies.begin(), module.dependencies.end(),
                                           [&](const std::string& dependency) { return placed.count(dependency) > 0; });
            if (!ready)
                continue;
            order.push_back(module.name);
            placed.insert(module.name);
            progressed = true;
            break; // the earliest added ready module goes first, then look again from the start
        }
        if (!progressed) {
            std::string waiting;
            for (const auto& module : m_modules)
                if (!placed.count(module.name))
                    waiting += (waiting.empty() ? "" : ", ") + module.name;
            throw std::logic_error("the modules depend on each other in a cycle: " + waiting);
        }
    }
    return order;
}

void ModuleManager::startAll()
{
    for (const auto& name : startOrder()) {
        const Module& module = find(name);
        if (module.start)
            module.start();
        m_started.push_back(name);
    }
}

void ModuleManager::stopAll(const std::function<void(const std::string&, const std::string&)>& onStopFailure)
{
    while (!m_started.empty()) {
        const std::string name = m_started.back();
        m_started.pop_back();
        const Module& module = find(name);
        if (!module.stop)
            continue;
        try {
            module.stop();
        } catch (const std::exception& e) {
            if (onStopFailure)
                onStopFailure(name, e.what());
        }
    }
}

} // namespace sbor
