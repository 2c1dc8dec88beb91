#include "orderhandlers.h"

#include "http/jsonbody.h"
#include "idempotency/idempotentreply.h"
#include "paging/cursor.h"
#include "sbor/jsonvalue.h"
#include "sbor/uuid.h"
#include "validation/textrules.h"

#include <set>

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxLines = 20;
constexpr int kMaxQuantity = 1000;

// {event_id, items: [{ticket_type_id, quantity, attendees: [{name, email}]}]}, every problem named.
Result<OrderRequest> orderRequestFrom(const nlohmann::json& body)
{
    http::JsonFieldReader reader(body);
    OrderRequest request;
    request.eventId = canonicalUuid(reader.requiredString("event_id", 1, 64));
    if (body.contains("event_id") && body["event_id"].is_string() && !isUuid(request.eventId))
        reader.addProblem("event_id", "must be an event id");
    reader.acceptField("items");
    const auto items = body.find("items");
    if (items == body.end() || !items->is_array() || items->empty() || items->size() > kMaxLines) {
        reader.addProblem("items", items == body.end() ? "is required" : "must be a list of 1 to 20 items");
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string path = "items[" + std::to_string(i) + "]";
            const nlohmann::json& entry = (*items)[i];
            if (!entry.is_object()) {
                reader.addProblem(path, "must be an object");
                continue;
            }
            http::JsonFieldReader line(entry, path);
            OrderLine parsed;
            parsed.ticketTypeId = canonicalUuid(line.requiredString("ticket_type_id", 1, 64));
            parsed.quantity = static_cast<int>(line.requiredInteger("quantity", 1, kMaxQuantity));
            if (!parsed.ticketTypeId.empty() && !seen.insert(parsed.ticketTypeId).second)
                line.addProblem("ticket_type_id", "appears twice; put the quantities together");
            line.acceptField("attendees");
            const auto attendees = entry.find("attendees");
            if (attendees == entry.end() || !attendees->is_array()) {
                line.addProblem("attendees", "must be a list with one {name, email} per ticket");
            } else {
                if (static_cast<int>(attendees->size()) != parsed.quantity && parsed.quantity > 0)
                    line.addProblem("attendees",
                                    "must name exactly one attendee per ticket (" + std::to_string(parsed.quantity) +
                                        ")");
                for (std::size_t k = 0; k < attendees->size() && k < static_cast<std::size_t>(kMaxQuantity); ++k) {
                    const std::string attendeePath = "attendees[" + std::to_string(k) + "]";
                    if (!(*attendees)[k].is_object()) {
                        line.addProblem(attendeePath, "must be an object");
                        continue;
                    }
                    http::JsonFieldReader person((*attendees)[k], path + "." + attendeePath);
                    Attendee attendee{person.requiredString("name", 1, 1000), person.requiredString("email", 1, 254)};
                    if (auto problem = validation::nameProblem(attendee.name); problem && !attendee.name.empty())
                        person.addProblem("name", *problem);
                    if (auto problem = validation::emailProblem(attendee.email); problem && !attendee.email.empty())
                        person.addProblem("email", *problem);
                    if (auto problem = person.finish()) {
                        for (const auto& detail : problem->details["fields"])
                            reader.addProblem(detail["field"].get<std::string>(), detail["problem"].get<std::string>());
                    }
                    parsed.attendees.push_back(std::move(attendee));
                }
            }
            if (auto problem = line.finish()) {
                for (const auto& detail : problem->details["fields"])
                    reader.addProblem(detail["field"].get<std::string>(), detail["problem"].get<std::string>());
            }
            request.lines.push_back(std::move(parsed));
        }
    }
    if (auto problem = reader.finish())
        return *problem;
    return request;
}

} // namespace

void OrderHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("POST", "/api/v1/orders", service, Access::signedIn(),
               [this](HttpRequest& request) { return placeOrder(request); });
    router.add("GET", "/api/v1/orders", service, Access::signedIn(),
               [this](HttpRequest& request) { return listOrders(request); });
    router.add("GET", "/api/v1/orders/{id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return readOrder(request); });
    router.add("POST", "/api/v1/orders/{id}/cancel", service, Access::signedIn(),
               [this](HttpRequest& request) { return cancelOrder(request); });
}

HttpResponse OrderHandlers::placeOrderOnce(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return http::errorResponse(body.error(), request.traceId);
    auto parsed = orderRequestFrom(*body);
    if (!parsed)
        return http::errorResponse(parsed.error(), request.traceId);
    auto order = m_checkout.place(*request.principal, *parsed, http::callContextOf(request));
    if (!order)
        return http::errorResponse(order.error(), request.traceId);
    HttpResponse response = HttpResponse::json(
        201, {{"order", wire::toJson(*order)}, {"tickets", wire::encodeList(order->tickets)}});
    response.headers.set("Location", "/api/v1/orders/" + order->id);
    return response;
}

Reply OrderHandlers::placeOrder(HttpRequest& request)
{
    return replyOncePerIdempotencyKey(m_idempotency, request,
                                      [this](HttpRequest& once) { return placeOrderOnce(once); });
}

Reply OrderHandlers::readOrder(HttpRequest& request)
{
    auto order = m_checkout.read(*request.principal, request.pathParameter("id"));
    if (!order)
        return order.error();
    return HttpResponse::json(200, wire::toJson(*order));
}

Reply OrderHandlers::cancelOrder(HttpRequest& request)
{
    auto cancelled = m_checkout.cancel(*request.principal, request.pathParameter("id"), http::callContextOf(request));
    if (!cancelled)
        return cancelled.error();
    return HttpResponse::json(200, wire::toJson(*cancelled));
}

Reply OrderHandlers::listOrders(HttpRequest& request)
{
    if (const std::string mine = request.queryValue("mine", "true"); mine != "true")
        return invalidQueryParameter(
            "mine", "must be true: this lists your own orders (an event's orders come with the organizer's views)");
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 20, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto page = m_checkout.mine(*request.principal, *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& order : page->items)
        items.push_back(wire::toJson(order));
    return HttpResponse::json(
        200, {{"items", items}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

} // namespace sbor::tickets
