#pragma once
// Every service sbor-server can run, with what each needs. resolveTargets() turns a --target
// list into the services to start, each after those it depends on; "all" means every service of
// the embedded default. A target runs only what it names (plus `system`: health, metrics,
// version): what it depends on is reached in another process (distributed mode).

#include "config/config.h"
#include "sbor/error.h"
#include "service/service.h"

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sbor {

struct ServiceEntry {
    std::string name;
    std::string description;
    std::vector<std::string> dependencies; // started before it when in the same process
    std::function<std::unique_ptr<Service>()> create;
    bool partOfAll = true; // false: only when named (the gateway, useless in one process)
    // Services whose contracts (or token checks) it calls, besides its dependencies: in the
    // distributed mode a process must know where each of them runs.
    std::vector<std::string> calls = {};
    // Adds its configuration keys (declared next to its code); none when empty. Every service's
    // keys are known to every process, so one file can configure a whole deployment.
    std::function<void(ConfigSchema&)> declareSettings = {};
};

class ServiceCatalog {
public:
    // Throws std::logic_error on a duplicate name.
    void add(ServiceEntry entry);
    const std::vector<ServiceEntry>& entries() const { return m_entries; }
    const ServiceEntry* find(const std::string& name) const;
    // `core` with every service's keys added; a key declared twice throws std::logic_error.
    ConfigSchema configSchema(ConfigSchema core) const;

    // Ordered so that each service comes after what it depends on. Errors name unknown targets
    // and list the known ones, or name a dependency cycle.
    Result<std::vector<std::string>> resolveTargets(const std::vector<std::string>& requested) const;
    // What `targets` depend on or call that is not among them: the services they reach in other
    // processes.
    std::set<std::string> dependenciesOutside(const std::vector<std::string>& targets) const;
    // "all" followed by each service with its description, one per line.
    std::string describeTargets() const;

private:
    std::vector<ServiceEntry> m_entries;
};

inline constexpr const char* kSystemService = "system";

} // namespace sbor
