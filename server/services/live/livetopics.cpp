#include "livetopics.h"

#include "service/eventaccess.h"

#include "sbor/jsonvalue.h"
#include "sbor/uuid.h"

#include <unordered_map>

namespace sbor::live {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

} // namespace

std::vector<LiveFrame> framesOf(const bus::Message& message)
{
    const auto envelope = nlohmann::json::parse(message.payload, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("data") || !envelope["data"].is_object())
        return {};
    const std::string type = envelope.value("type", message.type);
    const nlohmann::json& data = envelope["data"];
    const std::string at = envelope.value("occurred_at", std::string());
    std::vector<LiveFrame> frames;
    if (const std::string eventId = stringField(data, "event_id"); !eventId.empty())
        frames.push_back({"event:" + eventId, type, data, at});
    // A person's own things: what they bought, their orders and money.
    if (const std::string buyerId = stringField(data, "buyer_id"); !buyerId.empty() &&
        (startsWith(type, "ticket.") || startsWith(type, "order.") || startsWith(type, "payment.") ||
         type == "refund.issued"))
        frames.push_back({"user:" + buyerId, type, data, at});
    // A person's new in-app notification: to their own topic only.
    if (type == "notification.created") {
        const std::string named = stringField(data, "user_id");
        const std::string userId = named.empty() ? message.key : named;
        return {{"user:" + userId, type, data, at}};
    }
    // The support desk's queue, live for its staff; the requester's own screens hear their request.
    if (startsWith(type, "support.")) {
        frames.push_back({"support", type, data, at});
        if (const std::string requesterId = stringField(data, "requester_id");
            !requesterId.empty() && type == "support.request_updated")
            frames.push_back({"user:" + requesterId, type, data, at});
    }
    if (startsWith(type, "user.") || type == "event.published" || type == "event.cancelled" ||
        type == "payment.failed" || type == "support.escalated" || type == "platform.settings_changed" ||
        type == "audit.recorded")
        frames.push_back({"system", type, data, at});
    return frames;
}

std::optional<TopicName> parseTopic(const std::string& text)
{
    if (text == "system")
        return TopicName{TopicName::Kind::System, ""};
    if (text == "support")
        return TopicName{TopicName::Kind::Support, ""};
    for (const auto& [prefix, kind] : {std::pair{std::string("event:"), TopicName::Kind::Event},
                                       std::pair{std::string("user:"), TopicName::Kind::User}}) {
        if (startsWith(text, prefix) && isUuid(text.substr(prefix.size())))
            return TopicName{kind, canonicalUuid(text.substr(prefix.size()))};
    }
    return std::nullopt;
}

std::string topicText(const TopicName& topic)
{
    switch (topic.kind) {
    case TopicName::Kind::System:
        return "system";
    case TopicName::Kind::Support:
        return "support";
    case TopicName::Kind::Event:
        return "event:" + topic.id;
    case TopicName::Kind::User:
        return "user:" + topic.id;
    }
    return {};
}

bool mayWatch(const access::Principal& caller, const TopicName& topic, const std::optional<EventFacts>& event)
{
    switch (topic.kind) {
    case TopicName::Kind::System:
        return !caller.device && caller.has(access::Permission::UsersAdminister);
    case TopicName::Kind::Support:
        return !caller.device && caller.has(access::Permission::SupportHandle);
    case TopicName::Kind::User:
        return !caller.device && (caller.userId == topic.id || caller.has(access::Permission::UsersRead));
    case TopicName::Kind::Event:
        if (!event)
            return false;
        if (caller.device) // a kiosk sees the door of its own event only
            return caller.device->eventId == topic.id;
        return worksTheDoor(caller, *event);
    }
    return false;
}

Audience audienceOf(const access::Principal& caller, const TopicName& topic, const std::optional<EventFacts>& event)
{
    if (topic.kind != TopicName::Kind::Event)
        return Audience::Everything;
    if (caller.device)
        return Audience::Kiosk;
    if (event && managesEvent(caller, *event))
        return Audience::Everything;
    return Audience::DoorStaff;
}

std::optional<nlohmann::json> dataFor(Audience audience, const std::string& type, const nlohmann::json& data)
{
    if (audience == Audience::Everything)
        return data;
    // The door's frame types and, for each, the fields the door may read.
    static const std::unordered_map<std::string, std::vector<std::string>> doorFields = {
        {"ticket.purchased",
         {"ticket_id", "order_id", "event_id", "ticket_type_id", "holder_name", "holder_email", "status"}},
        {"ticket.cancelled", {"ticket_id", "order_id", "event_id", "ticket_type_id", "reason"}},
        {"ticket.checkin",
         {"ticket_id", "event_id", "list_id", "scan_id", "kind", "device_id", "scanned_at", "received_at", "result",
          "offline"}},
        {"checkin.conflict",
         {"ticket_id", "event_id", "list_id", "scans", "first", "second", "holder_name", "detected_at"}},
        {"event.updated", {}},
        {"event.cancelled", {}},
        {"event.published", {}},
    };
    const auto fields = doorFields.find(type);
    if (fields == doorFields.end())
        return std::nullopt;
    if (fields->second.empty() && startsWith(type, "event."))
        return data; // what the event's public page shows
    nlohmann::json shaped = nlohmann::json::object();
    for (const auto& field : fields->second) {
        if (audience == Audience::Kiosk && field == "holder_email")
            continue;
        if (const auto found = data.find(field); found != data.end())
            shaped[field] = *found;
    }
    return shaped;
}

} // namespace sbor::live
