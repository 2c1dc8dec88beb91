#pragma once
// The events API's DTOs (GET/POST /events, schedules, categories) and their one JSON codec,
// shared by the server that writes them and the clients that read them.

#include "sbor/wire/decoding.h"
#include "sbor/statuses.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

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
    EventStatus status = EventStatus::Draft;
    std::optional<std::string> cancelReason;
    int version = 1;
    std::string createdAt;
    std::string updatedAt;
    std::optional<std::string> publishedAt;
};

// A new event (POST /events).
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
    bool empty() const
    {
        return !title && !description && !venue && !startsAt && !endsAt && !timezone && !categoryId && !coverUrl;
    }
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

// A person on an event's team (GET/POST /events/{id}/team).
struct TeamMember {
    std::string userId;
    std::string email;
    std::string name;
    TeamRole role = TeamRole::Door;
    std::string addedBy; // the user id who added them
    std::string addedAt; // RFC 3339 UTC
};

// POST /events/{id}/team: a person by their account's email.
struct TeamInvitation {
    std::string email;
    TeamRole role = TeamRole::Door;
};

// POST /events/{id}/copy: a new draft like the event; unset fields keep its title and dates
// (the end moves with the start when only the start is given).
struct EventCopyRequest {
    std::optional<std::string> title;
    std::optional<std::string> startsAt;
    std::optional<std::string> endsAt;
};

nlohmann::json toJson(const Event& event);
nlohmann::json toJson(const EventDraft& draft);
nlohmann::json toJson(const EventChanges& changes);
nlohmann::json toJson(const ScheduleItem& item);
nlohmann::json toJson(const Category& category);
nlohmann::json toJson(const TeamMember& member);
nlohmann::json toJson(const TeamInvitation& invitation);
nlohmann::json toJson(const EventCopyRequest& request);
void fromJson(const FieldReader& reader, Event& event);
void fromJson(const FieldReader& reader, ScheduleItem& item);
void fromJson(const FieldReader& reader, Category& category);
void fromJson(const FieldReader& reader, TeamMember& member);

} // namespace sbor::wire
