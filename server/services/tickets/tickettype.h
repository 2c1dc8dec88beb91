#pragma once
// Ticket types: what an event sells, at what price, how many, and when.

#include <cstdint>
#include <optional>
#include <string>

namespace sbor::tickets {

struct TicketType {
    std::string id;
    std::string eventId;
    std::string name;
    std::int64_t price = 0; // minor units
    std::string currency;   // ISO 4217
    int quota = 0;
    int sold = 0;
    std::string salesStart; // RFC 3339 UTC
    std::string salesEnd;
    int minPerOrder = 1;
    int maxPerOrder = 10;
    bool active = true;
    int version = 1;
    std::string createdAt;
    std::string updatedAt;
};

struct TicketTypeDraft {
    std::string name;
    std::int64_t price = 0;
    std::string currency;
    int quota = 0;
    std::string salesStart;
    std::string salesEnd;
    int minPerOrder = 1;
    int maxPerOrder = 10;
    bool active = true;
};

struct TicketTypeChanges {
    std::optional<std::string> name;
    std::optional<std::int64_t> price;
    std::optional<std::string> currency;
    std::optional<int> quota;
    std::optional<std::string> salesStart;
    std::optional<std::string> salesEnd;
    std::optional<int> minPerOrder;
    std::optional<int> maxPerOrder;
    std::optional<bool> active;
    bool empty() const
    {
        return !name && !price && !currency && !quota && !salesStart && !salesEnd && !minPerOrder && !maxPerOrder && !active;
    }
};

// ISO 4217 currencies the platform sells in.
bool isKnownCurrency(const std::string& code);
// How many quota shards a ticket type has (see the migration).
inline constexpr int kQuotaShards = 16;

} // namespace sbor::tickets
