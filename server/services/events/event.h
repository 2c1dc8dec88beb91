#pragma once
// What the events service knows, as plain values.

#include "sbor/wire/event.h"
#include "service/contracts.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::events {

// The events API's DTOs are the shared wire types: one definition for the server and clients.
using wire::Category;
using wire::Event;
using wire::EventChanges;
using wire::EventCopyRequest;
using wire::EventDraft;
using wire::ScheduleItem;
using wire::TeamInvitation;
using wire::TeamMember;

enum class EventSort { StartsAscending, StartsDescending, CreatedAscending, CreatedDescending };

struct EventQuery {
    std::optional<std::string> ownedBy; // ?mine=true: this organizer's events in any status
    std::optional<std::string> status;  // with ownedBy only
    std::optional<std::int64_t> categoryId;
    std::optional<std::string> from; // starts_at >= from
    std::optional<std::string> to;   // starts_at < to
    std::string text;                // in title or venue, case-insensitive
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
