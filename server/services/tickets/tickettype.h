#pragma once
// Ticket types: what an event sells, at what price, how many, and when.

#include "sbor/currency.h"
#include "sbor/wire/sales.h"

#include <string>

namespace sbor::tickets {

using wire::TicketType;
using wire::TicketTypeChanges;
using wire::TicketTypeDraft;

using sbor::isKnownCurrency;
// How many quota shards a ticket type has (see the migration).
inline constexpr int kQuotaShards = 16;

} // namespace sbor::tickets
