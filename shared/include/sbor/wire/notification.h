#pragma once
// The notifications API's DTOs and their one JSON codec, shared by the server and the clients.

#include "sbor/wire/decoding.h"

#include <map>
#include <optional>
#include <string>

namespace sbor::wire {

struct Notification {
    std::string id;
    std::string userId;
    std::string type;
    std::string title;
    std::string body;
    nlohmann::json data = nlohmann::json::object();
    std::string createdAt; // RFC 3339 UTC, microseconds (the list's sort key)
    std::optional<std::string> readAt;
};

// Who wants to hear what, and how: channel ("in_app", "email") → notification type → wanted.
struct NotificationPreferences {
    std::map<std::string, std::map<std::string, bool>> wants;
};

nlohmann::json toJson(const Notification& notification);
nlohmann::json toJson(const NotificationPreferences& preferences);
void fromJson(const FieldReader& reader, Notification& notification);
void fromJson(const FieldReader& reader, NotificationPreferences& preferences);

} // namespace sbor::wire
