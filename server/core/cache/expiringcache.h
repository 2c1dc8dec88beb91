#pragma once
// A small thread-safe map whose entries are trusted for a fixed time: for facts that rarely
// change and are read on every request (a check-in list, an event's keys, a session's standing).
// Bounded: past `capacity` entries it starts afresh rather than growing without limit.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace sbor {

template <typename Key, typename Value> class ExpiringCache {
public:
    using Clock = std::chrono::steady_clock;

    ExpiringCache(Clock::duration trustFor, std::size_t capacity = 10000) : m_trustFor(trustFor), m_capacity(capacity)
    {}

    std::optional<Value> get(const Key& key) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it == m_entries.end() || Clock::now() - it->second.storedAt > m_trustFor)
            return std::nullopt;
        return it->second.value;
    }

    void put(const Key& key, Value value)
    {
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= m_capacity && !m_entries.count(key))
            m_entries.clear();
        m_entries.insert_or_assign(key, Entry{std::move(value), Clock::now()});
    }

    void erase(const Key& key)
    {
        std::lock_guard lock(m_mutex);
        m_entries.erase(key);
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    struct Entry {
        Value value;
        Clock::time_point storedAt;
    };

    Clock::duration m_trustFor;
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<Key, Entry> m_entries;
};

} // namespace sbor
