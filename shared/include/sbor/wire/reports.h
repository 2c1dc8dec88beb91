#pragma once
// The platform's sales report (GET /api/v1/admin/reports/sales) as the console reads it.

#include "sbor/wire/decoding.h"

#include <cstdint>
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

void fromJson(const FieldReader& reader, SalesMoney& money);
void fromJson(const FieldReader& reader, SalesPeriod& period);
void fromJson(const FieldReader& reader, SalesReport& report);

} // namespace sbor::wire
