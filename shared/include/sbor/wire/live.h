#pragma once
// The live feed's frames (docs/live.md) and their one JSON codec, shared by the hub and clients.

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sbor::wire {

// What happened: {"topic","seq","epoch","type","data","at"}.
struct LiveFrame {
    std::string topic;
    std::int64_t seq = 0;
    std::string epoch; // changes when the hub restarts and numbers again from 1
    std::string type;  // as on the bus: ticket.checkin, order.updated, …
    nlohmann::json data = nlohmann::json::object();
    std::string at;
};

// The hub's control frames: {"op": welcome | subscribed | resync | unsubscribed | pong | error, …}.
struct LiveControl {
    std::string op;
    std::string topic;
    std::int64_t seq = 0;
    std::string epoch;
    std::string code; // error only
    std::string message;
};

// A client's request: {"op": subscribe | unsubscribe | ping, "topic", "since", "epoch"}. With
// the epoch of `since`, a restarted hub knows the number is from before and answers resync.
struct LiveRequest {
    std::string op;
    std::string topic;
    std::optional<std::int64_t> since;
    std::string epoch;
};

nlohmann::json toJson(const LiveFrame& frame);
nlohmann::json toJson(const LiveControl& control);
nlohmann::json toJson(const LiveRequest& request);
void fromJson(const FieldReader& reader, LiveFrame& frame);
void fromJson(const FieldReader& reader, LiveControl& control);

// A frame from the hub is either; which one is told by "op".
bool isLiveControl(const nlohmann::json& frame);

} // namespace sbor::wire
