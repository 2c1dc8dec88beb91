#pragma once
// How services ask each other for things without reading each other's tables
// (architecture.md §3): a service provides an implementation of a contract (contracts.h), and
// another finds it here. In the embedded default every provider is in-process; when a service
// runs elsewhere its contract is provided by an HTTP client instead (cluster/remotecontracts.h)
// — callers do not change.

#include <map>
#include <memory>
#include <mutex>
#include <typeindex>

namespace sbor {

class ServiceDirectory {
public:
    template <typename Contract> void provide(std::shared_ptr<Contract> implementation)
    {
        std::lock_guard lock(m_mutex);
        m_entries[std::type_index(typeid(Contract))] = std::move(implementation);
    }

    // Null when no service in reach provides the contract.
    template <typename Contract> std::shared_ptr<Contract> find() const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(std::type_index(typeid(Contract)));
        return it == m_entries.end() ? nullptr : std::static_pointer_cast<Contract>(it->second);
    }

private:
    mutable std::mutex m_mutex;
    std::map<std::type_index, std::shared_ptr<void>> m_entries;
};

} // namespace sbor
