#include "service/servicecatalog.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

namespace sbor {

void ServiceCatalog::add(ServiceEntry entry)
{
    if (find(entry.name))
        throw std::logic_error("service registered twice: " + entry.name);
    m_entries.push_back(std::move(entry));
}

ConfigSchema ServiceCatalog::configSchema(ConfigSchema core) const
{
    for (const auto& entry : m_entries)
        if (entry.declareSettings)
            entry.declareSettings(core);
    return core;
}

const ServiceEntry* ServiceCatalog::find(const std::string& name) const
{
    for (const auto& entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

Result<std::vector<std::string>> ServiceCatalog::resolveTargets(const std::vector<std::string>& requested) const
{
    std::vector<std::string> wanted;
    if (find(kSystemService))
        wanted.push_back(kSystemService);
    std::vector<std::string> unknown;
    for (const auto& target : requested) {
        if (target == "all") {
            for (const auto& entry : m_entries)
                if (entry.partOfAll)
                    wanted.push_back(entry.name);
        } else if (find(target)) {
            wanted.push_back(target);
        } else {
            unknown.push_back(target);
        }
    }
    if (requested.empty())
        return Error(
            ErrorCode::ValidationFailed, "no target given; known targets: all, " + [&] {
                std::string names;
                for (const auto& entry : m_entries)
                    names += (names.empty() ? "" : ", ") + entry.name;
                return names;
            }());
    if (!unknown.empty()) {
        std::string names = "all";
        for (const auto& entry : m_entries)
            names += ", " + entry.name;
        std::string bad;
        for (const auto& name : unknown)
            bad += (bad.empty() ? "" : ", ") + name;
        return Error(ErrorCode::ValidationFailed, "unknown target " + bad + "; known targets: " + names,
                     {{"unknown", unknown}});
    }

    // Depth-first, dependencies before dependents among the wanted ones; `visiting` catches cycles.
    const std::set<std::string> chosen(wanted.begin(), wanted.end());
    std::vector<std::string> ordered;
    std::map<std::string, int> state; // 1 visiting, 2 done
    std::optional<Error> failure;
    std::function<void(const std::string&)> visit = [&](const std::string& name) {
        if (failure || state[name] == 2)
            return;
        if (state[name] == 1) {
            failure = Error(ErrorCode::Internal, "service dependency cycle through " + name);
            return;
        }
        state[name] = 1;
        const ServiceEntry* entry = find(name);
        if (!entry) {
            failure = Error(ErrorCode::Internal, "a service depends on unknown service " + name);
            return;
        }
        for (const auto& dependency : entry->dependencies)
            if (chosen.count(dependency) || !find(dependency))
                visit(dependency);
        state[name] = 2;
        ordered.push_back(name);
    };
    for (const auto& name : wanted)
        visit(name);
    if (failure)
        return *failure;
    return ordered;
}

std::set<std::string> ServiceCatalog::dependenciesOutside(const std::vector<std::string>& targets) const
{
    const std::set<std::string> chosen(targets.begin(), targets.end());
    std::set<std::string> outside;
    for (const auto& name : targets)
        if (const ServiceEntry* entry = find(name)) {
            for (const auto& dependency : entry->dependencies)
                if (!chosen.count(dependency))
                    outside.insert(dependency);
            for (const auto& called : entry->calls)
                if (!chosen.count(called))
                    outside.insert(called);
        }
    return outside;
}

std::string ServiceCatalog::describeTargets() const
{
    std::string out = "all\tevery service below except the gateway, in one process (the default)\n";
    for (const auto& entry : m_entries)
        out += entry.name + "\t" + entry.description + "\n";
    return out;
}

} // namespace sbor
