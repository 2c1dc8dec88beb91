#include "runtime/clock.h"

#include "sbor/rfc3339.h"

#include <atomic>

namespace sbor::clock {
namespace {
std::atomic<std::int64_t> g_offset{0};
}

std::int64_t nowMicros() { return unixNowMicroseconds() + g_offset.load(); }

std::int64_t advance(std::int64_t micros) { return g_offset += micros > 0 ? micros : 0; }

} // namespace sbor::clock
