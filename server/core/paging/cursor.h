#pragma once
// Opaque list cursors (architecture.md §5: {"items": [...], "next_cursor": "…" | null}). A cursor
// is the sort key of the last item returned, as base64url JSON: clients pass it back unchanged
// and must not build one. A cursor that does not decode is a 422 for the caller to report.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sbor::paging {

std::string encodeCursor(const nlohmann::json& position);
// A `limit` query value: absent → `fallback`; not an integer in 1..`maximum` → nullopt.
std::optional<int> parsePageLimit(const std::string& text, int fallback, int maximum);
std::optional<nlohmann::json> decodeCursor(const std::string& cursor);

// The usual keyset position, newest first: an RFC 3339 time and a UUID breaking ties.
struct TimeAndId {
    std::string time;
    std::string id;
};
std::string encodeTimeAndIdCursor(const std::string& time, const std::string& id);
// nullopt when `cursor` is not a (time, id) cursor this API made.
std::optional<TimeAndId> decodeTimeAndIdCursor(const std::string& cursor);

} // namespace sbor::paging
