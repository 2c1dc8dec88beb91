#pragma once
// The tickets half of copying an event (POST /events/{id}/copy, the TicketSales contract): the
// source's ticket types, with nothing sold and their sales windows moved, and its check-in lists,
// their windows moved and their allowed types mapped to the copies. One transaction: all or none.

#include "db/connectionpool.h"
#include "sbor/error.h"

#include <cstdint>
#include <string>

namespace sbor::tickets {

// How many ticket types were copied; 0 when `toEventId` has ticket types already (a retry).
Result<int> copySalesSetup(db::ConnectionPool& database, const std::string& fromEventId, const std::string& toEventId,
                           std::int64_t shiftMicros);

} // namespace sbor::tickets
