#pragma once
// Moves a service's committed outbox rows onto the bus, in commit order (architecture.md §4):
// read the unsent rows in sequence order, publish them, then mark them sent in the same
// transaction. A crash between publishing and marking sends them again — a duplicate, which
// consumers' inboxes absorb, never a gap. One relay per schema runs at a time across processes
// (an advisory lock), so order holds. When the bus refuses, nothing is marked and the relay backs
// off, doubling its pause up to a limit.
// With a bus that confirms later (the in-process bus: once its at-least-once consumers handled
// the rows), the rows stay "in flight" until then, and the relay's next round marks the confirmed
// ones sent; meanwhile it goes on with newer rows, so a slow consumer does not hold up the live
// feed. A crash with rows in flight leaves them unsent: they go out again after the restart.
// What is in flight is shared by every relay of the schema in the process.

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <memory>
#include <set>
#include <vector>
#include <string>

namespace sbor::bus {

class OutboxRelay {
public:
    OutboxRelay(db::ConnectionPool& database, std::string schema, Bus& bus);

    // One round: publishes up to `batch` unsent rows. Returns how many were sent (0 while backing
    // off, when another process relays this schema, or when nothing waits).
    int relayOnce(int batch = 500);

    // Rows handed to the bus and not yet confirmed.
    std::size_t inFlight() const;

private:
    struct Flight; // per schema, shared
    std::optional<int> relayAcknowledged(int batch);
    std::optional<int> relayConfirmedLater(int batch);
    std::optional<int> relayConfirmedLaterRound(int batch, std::vector<std::string>& confirmed);

    db::ConnectionPool& m_database;
    std::string m_schema;
    Bus& m_bus;
    int m_failures = 0;
    std::chrono::steady_clock::time_point m_pausedUntil{};
    std::shared_ptr<Flight> m_flight;
};

} // namespace sbor::bus
