#include "sbor/wire/notification.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

nlohmann::json toJson(const Notification& notification)
{
    return {{"id", notification.id},
            {"user_id", notification.userId},
            {"type", notification.type},
            {"title", notification.title},
            {"body", notification.body},
            {"data", notification.data},
            {"read", notification.readAt.has_value()},
            {"read_at", jsonOrNull(notification.readAt)},
            {"created_at", notification.createdAt}};
}

void fromJson(const FieldReader& reader, Notification& notification)
{
    notification.id = reader.string("id");
    notification.userId = reader.string("user_id");
    notification.type = reader.string("type");
    notification.title = reader.string("title");
    notification.body = reader.optionalString("body").value_or("");
    notification.data = reader.any("data");
    notification.createdAt = reader.string("created_at");
    notification.readAt = reader.optionalString("read_at");
}

nlohmann::json toJson(const NotificationPreferences& preferences)
{
    nlohmann::json matrix = nlohmann::json::object();
    for (const auto& [channel, types] : preferences.wants)
        for (const auto& [type, wanted] : types)
            matrix[channel][type] = wanted;
    return matrix;
}

void fromJson(const FieldReader& reader, NotificationPreferences& preferences)
{
    preferences.wants.clear();
    for (const auto& [channel, types] : reader.json().items()) {
        const FieldReader typeReader(types, reader.pathOf(channel.c_str()));
        for (const auto& [type, wanted] : types.items())
            preferences.wants[channel][type] = typeReader.boolean(type.c_str());
    }
}

} // namespace sbor::wire
