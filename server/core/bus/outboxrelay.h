#pragma once
// Moves a service's committed outbox rows onto the bus, in commit order (architecture.md §4):
// read the unsent rows in sequence order, publish them, then mark them sent in the same
// transaction. A crash between publishing and marking sends them again — a duplicate, which
// consumers' inboxes absorb, never a gap. One relay per schema runs at a time across processes
// (an advisory lock), so order holds. When the bus refuses, nothing is marked and the relay backs
// off, doubling its pause up to a limit.

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <chrono>
#include <string>

namespace sbor::bus {

class OutboxRelay {
public:
    OutboxRelay(db::ConnectionPool& database, std::string schema, Bus& bus) : m_database(database), m_schema(std::move(schema)), m_bus(bus) {}

    // One round: publishes up to `batch` unsent rows. Returns how many were sent (0 while backing
    // off, when another process relays this schema, or when nothing waits).
    int relayOnce(int batch = 500);

private:
    db::ConnectionPool& m_database;
    std::string m_schema;
    Bus& m_bus;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_pausedUntil{};
};

} // namespace sbor::bus
