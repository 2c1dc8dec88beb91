#include "aggregate.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sbor::analytics {
namespace {

struct MetricName {
    Metric metric;
    std::string_view name;
};

constexpr MetricName kMetricNames[] = {
    {Metric::TicketsSold, "tickets_sold"},
    {Metric::Revenue, "revenue"},
    {Metric::Admissions, "admissions"},
    {Metric::Exits, "exits"},
    {Metric::Orders, "orders"},
    {Metric::Gross, "gross"},
    {Metric::Commission, "commission"},
    {Metric::Refunds, "refunds"},
    {Metric::PublicationFees, "publication_fees"},
};

constexpr std::int64_t kMinute = 60'000'000;

} // namespace

std::string_view metricName(Metric metric)
{
    for (const auto& entry : kMetricNames)
        if (entry.metric == metric)
            return entry.name;
    return "unknown";
}

std::optional<Metric> metricFromName(std::string_view name)
{
    for (const auto& entry : kMetricNames)
        if (entry.name == name)
            return entry.metric;
    return std::nullopt;
}

const std::vector<Metric>& allMetrics()
{
    static const std::vector<Metric> metrics = [] {
        std::vector<Metric> all;
        for (const auto& entry : kMetricNames)
            all.push_back(entry.metric);
        return all;
    }();
    return metrics;
}

bool isMoney(Metric metric)
{
    return metric == Metric::Revenue || metric == Metric::Gross || metric == Metric::Commission ||
        metric == Metric::Refunds || metric == Metric::PublicationFees;
}

bool isDoorMetric(Metric metric) { return metric == Metric::Admissions || metric == Metric::Exits; }

std::string typeScope(const std::string& ticketTypeId) { return "type:" + ticketTypeId; }
std::string listScope(const std::string& listId) { return "list:" + listId; }

std::int64_t minuteOf(std::int64_t unixMicros)
{
    const std::int64_t floor = unixMicros / kMinute * kMinute;
    return floor > unixMicros ? floor - kMinute : floor; // towards the past before 1970 too
}

std::vector<Increment> ticketSold(const std::string& eventId, const std::string& ticketTypeId, std::int64_t unitPrice,
                                  const std::string& currency, std::int64_t at)
{
    const std::int64_t minute = minuteOf(at);
    return {{eventId, Metric::TicketsSold, "", "", minute, 1},
            {eventId, Metric::TicketsSold, typeScope(ticketTypeId), "", minute, 1},
            {eventId, Metric::Revenue, "", currency, minute, unitPrice},
            {eventId, Metric::Revenue, typeScope(ticketTypeId), currency, minute, unitPrice}};
}

std::vector<Increment> ticketCancelled(const std::string& eventId, const std::string& ticketTypeId,
                                       std::int64_t unitPrice, const std::string& currency, std::int64_t at)
{
    std::vector<Increment> increments = ticketSold(eventId, ticketTypeId, unitPrice, currency, at);
    for (auto& increment : increments)
        increment.delta = -increment.delta;
    return increments;
}

std::vector<Increment> doorScan(const std::string& eventId, const std::string& listId, bool exit, std::int64_t at,
                                int sign)
{
    const Metric metric = exit ? Metric::Exits : Metric::Admissions;
    const std::int64_t minute = minuteOf(at);
    return {{eventId, metric, "", "", minute, sign}, {eventId, metric, listScope(listId), "", minute, sign}};
}

std::vector<Increment> orderPlaced(const std::string& eventId, std::int64_t at)
{
    return {{eventId, Metric::Orders, "", "", minuteOf(at), 1}};
}

std::vector<Increment> paymentSucceeded(const std::string& eventId, const std::string& currency, std::int64_t amount,
                                        std::int64_t commission, std::int64_t at)
{
    const std::int64_t minute = minuteOf(at);
    return {{eventId, Metric::Gross, "", currency, minute, amount},
            {eventId, Metric::Commission, "", currency, minute, commission}};
}

std::vector<Increment> paymentRefunded(const std::string& eventId, const std::string& currency, std::int64_t amount,
                                       std::int64_t commissionBack, std::int64_t at)
{
    std::vector<Increment> increments{{eventId, Metric::Refunds, "", currency, minuteOf(at), amount}};
    if (commissionBack != 0) // the platform's share of what went back, as the ledger books it
        increments.push_back({eventId, Metric::Commission, "", currency, minuteOf(at), -commissionBack});
    return increments;
}

std::vector<Increment> publicationFeeCharged(const std::string& eventId, const std::string& currency,
                                             std::int64_t amount, std::int64_t at)
{
    return {{eventId, Metric::PublicationFees, "", currency, minuteOf(at), amount}};
}

std::vector<Increment> combined(std::vector<Increment> increments)
{
    using Key = std::tuple<std::string, int, std::string, std::string, std::int64_t>;
    std::map<Key, std::int64_t> sums;
    for (const auto& i : increments)
        sums[{i.eventId, static_cast<int>(i.metric), i.scope, i.currency, i.minute}] += i.delta;
    std::vector<Increment> out;
    out.reserve(sums.size());
    for (const auto& [key, delta] : sums) {
        if (delta == 0)
            continue;
        const auto& [eventId, metric, scope, currency, minute] = key;
        out.push_back({eventId, static_cast<Metric>(metric), scope, currency, minute, delta});
    }
    return out;
}

} // namespace sbor::analytics
