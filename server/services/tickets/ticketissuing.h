#pragma once
// Issuing tickets when an order is paid: one per attendee, each with a code signed by the event's
// key, announced as ticket.purchased in the same transaction.

#include "eventkeyrepository.h"
#include "order.h"
#include "ticket.h"

#include "service/contracts.h"

#include "db/transaction.h"

#include <string>
#include <vector>

namespace sbor::tickets {

// A code admits from a day before the event starts until a day after it ends; check-in lists
// narrow that to their own hours.
inline constexpr std::int64_t kCodeValidityMarginSeconds = 24 * 3600;

// Sets the ticket's code (and its key id and times) for its id, event and type, signed by `key`.
void signTicket(Ticket& ticket, const EventSigningKey& key, std::int64_t issuedAt, std::int64_t validFrom,
                std::int64_t validUntil);

std::vector<Ticket> issueTickets(db::Transaction& tx, const Order& order, const EventFacts& event,
                                 const std::string& traceId);

} // namespace sbor::tickets
