#include "preferences.h"

#include "sbor/wire/notification.h"

#include <algorithm>

namespace sbor::notifications {
namespace {

bool known(const std::vector<std::string>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Check-ins are what people do in person; an email for each would be noise.
bool wantedByDefault(std::string_view channel, std::string_view type)
{
    return !(channel == "email" && type == "ticket.checkin");
}

} // namespace

const std::vector<std::string>& notificationTypes()
{
    static const std::vector<std::string> types = {
        "ticket.purchased", "ticket.checkin", "event.cancelled",         "event.reminder",
        "order.updated",    "refund.issued",  "event.team_member_added", "support.request_updated"};
    return types;
}

const std::vector<std::string>& notificationChannels()
{
    static const std::vector<std::string> channels = {"in_app", "email"};
    return channels;
}

Preferences Preferences::fromStored(const nlohmann::json& stored)
{
    Preferences preferences;
    if (stored.is_object())
        preferences.apply(stored); // what no longer parses falls back to the defaults
    return preferences;
}

bool Preferences::wants(std::string_view channel, std::string_view type) const
{
    const auto byChannel = m_stored.find(std::string(channel));
    if (byChannel != m_stored.end()) {
        const auto value = byChannel->find(std::string(type));
        if (value != byChannel->end() && value->is_boolean())
            return value->get<bool>();
    }
    return wantedByDefault(channel, type);
}

nlohmann::json Preferences::toJson() const
{
    wire::NotificationPreferences preferences;
    for (const auto& channel : notificationChannels())
        for (const auto& type : notificationTypes())
            preferences.wants[channel][type] = wants(channel, type);
    return wire::toJson(preferences);
}

Result<bool> Preferences::apply(const nlohmann::json& changes)
{
    if (!changes.is_object())
        return Error(ErrorCode::ValidationFailed, "preferences must be an object of channels",
                     {{"channels", notificationChannels()}});
    for (const auto& [channel, types] : changes.items()) {
        if (!known(notificationChannels(), channel))
            return Error(ErrorCode::ValidationFailed, "unknown channel " + channel,
                         {{"field", channel}, {"channels", notificationChannels()}});
        if (!types.is_object())
            return Error(ErrorCode::ValidationFailed, channel + " must be an object of notification types",
                         {{"field", channel}, {"types", notificationTypes()}});
        for (const auto& [type, wanted] : types.items()) {
            if (!known(notificationTypes(), type))
                return Error(ErrorCode::ValidationFailed, "unknown notification type " + type,
                             {{"field", channel + "." + type}, {"types", notificationTypes()}});
            if (!wanted.is_boolean())
                return Error(ErrorCode::ValidationFailed, channel + "." + type + " must be true or false",
                             {{"field", channel + "." + type}});
        }
    }
    for (const auto& [channel, types] : changes.items())
        for (const auto& [type, wanted] : types.items())
            m_stored[channel][type] = wanted;
    return true;
}

} // namespace sbor::notifications
