#pragma once
// Issuing tickets when an order is paid: one per attendee, each with a code signed by the event's
// key, announced as ticket.purchased in the same transaction.

#include "order.h"
#include "ticket.h"

#include "service/contracts.h"

#include <pqxx/pqxx>

#include <string>
#include <vector>

namespace sbor::tickets {

// A code admits from a day before the event starts until a day after it ends; check-in lists
// narrow that to their own hours.
inline constexpr std::int64_t kCodeValidityMarginSeconds = 24 * 3600;

std::vector<Ticket> issueTickets(pqxx::transaction_base& tx, const Order& order, const EventFacts& event, const std::string& traceId);

} // namespace sbor::tickets
