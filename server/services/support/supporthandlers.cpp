#include "supporthandlers.h"

#include "http/jsonbody.h"
#include "sbor/uuid.h"

namespace sbor::support {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxSubject = 200;
constexpr std::size_t kMaxBody = 20000;
constexpr std::size_t kMaxReason = 2000;

const std::initializer_list<std::string_view> kCategories = {"order", "payment", "event", "account", "other"};
const std::initializer_list<std::string_view> kStatuses = {"open", "pending_customer", "resolved", "closed"};

bool isOneOf(const std::string& value, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), value) != names.end();
}

// Who works a request and why it was escalated is the staff's business, as internal notes are.
SupportRequest asSeenBy(const access::Principal& caller, SupportRequest request)
{
    if (!isStaff(caller) || request.requesterId == caller.userId) {
        request.assigneeId.reset();
        request.escalatedBy.reset();
        request.escalationReason.reset();
    }
    return request;
}

nlohmann::json pageJson(const access::Principal& caller, const paging::Page<SupportRequest>& page)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& request : page.items)
        items.push_back(wire::toJson(asSeenBy(caller, request)));
    return {{"items", items}, {"next_cursor", page.nextCursor ? nlohmann::json(*page.nextCursor) : nullptr}};
}

} // namespace

void SupportHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    const auto bind = [this](Reply (SupportHandlers::*method)(HttpRequest&)) {
        return [this, method](HttpRequest& request) { return (this->*method)(request); };
    };
    // Signed in is enough at the door: whose request it is, and staff, is the desk's decision.
    router.add("POST", "/api/v1/support/requests", service, Access::signedIn(), bind(&SupportHandlers::openRequest));
    router.add("GET", "/api/v1/support/requests", service, Access::signedIn(), bind(&SupportHandlers::listRequests));
    router.add("GET", "/api/v1/support/requests/{id}", service, Access::signedIn(),
               bind(&SupportHandlers::readRequest));
    router.add("POST", "/api/v1/support/requests/{id}/messages", service, Access::signedIn(),
               bind(&SupportHandlers::writeMessage));
    router.add("POST", "/api/v1/support/requests/{id}/status", service, Access::signedIn(),
               bind(&SupportHandlers::changeStatus));
    router.add("POST", "/api/v1/support/requests/{id}/assign", service, Access::signedIn(),
               bind(&SupportHandlers::assign));
    router.add("POST", "/api/v1/support/requests/{id}/escalate", service, Access::signedIn(),
               bind(&SupportHandlers::escalate));
}

Reply SupportHandlers::openRequest(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    NewRequest fresh;
    fresh.subject = reader.requiredString("subject", 1, kMaxSubject);
    fresh.body = reader.requiredString("body", 1, kMaxBody);
    fresh.category = reader.optionalChoice("category", kCategories).value_or("");
    if (!body->contains("category") || (*body)["category"].is_null())
        reader.addProblem("category", "is required: order, payment, event, account or other");
    fresh.orderId = reader.optionalId("order_id", "an order id");
    fresh.eventId = reader.optionalId("event_id", "an event id");
    if (auto problem = reader.finish())
        return *problem;
    if (fresh.orderId)
        fresh.orderId = canonicalUuid(*fresh.orderId);
    if (fresh.eventId)
        fresh.eventId = canonicalUuid(*fresh.eventId);
    auto opened = m_desk.open(*request.principal, fresh, http::callContextOf(request));
    if (!opened)
        return opened.error();
    return HttpResponse::json(201, wire::toJson(asSeenBy(*request.principal, *opened)));
}

Reply SupportHandlers::listRequests(HttpRequest& request)
{
    RequestQuery query;
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 50, 200);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 200");
    query.limit = *limit;
    if (const std::string statuses = request.queryValue("status"); !statuses.empty()) {
        std::size_t start = 0;
        while (start <= statuses.size()) {
            const std::size_t comma = std::min(statuses.find(',', start), statuses.size());
            const std::string status = statuses.substr(start, comma - start);
            if (!isOneOf(status, kStatuses))
                return invalidQueryParameter(
                    "status", "must be open, pending_customer, resolved or closed (or several, comma-separated)");
            query.statuses.push_back(status);
            start = comma + 1;
        }
    }
    query.category = request.queryValue("category");
    if (!query.category.empty() && !isOneOf(query.category, kCategories))
        return invalidQueryParameter("category", "must be order, payment, event, account or other");
    query.assignee = request.queryValue("assignee");
    if (query.assignee == "me")
        query.assignee = request.principal->userId;
    else if (!query.assignee.empty() && query.assignee != "none") {
        if (!isUuid(query.assignee))
            return invalidQueryParameter("assignee", "must be a user id, me or none");
        query.assignee = canonicalUuid(query.assignee);
    }
    for (const auto& [parameter, flag] :
         {std::pair{"overdue", &query.overdueOnly}, std::pair{"escalated", &query.escalatedOnly}}) {
        const std::string value = request.queryValue(parameter);
        if (!value.empty() && value != "true" && value != "false")
            return invalidQueryParameter(parameter, "must be true or false");
        *flag = value == "true";
    }
    query.text = request.queryValue("q");
    if (query.text.size() > kMaxSubject)
        return invalidQueryParameter("q", "must be at most 200 characters long");
    const std::string sort = request.queryValue("sort");
    if (!sort.empty() && sort != "due" && sort != "newest")
        return invalidQueryParameter("sort", "must be due or newest");
    query.byDueDate = sort != "newest";
    auto page = m_desk.list(*request.principal, query, request.queryValue("cursor"));
    if (!page)
        return page.error();
    return HttpResponse::json(200, pageJson(*request.principal, *page));
}

Reply SupportHandlers::readRequest(HttpRequest& request)
{
    auto found = m_desk.read(*request.principal, request.pathParameter("id"));
    if (!found)
        return found.error();
    return HttpResponse::json(200, wire::toJson(asSeenBy(*request.principal, *found), true));
}

Reply SupportHandlers::writeMessage(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string text = reader.requiredString("body", 1, kMaxBody);
    const bool internal = reader.optionalBoolean("internal").value_or(false);
    if (auto problem = reader.finish())
        return *problem;
    auto written = m_desk.write(*request.principal, request.pathParameter("id"), text, internal,
                                http::callContextOf(request));
    if (!written)
        return written.error();
    return HttpResponse::json(201, wire::toJson(*written));
}

Reply SupportHandlers::changeStatus(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const auto status = reader.optionalChoice("status", kStatuses);
    if (!body->contains("status") || (*body)["status"].is_null())
        reader.addProblem("status", "is required: open, pending_customer, resolved or closed");
    if (auto problem = reader.finish())
        return *problem;
    auto changed = m_desk.changeStatus(*request.principal, request.pathParameter("id"), status.value_or(""),
                                       http::callContextOf(request));
    if (!changed)
        return changed.error();
    return HttpResponse::json(200, wire::toJson(asSeenBy(*request.principal, *changed)));
}

Reply SupportHandlers::assign(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    std::optional<std::string> assignee;
    if (!body->contains("assignee_id"))
        reader.addProblem("assignee_id", "is required (a user id, or null to unassign)");
    else if (!(*body)["assignee_id"].is_null())
        assignee = reader.optionalId("assignee_id", "a user id or null");
    else
        reader.acceptField("assignee_id");
    if (auto problem = reader.finish())
        return *problem;
    auto assigned = m_desk.assign(*request.principal, request.pathParameter("id"), assignee,
                                  http::callContextOf(request));
    if (!assigned)
        return assigned.error();
    return HttpResponse::json(200, wire::toJson(*assigned));
}

Reply SupportHandlers::escalate(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string reason = reader.requiredString("reason", 1, kMaxReason);
    if (auto problem = reader.finish())
        return *problem;
    auto escalated = m_desk.escalate(*request.principal, request.pathParameter("id"), reason,
                                     http::callContextOf(request));
    if (!escalated)
        return escalated.error();
    return HttpResponse::json(200, wire::toJson(*escalated));
}

} // namespace sbor::support
