#include "analyticshandlers.h"

#include "http/jsonbody.h"
#include "sbor/wire/statistics.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

namespace sbor::analytics {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

std::string metricList()
{
    std::string text;
    const auto& metrics = allMetrics();
    for (std::size_t i = 0; i < metrics.size(); ++i)
        text += (i == 0 ? "" : i + 1 == metrics.size() ? " or " : ", ") + std::string(metricName(metrics[i]));
    return text;
}

} // namespace

void AnalyticsHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    // The event's people decide (StatsSeries): signing in is all the gateway asks.
    router.add("GET", "/api/v1/events/{id}/stats/series", service, Access::signedIn(),
               [this](HttpRequest& request) { return readSeries(request); });
    router.add("POST", "/api/v1/admin/analytics/rebuild", service, Access::require(access::Permission::EventsWriteAny),
               [this](HttpRequest& request) { return rebuild(request); });
}

Reply AnalyticsHandlers::readSeries(HttpRequest& request)
{
    SeriesQuery query;
    query.eventId = request.pathParameter("id");
    const std::string metric = request.queryValue("metric");
    if (metric.empty())
        return invalidQueryParameter("metric", "is required: " + metricList());
    const auto known = metricFromName(metric);
    if (!known)
        return invalidQueryParameter("metric", "must be " + metricList());
    query.metric = *known;
    const auto interval = intervalFromName(request.queryValue("interval", "hour"));
    if (!interval)
        return invalidQueryParameter("interval", "must be minute, hour or day");
    query.interval = *interval;
    for (const auto& [name, target] : {std::pair{"from", &query.from}, std::pair{"to", &query.to}}) {
        const std::string value = request.queryValue(name);
        if (value.empty())
            continue;
        *target = parseRfc3339(value);
        if (!*target)
            return invalidQueryParameter(name, http::kTimeProblem);
    }
    if (const std::string type = request.queryValue("ticket_type_id"); !type.empty()) {
        if (!isUuid(type))
            return invalidQueryParameter("ticket_type_id", "must be a ticket type id");
        if (query.metric != Metric::TicketsSold && query.metric != Metric::Revenue)
            return invalidQueryParameter("ticket_type_id", "goes with tickets_sold and revenue only");
        query.ticketTypeId = canonicalUuid(type);
    }
    if (const std::string list = request.queryValue("list_id"); !list.empty()) {
        if (!isUuid(list))
            return invalidQueryParameter("list_id", "must be a check-in list id");
        if (!isDoorMetric(query.metric))
            return invalidQueryParameter("list_id", "goes with admissions and exits only");
        if (query.ticketTypeId)
            return invalidQueryParameter("list_id", "cannot be combined with ticket_type_id");
        query.listId = canonicalUuid(list);
    }
    if (const std::string currency = request.queryValue("currency"); !currency.empty()) {
        if (!isMoney(query.metric))
            return invalidQueryParameter(
                "currency", "goes with money metrics only (revenue, gross, commission, refunds, publication_fees)");
        if (currency.size() != 3 || currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos)
            return invalidQueryParameter("currency", "must be an ISO 4217 code such as RUB");
        query.currency = currency;
    }
    auto series = m_series.series(*request.principal, query);
    if (!series)
        return series.error();
    wire::StatsSeries answer{canonicalUuid(query.eventId),
                             std::string(metricName(series->metric)),
                             std::string(intervalName(series->interval)),
                             series->timezone,
                             series->currency,
                             series->from,
                             series->to,
                             {}};
    for (const auto& point : series->points)
        answer.points.push_back({point.at, point.value});
    return HttpResponse::json(200, wire::toJson(answer));
}

Reply AnalyticsHandlers::rebuild(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const auto eventId = reader.optionalId("event_id", "an event id");
    if (auto problem = reader.finish())
        return *problem;
    auto rebuilt = m_rebuild.rebuild(eventId);
    if (!rebuilt)
        return rebuilt.error();
    return HttpResponse::json(200, {{"events", *rebuilt}});
}

} // namespace sbor::analytics
