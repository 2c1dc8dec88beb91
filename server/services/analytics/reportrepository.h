#pragma once
// SQL of the platform reports: per-period sums of the per-minute rows across events (or one
// organizer's events), of the platform's own counts, and the median first response of support.

#include "db/transaction.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::analytics {

struct ReportRange {
    std::string interval;    // day | week | month
    std::string timezone;    // periods are the zone's calendar days, weeks and months
    std::string from;        // RFC 3339, inclusive
    std::string to;          // RFC 3339, exclusive
    std::string organizerId; // "" for the whole platform
};

// One sum of one metric (and currency) in one period.
struct PeriodTotal {
    std::string periodStart; // RFC 3339 UTC
    std::string metric;
    std::string currency;
    std::int64_t value = 0;
};

struct SupportPeriod {
    std::string periodStart;
    std::optional<double> medianFirstResponseSeconds; // of the requests opened in it and answered
    std::int64_t answered = 0;
};

class ReportRepository {
public:
    explicit ReportRepository(db::Transaction& tx) : m_tx(tx) {}

    // The periods of the range, oldest first.
    std::vector<std::string> periods(const ReportRange& range);
    // Sums of the events' `metrics` (whole-event scope) per period and currency; periods without
    // any are left out.
    std::vector<PeriodTotal> eventTotals(const ReportRange& range, const std::vector<std::string>& metrics);
    // The same of the platform's own counts (registrations, support_opened, support_resolved).
    std::vector<PeriodTotal> platformTotals(const ReportRange& range, const std::vector<std::string>& metrics);
    std::vector<SupportPeriod> supportResponses(const ReportRange& range);

    // What the intake keeps for them.
    void rememberOrganizer(const std::string& eventId, const std::string& organizerId);
    void countPlatform(const std::string& metric, std::int64_t minute, std::int64_t delta);
    void rememberRequestOpened(const std::string& requestId, std::int64_t at);
    void rememberFirstResponse(const std::string& requestId, std::int64_t at);

    bool knownTimezone(const std::string& name);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::analytics
