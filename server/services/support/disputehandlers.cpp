#include "disputehandlers.h"

#include "http/jsonbody.h"

namespace sbor::support {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxText = 20000;

const std::initializer_list<std::string_view> kReasons = {"not_received", "not_as_described",     "duplicate",
                                                          "fraudulent",   "refund_not_processed", "other"};
const std::initializer_list<std::string_view> kStatuses = {"needs_response", "under_review", "won", "lost"};

// A required choice: absent or null is "is required", another value "must be …".
std::string requiredChoice(http::JsonFieldReader& reader, const nlohmann::json& body, const std::string& field,
                           std::initializer_list<std::string_view> names, const std::string& listed)
{
    const auto value = reader.optionalChoice(field, names);
    if (!body.contains(field) || body[field].is_null())
        reader.addProblem(field, "is required: " + listed);
    return value.value_or("");
}

} // namespace

void DisputeHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    const auto bind = [this](Reply (DisputeHandlers::*method)(HttpRequest&)) {
        return [this, method](HttpRequest& request) { return (this->*method)(request); };
    };
    // Whose dispute it is — buyer, organizer, staff — is the desk's decision.
    router.add("POST", "/api/v1/orders/{id}/disputes", service, Access::signedIn(),
               bind(&DisputeHandlers::openDispute));
    router.add("GET", "/api/v1/disputes", service, Access::signedIn(), bind(&DisputeHandlers::listDisputes));
    router.add("GET", "/api/v1/disputes/{id}", service, Access::signedIn(), bind(&DisputeHandlers::readDispute));
    router.add("POST", "/api/v1/disputes/{id}/response", service, Access::signedIn(), bind(&DisputeHandlers::respond));
    router.add("POST", "/api/v1/disputes/{id}/decision", service, Access::signedIn(), bind(&DisputeHandlers::decide));
}

Reply DisputeHandlers::openDispute(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string reason = requiredChoice(reader, *body, "reason", kReasons,
                                              "not_received, not_as_described, duplicate, fraudulent, "
                                              "refund_not_processed or other");
    const std::string details = reader.requiredString("details", 1, kMaxText);
    if (auto problem = reader.finish())
        return *problem;
    auto opened = m_desk.open(*request.principal, request.pathParameter("id"), reason, details,
                              http::callContextOf(request));
    if (!opened)
        return opened.error();
    return HttpResponse::json(201, wire::toJson(*opened));
}

Reply DisputeHandlers::listDisputes(HttpRequest& request)
{
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 50, 200);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 200");
    std::vector<std::string> statuses;
    if (const std::string text = request.queryValue("status"); !text.empty()) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            const std::string status = text.substr(start, comma - start);
            if (std::find(kStatuses.begin(), kStatuses.end(), status) == kStatuses.end())
                return invalidQueryParameter(
                    "status", "must be needs_response, under_review, won or lost (or several, comma-separated)");
            statuses.push_back(status);
            start = comma + 1;
        }
    }
    auto page = m_desk.list(*request.principal, statuses, *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& dispute : page->items)
        items.push_back(wire::toJson(dispute));
    return HttpResponse::json(
        200, {{"items", items}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply DisputeHandlers::readDispute(HttpRequest& request)
{
    auto dispute = m_desk.read(*request.principal, request.pathParameter("id"));
    if (!dispute)
        return dispute.error();
    return HttpResponse::json(200, wire::toJson(*dispute));
}

Reply DisputeHandlers::respond(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string evidence = reader.requiredString("evidence", 1, kMaxText);
    if (auto problem = reader.finish())
        return *problem;
    auto answered = m_desk.respond(*request.principal, request.pathParameter("id"), evidence,
                                   http::callContextOf(request));
    if (!answered)
        return answered.error();
    return HttpResponse::json(200, wire::toJson(*answered));
}

Reply DisputeHandlers::decide(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    DisputeDecision decision;
    decision.outcome = requiredChoice(reader, *body, "outcome", {"won", "lost"}, "won or lost");
    decision.refundAmount = reader.optionalInteger("refund_amount", 1);
    decision.note = reader.requiredString("note", 1, kMaxText);
    if (decision.outcome == "won" && decision.refundAmount)
        reader.addProblem("refund_amount", "goes with outcome lost only");
    if (auto problem = reader.finish())
        return *problem;
    auto decided = m_desk.decide(*request.principal, request.pathParameter("id"), decision,
                                 http::callContextOf(request));
    if (!decided)
        return decided.error();
    return HttpResponse::json(200, wire::toJson(*decided));
}

} // namespace sbor::support
