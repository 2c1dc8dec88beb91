#pragma once
// RFC 3339 timestamps, strictly: "2026-05-01T18:30:00Z", "2026-05-01T18:30:00.250+03:00".
// The API accepts nothing looser (no date-only, no space separator, no missing offset), so a
// time means one instant wherever the client is.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sbor {

// Microseconds since the Unix epoch; nullopt for anything that is not a valid RFC 3339 time, has
// more than 6 fraction digits, an offset beyond ±15:59, or lies outside 1970–9000 (UTC).
std::optional<std::int64_t> parseRfc3339(std::string_view text);
// "2026-05-01T15:30:00.250000Z" (UTC, microseconds).
std::string formatRfc3339(std::int64_t unixMicroseconds);

// Now, in the units the API's times and tokens use.
std::int64_t unixNowSeconds();
std::int64_t unixNowMicroseconds();

} // namespace sbor
