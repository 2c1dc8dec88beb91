#pragma once
// The platform reports (GET /api/v1/admin/reports/…) as the console reads them: sales with its
// money per currency, and the reports of plain counts (registrations, check-ins, support).

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

// One currency's money in a period or in the whole range, minor units.
struct SalesMoney {
    std::string currency;
    std::int64_t gross = 0;
    std::int64_t commission = 0; // net of the share refunds gave back
    std::int64_t refunds = 0;
    std::int64_t publicationFees = 0;
    std::int64_t net = 0; // what stays with the organizers
};

struct SalesPeriod {
    std::string periodStart;
    std::int64_t tickets = 0;
    std::int64_t orders = 0;
    std::vector<SalesMoney> money;
};

struct SalesReport {
    std::vector<SalesPeriod> items;
    std::int64_t tickets = 0; // the range's totals
    std::int64_t orders = 0;
    std::vector<SalesMoney> money;
};

// registrations, checkins and support: per period one count per column, the CSV's columns
// after period_start. A count may be none (support's median first response in a period nobody
// was answered).
struct CountsPeriod {
    std::string periodStart;
    std::vector<std::optional<std::int64_t>> values; // in CountsReport::columns order
};

struct CountsReport {
    std::string report; // registrations | checkins | support
    std::vector<std::string> columns;
    std::vector<CountsPeriod> items;
    std::vector<std::optional<std::int64_t>> totals; // none: a column without a range total (a median)
};

// The columns of a counts report, as the server names them; empty for a report that is not one.
std::vector<std::string> countsReportColumns(const std::string& report);

void fromJson(const FieldReader& reader, SalesMoney& money);
void fromJson(const FieldReader& reader, SalesPeriod& period);
void fromJson(const FieldReader& reader, SalesReport& report);
void fromJson(const FieldReader& reader, CountsReport& report);

} // namespace sbor::wire
