#pragma once
// Turns what happened (bus messages) into what people are told: in-app notifications, emails and
// webhook deliveries, all written in the one transaction that records the message in the inbox —
// so a message delivered twice notifies once, and a crash before commit loses nothing (the bus
// brings it again). Sending happens later (EmailDelivery, WebhookDelivery).
//
//   ticket.purchased  the attendee's email with the QR (always: it is the ticket); once the whole
//                     order is seen, the buyer's summary (email) and in-app notification
//   ticket.checkin    the buyer (in-app; email only if asked for)
//   event.cancelled   every holder of a ticket (email) and every buyer (in-app)
//   event.reminder    every holder of a valid ticket (email) and every buyer (in-app)
//   order.updated     the buyer, when an order expired, was cancelled or refunded
//   refund.issued     the buyer
//   event.team_member_added  the person added to an event's team (in-app and email)
// Every one of them — and the other §4 events of an organizer's events — also goes to the
// organizer's webhook endpoints that asked for its type.

#include "bus/bus.h"
#include "service/contracts.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace sbor {
class ServiceDirectory;
namespace db {
class ConnectionPool;
}
} // namespace sbor

namespace sbor::notifications {

struct IntakeFacts;

class NotificationIntake {
public:
    NotificationIntake(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory);
    // True when handled (or not for us); throws when it must come again (database down).
    bool take(const bus::Message& message);

private:
    IntakeFacts gatherFacts(const std::string& type, const nlohmann::json& data);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

// The bus topics whose messages the intake reads.
const std::vector<std::string>& intakeTopics();

} // namespace sbor::notifications
