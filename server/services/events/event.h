#pragma once
// What the events service knows, as plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::events {

struct Event {
    std::string id;
    std::string organizerId;
    std::string title;
    std::string description;
    std::string venue;
    std::string startsAt; // RFC 3339 UTC
    std::string endsAt;
    std::string timezone; // IANA, e.g. Europe/Moscow
    std::int64_t categoryId = 0;
    std::optional<std::string> coverUrl;
    std::string status; // draft | published | cancelled | completed
    std::optional<std::string> cancelReason;
    int version = 1;
    std::string createdAt;
    std::string updatedAt;
    std::optional<std::string> publishedAt;
};

// A new event's fields, already checked for shape (times are valid RFC 3339).
struct EventDraft {
    std::string title;
    std::string description;
    std::string venue;
    std::string startsAt;
    std::string endsAt;
    std::string timezone;
    std::int64_t categoryId = 0;
    std::optional<std::string> coverUrl;
};

// A PATCH: each field set is changed; coverUrl "" clears it.
struct EventChanges {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> venue;
    std::optional<std::string> startsAt;
    std::optional<std::string> endsAt;
    std::optional<std::string> timezone;
    std::optional<std::int64_t> categoryId;
    std::optional<std::string> coverUrl;
    std::optional<int> expectedVersion; // If-Match or "version"
    bool empty() const { return !title && !description && !venue && !startsAt && !endsAt && !timezone && !categoryId && !coverUrl; }
};

struct ScheduleItem {
    std::string startsAt;
    std::string endsAt;
    std::string title;
    std::optional<std::string> speaker;
    std::optional<std::string> room;
};

struct Category {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
};

enum class EventSort { StartsAscending, StartsDescending, CreatedAscending, CreatedDescending };

struct EventQuery {
    std::optional<std::string> ownedBy;   // ?mine=true: this organizer's events in any status
    std::optional<std::string> status;    // with ownedBy only
    std::optional<std::int64_t> categoryId;
    std::optional<std::string> from;      // starts_at >= from
    std::optional<std::string> to;        // starts_at < to
    std::string text;                     // in title or venue, case-insensitive
    std::optional<std::string> organizerId;
    EventSort sort = EventSort::StartsAscending;
    int limit = 20;
    std::optional<std::pair<std::string, std::string>> after; // (sort value, id) of the last item seen
};

struct EventPage {
    std::vector<Event> items;
    std::optional<std::string> nextCursor;
};

} // namespace sbor::events
