#include "statsseries.h"

#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::analytics {
namespace {

constexpr std::int64_t kSecond = 1'000'000;

std::int64_t lengthOf(Interval interval)
{
    switch (interval) {
    case Interval::Minute:
        return 60 * kSecond;
    case Interval::Hour:
        return 3600 * kSecond;
    case Interval::Day:
        return 86400 * kSecond;
    }
    return 3600 * kSecond;
}

// What a chart shows when it names no window: the last hour of minutes, two days of hours, a
// month of days — counting the current, unfinished bucket as the last.
std::int64_t defaultWindow(Interval interval)
{
    switch (interval) {
    case Interval::Minute:
        return 59 * 60 * kSecond;
    case Interval::Hour:
        return 47 * 3600 * kSecond;
    case Interval::Day:
        return 29 * 86400 * kSecond;
    }
    return 47 * 3600 * kSecond;
}

} // namespace

std::string_view intervalName(Interval interval)
{
    switch (interval) {
    case Interval::Minute:
        return "minute";
    case Interval::Hour:
        return "hour";
    case Interval::Day:
        return "day";
    }
    return "hour";
}

std::optional<Interval> intervalFromName(std::string_view name)
{
    for (Interval interval : {Interval::Minute, Interval::Hour, Interval::Day})
        if (intervalName(interval) == name)
            return interval;
    return std::nullopt;
}

Result<Series> StatsSeries::series(const access::Principal& caller, const SeriesQuery& query)
{
    const auto events = m_directory->find<EventDirectory>();
    if (!events)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    const auto event = isUuid(query.eventId) ? events->eventFacts(canonicalUuid(query.eventId)) : std::nullopt;
    if (!event)
        return noSuchEvent(query.eventId);
    const bool manages = managesEvent(caller, *event);
    if (!manages && !(worksTheDoor(caller, *event) && isDoorMetric(query.metric))) {
        if (!worksTheDoor(caller, *event) && event->status == EventStatus::Draft)
            return noSuchEvent(query.eventId);
        return Error(ErrorCode::Forbidden,
                     worksTheDoor(caller, *event) ? "door staff see the door's series: admissions and exits"
                                                  : "only the people who work the event see its statistics");
    }

    const std::int64_t to = query.to.value_or(unixNowMicroseconds());
    const std::int64_t from = query.from.value_or(to - defaultWindow(query.interval));
    if (to <= from)
        return invalidQueryParameter("to", "must be after from");
    if ((to - from) / lengthOf(query.interval) > kMaxPoints)
        return invalidQueryParameter("from",
                                     "makes more than 1500 points of " + std::string(intervalName(query.interval)) +
                                         "s: ask for a shorter window or a longer interval");

    SeriesRequest request;
    request.eventId = event->id;
    request.metric = query.metric;
    request.scope = query.ticketTypeId ? typeScope(*query.ticketTypeId)
                                       : (query.listId ? listScope(*query.listId) : std::string());
    request.interval = std::string(intervalName(query.interval));
    request.timezone = event->timezone.empty() ? "UTC" : event->timezone;
    request.from = formatRfc3339(from);
    request.to = formatRfc3339(to);

    return m_database.read([&](db::Transaction& tx) -> Result<Series> {
        AggregateRepository aggregates(tx);
        Series series{query.metric, query.interval, std::nullopt, request.timezone, request.from, request.to, {}};
        if (isMoney(query.metric)) {
            const auto counted = aggregates.currencies(event->id, query.metric);
            if (query.currency)
                series.currency = *query.currency;
            else if (counted.size() > 1)
                return invalidQueryParameter("currency",
                                             "is needed: this event's money is counted in several "
                                             "currencies");
            else if (counted.size() == 1)
                series.currency = counted.front();
            request.currency = series.currency.value_or("");
        }
        series.points = aggregates.series(request);
        return series;
    });
}

} // namespace sbor::analytics
