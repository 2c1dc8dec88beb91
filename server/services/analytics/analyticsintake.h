#pragma once
// The bus, counted: each message of the tickets, orders, check-ins and payments topics becomes
// increments of the per-minute totals (aggregate.h), in the transaction that records it in the
// analytics inbox — a message delivered twice counts once; a crash before commit loses nothing.
//
//   ticket.purchased   tickets_sold +1, revenue +unit_price (event and type), at the sale
//   ticket.cancelled   the same taken back, at the cancellation
//   ticket.checkin     admissions or exits +1 (event and list) at the scan; "annulled" takes an
//                      entry back at its own minute
//   order.created      orders +1
//   payment.succeeded  gross +amount, commission +commission
//   refund.issued      refunds +amount, when that payment had succeeded

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <string>
#include <vector>

namespace sbor::analytics {

class AnalyticsIntake {
public:
    explicit AnalyticsIntake(db::ConnectionPool& database) : m_database(database) {}
    // True when counted (or not for us); throws when it must come again (database down).
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

const std::vector<std::string>& intakeTopics();

} // namespace sbor::analytics
