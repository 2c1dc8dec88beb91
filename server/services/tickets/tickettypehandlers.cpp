#include "tickettypehandlers.h"

#include "http/jsonbody.h"
#include "sbor/rfc3339.h"

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::int64_t kMaxPrice = 100000000000; // a billion in major units
constexpr int kMaxQuota = 10000000;

void checkCurrency(http::JsonFieldReader& reader, const std::optional<std::string>& currency)
{
    if (currency && !isKnownCurrency(*currency))
        reader.addProblem("currency", "must be an ISO 4217 code such as RUB, EUR or USD");
}

void checkName(http::JsonFieldReader& reader, const std::optional<std::string>& name)
{
    if (name && name->find_first_not_of(" \t\r\n") == std::string::npos)
        reader.addProblem("name", "must not be empty");
}

std::optional<std::string> present(const nlohmann::json& body, const char* field, const std::string& value)
{
    const auto it = body.find(field);
    return it != body.end() && it->is_string() ? std::optional<std::string>(value) : std::nullopt;
}

} // namespace

void TicketTypeHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("POST", "/api/v1/events/{id}/ticket-types", service, Access::signedIn(),
               [this](HttpRequest& request) { return createTicketType(request); });
    router.add("GET", "/api/v1/events/{id}/ticket-types", service, Access::optional(),
               [this](HttpRequest& request) { return listTicketTypes(request); });
    router.add("PATCH", "/api/v1/ticket-types/{id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return updateTicketType(request); });
}

Reply TicketTypeHandlers::createTicketType(HttpRequest& request)
{
    if (auto refused = m_catalog.refusalForEvent(*request.principal, request.pathParameter("id")))
        return *refused;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    TicketTypeDraft draft;
    draft.name = reader.requiredString("name", 1, 600);
    draft.price = reader.requiredInteger("price", 0, kMaxPrice);
    draft.currency = reader.requiredString("currency", 1, 8);
    draft.quota = static_cast<int>(reader.requiredInteger("quota", 0, kMaxQuota));
    draft.salesStart = reader.requiredTimeText("sales_start");
    draft.salesEnd = reader.requiredTimeText("sales_end");
    draft.minPerOrder = static_cast<int>(reader.optionalInteger("min_per_order", 1, 1000).value_or(1));
    draft.maxPerOrder = static_cast<int>(
        reader.optionalInteger("max_per_order", 1, 1000).value_or(std::max(10, draft.minPerOrder)));
    draft.active = reader.optionalBoolean("active").value_or(true);
    checkName(reader, present(*body, "name", draft.name));
    checkCurrency(reader, present(*body, "currency", draft.currency));
    const auto start = present(*body, "sales_start", draft.salesStart);
    const auto end = present(*body, "sales_end", draft.salesEnd);
    if (start && end && parseRfc3339(*start) && parseRfc3339(*end) && *parseRfc3339(*end) <= *parseRfc3339(*start))
        reader.addProblem("sales_end", "must be after sales_start");
    if (draft.maxPerOrder < draft.minPerOrder)
        reader.addProblem("max_per_order", "must be at least min_per_order");
    if (auto problem = reader.finish())
        return *problem;
    auto created = m_catalog.create(*request.principal, request.pathParameter("id"), draft);
    if (!created)
        return created.error();
    HttpResponse response = HttpResponse::json(201, wire::toJson(*created));
    response.headers.set("Location", "/api/v1/ticket-types/" + created->id);
    return response;
}

Reply TicketTypeHandlers::listTicketTypes(HttpRequest& request)
{
    auto types = m_catalog.list(request.principal, request.pathParameter("id"));
    if (!types)
        return types.error();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& type : *types)
        items.push_back(wire::toJson(type));
    return HttpResponse::json(200, {{"items", items}, {"next_cursor", nullptr}});
}

Reply TicketTypeHandlers::updateTicketType(HttpRequest& request)
{
    if (auto refused = m_catalog.refusalForType(*request.principal, request.pathParameter("id")))
        return *refused;
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    TicketTypeChanges changes;
    changes.name = reader.optionalString("name", 600);
    changes.price = reader.optionalInteger("price", 0, kMaxPrice);
    changes.currency = reader.optionalString("currency", 8);
    if (const auto quota = reader.optionalInteger("quota", 0, kMaxQuota))
        changes.quota = static_cast<int>(*quota);
    changes.salesStart = reader.optionalTimeText("sales_start");
    changes.salesEnd = reader.optionalTimeText("sales_end");
    if (const auto minimum = reader.optionalInteger("min_per_order", 1, 1000))
        changes.minPerOrder = static_cast<int>(*minimum);
    if (const auto maximum = reader.optionalInteger("max_per_order", 1, 1000))
        changes.maxPerOrder = static_cast<int>(*maximum);
    changes.active = reader.optionalBoolean("active");
    checkName(reader, changes.name);
    checkCurrency(reader, changes.currency);
    if (changes.empty())
        reader.addProblem("body", "names nothing to change");
    if (auto problem = reader.finish())
        return *problem;
    auto updated = m_catalog.update(*request.principal, request.pathParameter("id"), changes);
    if (!updated)
        return updated.error();
    return HttpResponse::json(200, wire::toJson(*updated));
}

} // namespace sbor::tickets
