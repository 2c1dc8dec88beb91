#pragma once
// Orders as plain values.

#include "ticket.h"

#include <vector>

namespace sbor::tickets {

// The order's wire shape is shared; the server's order also carries its tickets where a caller
// gets them.
using wire::Attendee;
using wire::OrderItem;
using wire::OrderLine;
using wire::OrderRequest;

struct Order : wire::Order {
    std::vector<Ticket> tickets; // filled where a caller gets them: placing, paying
};

} // namespace sbor::tickets
