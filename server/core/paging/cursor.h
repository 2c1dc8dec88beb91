#pragma once
// Opaque list cursors (architecture.md §5: {"items": [...], "next_cursor": "…" | null}). A cursor
// is the sort key of the last item returned, as base64url JSON: clients pass it back unchanged
// and must not build one. A cursor that does not decode is a 422 for the caller to report.

#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

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

template <typename Item> struct Page {
    std::vector<Item> items;
    std::optional<std::string> nextCursor;
};

// A newest-first page by (time, id). `fetch(after, count)` reads `count` items after the position
// (nullopt: from the start); one more than `limit` is read, which says whether a next page exists.
// `timeOf(item)` is the item's sort time.
template <typename Item, typename Fetch, typename TimeOf>
Result<Page<Item>> timeAndIdPage(const std::string& cursor, int limit, Fetch&& fetch, TimeOf&& timeOf)
{
    std::optional<std::pair<std::string, std::string>> after;
    if (!cursor.empty()) {
        const auto position = decodeTimeAndIdCursor(cursor);
        if (!position)
            return invalidField("cursor", "is not valid", "cursor is not one this API returned");
        after = std::make_pair(position->time, position->id);
    }
    Page<Item> page;
    page.items = fetch(after, limit + 1);
    if (static_cast<int>(page.items.size()) > limit) {
        page.items.resize(limit);
        page.nextCursor = encodeTimeAndIdCursor(timeOf(page.items.back()), page.items.back().id);
    }
    return page;
}

} // namespace sbor::paging
