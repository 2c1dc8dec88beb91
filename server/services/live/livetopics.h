#pragma once
// What the live feed carries and who may watch it (architecture.md §5). Topics:
//   event:{id}  sales, orders, check-ins, conflicts of one event — its organizer, admins, staff
//               and the kiosks enrolled for it
//   user:{id}   what concerns one person (their purchases, orders, refunds) — that person, admins
//   system      accounts and events coming and going, failed payments — admins
// Pure functions: the hub applies them, tests check them alone.

#include "access/access.h"
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
    enum class Kind { Event, User, System };
    Kind kind;
    std::string id; // the UUID of event:/user:, canonical; empty for system
};

// Null for anything but "event:<uuid>", "user:<uuid>" or "system".
std::optional<TopicName> parseTopic(const std::string& text);

// May `caller` watch `topic`? `eventOrganizerId`: the organizer of the event of an event topic
// (null when the event does not exist).
bool mayWatch(const access::Principal& caller, const TopicName& topic, const std::optional<std::string>& eventOrganizerId);

} // namespace sbor::live
