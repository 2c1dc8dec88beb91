#pragma once
// GET /events/{id}/stats/series: one metric of one event over time, in buckets of a minute, an
// hour or a day (hours and days in the event's time zone), empty buckets as 0. The event's
// organizer, co-organizers and admins see every metric; its door staff the door's (admissions,
// exits); others nothing (404, or 403 for a public event).

#include "aggregate.h"
#include "aggregaterepository.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::analytics {

enum class Interval { Minute, Hour, Day };
std::string_view intervalName(Interval interval);
std::optional<Interval> intervalFromName(std::string_view name);

struct SeriesQuery {
    std::string eventId;
    Metric metric = Metric::TicketsSold;
    Interval interval = Interval::Hour;
    std::optional<std::int64_t> from; // unix microseconds; default: a window before `to`
    std::optional<std::int64_t> to;   // default: now
    std::optional<std::string> ticketTypeId;
    std::optional<std::string> listId;
    std::optional<std::string> currency;
};

struct Series {
    Metric metric = Metric::TicketsSold;
    Interval interval = Interval::Hour;
    std::optional<std::string> currency; // money metrics
    std::string timezone;
    std::string from;
    std::string to;
    std::vector<SeriesPoint> points;
};

class StatsSeries {
public:
    // A series longer than this is refused: a chart needs no more, and a year of minutes is 525,600.
    static constexpr int kMaxPoints = 1500;

    StatsSeries(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<Series> series(const access::Principal& caller, const SeriesQuery& query);

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::analytics
