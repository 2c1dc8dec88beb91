#pragma once
// What the live feed carries and who may watch it (architecture.md §5). Topics:
//   event:{id}  sales, orders, check-ins, conflicts of one event — its organizer, admins, staff
//               and the kiosks enrolled for it
//   user:{id}   what concerns one person (their purchases, orders, refunds) — that person, admins
//   system      accounts and events coming and going, failed payments, escalations, settings
//               changes and the audit log as it is written — admins
//   support     the support queue changing (support.*) — support agents and admins
// Pure functions: the hub applies them, tests check them alone.

#include "access/access.h"
#include "service/contracts.h"
#include "bus/bus.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sbor::live {

struct LiveFrame {
    std::string topic;
    std::string type;
    nlohmann::json data;
    std::string at; // when it happened (the message's occurred_at)
};

// The frames one bus message becomes (none for a message nobody watches).
std::vector<LiveFrame> framesOf(const bus::Message& message);

struct TopicName {
    enum class Kind { Event, User, System, Support };
    Kind kind;
    std::string id; // the UUID of event:/user:, canonical; empty for system and support
};

// Null for anything but "event:<uuid>", "user:<uuid>", "system" or "support".
std::optional<TopicName> parseTopic(const std::string& text);
// Its canonical text ("event:<uuid>", "system"): the name frames and subscriptions use.
std::string topicText(const TopicName& topic);

// May `caller` watch `topic`? `event`: the event of an event topic, with its team (null when it
// does not exist). Its door's people watch it (service/eventaccess.h).
bool mayWatch(const access::Principal& caller, const TopicName& topic, const std::optional<EventFacts>& event);

// What of a frame a watcher gets is what their role sees over REST. On an event topic the
// event's organizer, co-organizers and admins see everything; its door staff see the door — tickets with their
// holders, check-ins, conflicts, the event — but not buyers, orders or money; a kiosk sees what
// door staff see without anyone's email (as the door routes answer it). Other topics: everything.
enum class Audience { Everything = 0, DoorStaff = 1, Kiosk = 2 };

// For a caller mayWatch() let in.
Audience audienceOf(const access::Principal& caller, const TopicName& topic, const std::optional<EventFacts>& event);

// The frame's data as `audience` may see it; null when that audience does not get frames of this
// type at all. Fields are kept by name (a new field stays hidden from the door until added here).
std::optional<nlohmann::json> dataFor(Audience audience, const std::string& type, const nlohmann::json& data);

} // namespace sbor::live
