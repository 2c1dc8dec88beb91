#pragma once
// The platform reports (issue 17): sales (gross, commission, refunds, publication fees, tickets,
// orders), registrations, check-ins and support (requests opened and resolved, the median first
// response), per day, week or month of a time zone, over any range, for the whole platform or
// one organizer. Sums of the rows the bus fed in, so they equal the ledger and the orders they
// came from (a test holds them to it). Each report is one JSON document and one table (CSV).

#include "reportrepository.h"

#include "db/connectionpool.h"
#include "sbor/error.h"

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace sbor::analytics {

enum class ReportKind { Sales, Registrations, Checkins, Support };

struct ReportRequest {
    ReportKind kind = ReportKind::Sales;
    std::string interval = "day";
    std::string timezone = "UTC";
    std::optional<std::int64_t> from; // unix microseconds; default: 30 periods before `to`
    std::optional<std::int64_t> to;   // default: now
    std::string organizerId;
};

struct Report {
    nlohmann::json document;
    std::vector<std::string> columns;              // the table's (CSV) header
    std::vector<std::vector<nlohmann::json>> rows; // numbers, strings or null (an empty cell)
};

// At most this many periods in one report (3 years of days).
inline constexpr int kMaxReportPeriods = 1100;

class PlatformReports {
public:
    explicit PlatformReports(db::ConnectionPool& database) : m_database(database) {}
    Result<Report> report(const ReportRequest& request);

private:
    // pg_timezone_names reads the zone files at every use (tens of ms): each zone is checked once.
    bool knownTimezone(ReportRepository& repository, const std::string& name);

    db::ConnectionPool& m_database;
    std::mutex m_zonesMutex;
    std::set<std::string> m_knownZones;
};

std::string_view reportName(ReportKind kind);

} // namespace sbor::analytics
