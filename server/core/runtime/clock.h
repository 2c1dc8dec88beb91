#pragma once
// The time deadlines are measured against (a dispute's respond_by). It is the system clock; tests
// move it forward through the debug route POST /api/v1/debug/clock (server.debug_routes only),
// so a week-long deadline passes in a second without touching the stored rows.

#include <cstdint>

namespace sbor::clock {

// Unix microseconds: the system clock plus what tests moved it by.
std::int64_t nowMicros();
// Moves this process's clock forward by `micros` (never back); returns the new offset.
std::int64_t advance(std::int64_t micros);

} // namespace sbor::clock
