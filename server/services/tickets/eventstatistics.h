#pragma once
// An event's numbers for its organizer (GET /events/{id}/stats): sold per type, revenue, check-ins
// per list and per scanner, who is inside now, admissions per minute, conflicts. SQL only.

#include "sbor/wire/statistics.h"

#include <pqxx/pqxx>

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

EventStatistics readEventStatistics(pqxx::transaction_base& tx, const std::string& eventId);

} // namespace sbor::tickets
