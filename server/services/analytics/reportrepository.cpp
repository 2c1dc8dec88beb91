#include "reportrepository.h"

#include "db/sqlfragments.h"
#include "db/sqlvalues.h"
#include "sbor/rfc3339.h"

#include <pqxx/pqxx>

namespace sbor::analytics {
namespace {

// The periods step through the zone's wall clock (a Moscow day starts at 21:00 UTC; a month is as
// long as it is), each turned back into an instant. $1 interval, $2 from, $3 to, $4 zone.
const char* const kPeriods =
    "WITH periods AS (SELECT local AT TIME ZONE $4 AS starts, (local + ('1 ' || $1)::interval) AT TIME ZONE $4 AS ends "
    "FROM generate_series(date_trunc($1, $2::timestamptz AT TIME ZONE $4), $3::timestamptz AT TIME ZONE $4, "
    "('1 ' || $1)::interval) AS local WHERE local AT TIME ZONE $4 < $3::timestamptz) ";

std::vector<PeriodTotal> totalsFrom(const pqxx::result& rows)
{
    std::vector<PeriodTotal> totals;
    for (const auto& row : rows)
        totals.push_back(
            {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::int64_t>()});
    return totals;
}

} // namespace

std::vector<std::string> ReportRepository::periods(const ReportRange& range)
{
    std::vector<std::string> starts;
    for (const auto& row : m_tx.sql().exec_params(std::string(kPeriods) + "SELECT " + db::rfc3339Sql("starts") +
                                                      " FROM periods ORDER BY starts",
                                                  range.interval, range.from, range.to, range.timezone))
        starts.push_back(row[0].as<std::string>());
    return starts;
}

std::vector<PeriodTotal> ReportRepository::eventTotals(const ReportRange& range,
                                                       const std::vector<std::string>& metrics)
{
    // Minutes outside [from, to) are not counted even where a period reaches past the range.
    return totalsFrom(m_tx.sql().exec_params(
        std::string(kPeriods) + "SELECT " + db::rfc3339Sql("p.starts") +
            ", t.metric, t.currency, sum(t.value)::bigint FROM periods p JOIN analytics.minute_totals t "
            "ON t.minute >= p.starts AND t.minute < p.ends AND t.minute >= $2::timestamptz AND t.minute < $3::timestamptz "
            "WHERE t.scope = '' AND t.metric = ANY($5::text[]) AND ($6 = '' OR t.event_id IN "
            "(SELECT event_id FROM analytics.event_organizers WHERE organizer_id = NULLIF($6, '')::uuid)) "
            "GROUP BY p.starts, t.metric, t.currency ORDER BY p.starts, t.metric, t.currency",
        range.interval, range.from, range.to, range.timezone, db::arrayLiteral(metrics), range.organizerId));
}

std::vector<PeriodTotal> ReportRepository::platformTotals(const ReportRange& range,
                                                          const std::vector<std::string>& metrics)
{
    return totalsFrom(m_tx.sql().exec_params(
        std::string(kPeriods) + "SELECT " + db::rfc3339Sql("p.starts") +
            ", t.metric, '', sum(t.value)::bigint FROM periods p JOIN analytics.platform_minutes t "
            "ON t.minute >= p.starts AND t.minute < p.ends AND t.minute >= $2::timestamptz AND t.minute < $3::timestamptz "
            "WHERE t.metric = ANY($5::text[]) GROUP BY p.starts, t.metric ORDER BY p.starts, t.metric",
        range.interval, range.from, range.to, range.timezone, db::arrayLiteral(metrics)));
}

std::vector<SupportPeriod> ReportRepository::supportResponses(const ReportRange& range)
{
    std::vector<SupportPeriod> periods;
    for (
        const auto& row : m_tx.sql().exec_params(
            std::string(kPeriods) + "SELECT " + db::rfc3339Sql("p.starts") +
                ", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_response_at - s.opened_at)), "
                "count(*) FROM periods p JOIN analytics.support_requests s ON s.opened_at >= p.starts "
                "AND s.opened_at < p.ends AND s.opened_at >= $2::timestamptz AND s.opened_at < $3::timestamptz "
                "WHERE s.first_response_at IS NOT NULL GROUP BY p.starts ORDER BY p.starts",
            range.interval, range.from, range.to, range.timezone))
        periods.push_back({row[0].as<std::string>(), row[1].as<double>(), row[2].as<std::int64_t>()});
    return periods;
}

void ReportRepository::rememberOrganizer(const std::string& eventId, const std::string& organizerId)
{
    m_tx.sql().exec_params(
        "INSERT INTO analytics.event_organizers (event_id, organizer_id) VALUES ($1::uuid, $2::uuid) "
        "ON CONFLICT (event_id) DO NOTHING",
        eventId, organizerId);
}

void ReportRepository::countPlatform(const std::string& metric, std::int64_t minute, std::int64_t delta)
{
    m_tx.sql().exec_params(
        "INSERT INTO analytics.platform_minutes AS t (metric, minute, value) "
        "VALUES ($1, $2::timestamptz, $3) ON CONFLICT (metric, minute) DO UPDATE SET value = t.value + EXCLUDED.value",
        metric, formatRfc3339(minute), delta);
}

void ReportRepository::rememberRequestOpened(const std::string& requestId, std::int64_t at)
{
    m_tx.sql().exec_params("INSERT INTO analytics.support_requests (request_id, opened_at) VALUES ($1::uuid, "
                           "$2::timestamptz) ON CONFLICT (request_id) DO NOTHING",
                           requestId, formatRfc3339(at));
}

void ReportRepository::rememberFirstResponse(const std::string& requestId, std::int64_t at)
{
    m_tx.sql().exec_params("UPDATE analytics.support_requests SET first_response_at = $2::timestamptz "
                           "WHERE request_id = $1::uuid AND first_response_at IS NULL",
                           requestId, formatRfc3339(at));
}

bool ReportRepository::knownTimezone(const std::string& name)
{
    return m_tx.sql()
        .exec_params1("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)", name)[0]
        .as<bool>();
}

} // namespace sbor::analytics
