#pragma once
// An event's numbers for its organizer (GET /events/{id}/stats): sold per type, revenue, check-ins
// per list and per scanner, who is inside now, admissions per minute, conflicts. SQL only.

#include "sbor/wire/statistics.h"

#include "db/transaction.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sbor::tickets {

using wire::CurrencyRevenue;
using wire::EventStatistics;
using wire::ListCheckIns;
using wire::MinuteAdmissions;
using wire::ScannerCheckIns;
using wire::TypeSales;

EventStatistics readEventStatistics(db::Transaction& tx, const std::string& eventId);

} // namespace sbor::tickets
