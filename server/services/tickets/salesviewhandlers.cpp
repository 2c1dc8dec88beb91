#include "salesviewhandlers.h"

#include "http/jsonbody.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxSearchText = 200;
constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 200;

template <typename Item> HttpResponse pageResponse(const SalesPage<Item>& page)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items)
        items.push_back(wire::toJson(item));
    return HttpResponse::json(
        200,
        {{"items", items}, {"next_cursor", page.nextCursor ? nlohmann::json(*page.nextCursor) : nlohmann::json()}});
}

std::string wordList(const std::vector<std::string_view>& words)
{
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i)
        text += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + std::string(words[i]);
    return text;
}

// The parameters both lists share; the first problem found, if any.
struct CommonQuery {
    std::string text;
    std::optional<std::string> ticketTypeId;
    int limit = kDefaultPage;
    std::string cursor;
};

Result<CommonQuery> commonQuery(const HttpRequest& request)
{
    CommonQuery query;
    query.text = request.queryValue("q");
    if (query.text.size() > kMaxSearchText)
        return invalidQueryParameter("q", "must be at most 200 characters long");
    if (const std::string type = request.queryValue("ticket_type_id"); !type.empty()) {
        if (!isUuid(type))
            return invalidQueryParameter("ticket_type_id", "must be a ticket type id");
        query.ticketTypeId = canonicalUuid(type);
    }
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), kDefaultPage, kMaxPage);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 200");
    query.limit = *limit;
    query.cursor = request.queryValue("cursor");
    return query;
}

} // namespace

void SalesViewHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    // The event's managers only; SalesViews decides (signing in is all the gateway asks).
    router.add("GET", "/api/v1/events/{id}/orders", service, Access::signedIn(),
               [this](HttpRequest& request) { return listOrders(request); });
    router.add("GET", "/api/v1/events/{id}/attendees", service, Access::signedIn(),
               [this](HttpRequest& request) { return listAttendees(request); });
}

Reply SalesViewHandlers::listOrders(HttpRequest& request)
{
    auto common = commonQuery(request);
    if (!common)
        return common.error();
    EventOrderQuery query;
    query.text = common->text;
    query.ticketTypeId = common->ticketTypeId;
    query.limit = common->limit;
    query.cursor = common->cursor;
    if (const std::string status = request.queryValue("status"); !status.empty()) {
        query.status = statusFromName<OrderStatus>(status);
        if (!query.status)
            return invalidQueryParameter("status", "must be " + wordList(statusNames<OrderStatus>()));
    }
    for (const auto& [name, target] :
         {std::pair{"created_from", &query.createdFrom}, std::pair{"created_to", &query.createdTo}}) {
        const std::string value = request.queryValue(name);
        if (value.empty())
            continue;
        if (!parseRfc3339(value))
            return invalidQueryParameter(name, http::kTimeProblem);
        *target = value;
    }
    if (query.createdFrom && query.createdTo && *parseRfc3339(*query.createdTo) <= *parseRfc3339(*query.createdFrom))
        return invalidQueryParameter("created_to", "must be after created_from");
    const auto sort = orderSortFromName(request.queryValue("sort", "-created_at"));
    if (!sort)
        return invalidQueryParameter("sort", "must be -created_at, created_at, -total or total");
    query.sort = *sort;
    auto page = m_views.orders(*request.principal, request.pathParameter("id"), query);
    if (!page)
        return page.error();
    return pageResponse(*page);
}

Reply SalesViewHandlers::listAttendees(HttpRequest& request)
{
    auto common = commonQuery(request);
    if (!common)
        return common.error();
    EventAttendeeQuery query;
    query.text = common->text;
    query.ticketTypeId = common->ticketTypeId;
    query.limit = common->limit;
    query.cursor = common->cursor;
    if (const std::string status = request.queryValue("status"); !status.empty()) {
        query.status = statusFromName<TicketStatus>(status);
        if (!query.status)
            return invalidQueryParameter("status", "must be " + wordList(statusNames<TicketStatus>()));
    }
    if (const std::string checkedIn = request.queryValue("checked_in"); !checkedIn.empty()) {
        if (checkedIn != "true" && checkedIn != "false")
            return invalidQueryParameter("checked_in", "must be true or false");
        query.checkedIn = checkedIn == "true";
    }
    const auto sort = attendeeSortFromName(request.queryValue("sort", "holder_name"));
    if (!sort)
        return invalidQueryParameter("sort", "must be holder_name, -holder_name, created_at or -created_at");
    query.sort = *sort;
    auto page = m_views.attendees(*request.principal, request.pathParameter("id"), query);
    if (!page)
        return page.error();
    return pageResponse(*page);
}

} // namespace sbor::tickets
