#include "bus/bus.h"

namespace sbor::bus {

std::string topicOf(const std::string& aggregateType)
{
    if (aggregateType == "user")
        return "users";
    if (aggregateType == "event")
        return "events";
    if (aggregateType == "order")
        return "orders";
    if (aggregateType == "ticket")
        return "tickets";
    if (aggregateType == "checkin")
        return "checkins";
    if (aggregateType == "payment")
        return "payments";
    if (aggregateType == "notification")
        return "notifications";
    if (aggregateType == "platform")
        return "platform";
    if (aggregateType == "support")
        return "support";
    if (aggregateType == "audit")
        return "audit";
    return {};
}

} // namespace sbor::bus
