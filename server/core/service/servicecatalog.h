#pragma once
// Every service sbor-server can run, with what each needs. resolveTargets() turns a --target
// list into the services to start, dependencies first; "all" means every service. The `system`
// service (health, metrics, version) is part of every process.

#include "sbor/error.h"
#include "service/service.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sbor {

struct ServiceEntry {
    std::string name;
    std::string description;
    std::vector<std::string> dependencies;
    std::function<std::unique_ptr<Service>()> create;
};

class ServiceCatalog {
public:
    // Throws std::logic_error on a duplicate name.
    void add(ServiceEntry entry);
    const std::vector<ServiceEntry>& entries() const { return m_entries; }
    const ServiceEntry* find(const std::string& name) const;

    // Ordered so that each service comes after what it depends on. Errors name unknown targets
    // and list the known ones, or name a dependency cycle.
    Result<std::vector<std::string>> resolveTargets(const std::vector<std::string>& requested) const;
    // "all" followed by each service with its description, one per line.
    std::string describeTargets() const;

private:
    std::vector<ServiceEntry> m_entries;
};

inline constexpr const char* kSystemService = "system";

} // namespace sbor
