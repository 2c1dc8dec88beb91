#include "tickethandlers.h"

#include "ticketqr.h"

#include "http/jsonbody.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "validation/textrules.h"

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {
constexpr int kDefaultModulePixels = 8;
constexpr int kMaxModulePixels = 20;                             // ~1 MB of pixels to pack at most
constexpr std::int64_t kLatestCodeTime = 4102444800LL * 1000000; // 2100-01-01

// A ticket's code must not be cached by shared caches: it is the ticket.
HttpResponse privateImage(std::string body, const std::string& contentType)
{
    HttpResponse response = HttpResponse::text(200, std::move(body), contentType);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
}
} // namespace

void TicketHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("GET", "/api/v1/tickets", service, Access::signedIn(),
               [this](HttpRequest& request) { return listTickets(request); });
    router.add("GET", "/api/v1/tickets/{id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return readTicket(request); });
    router.add("GET", "/api/v1/tickets/{id}/qr.png", service, Access::signedIn(),
               [this](HttpRequest& request) { return qrPng(request); });
    router.add("GET", "/api/v1/tickets/{id}/qr.svg", service, Access::signedIn(),
               [this](HttpRequest& request) { return qrSvg(request); });
    router.add("POST", "/api/v1/tickets/{id}/block", service, Access::signedIn(),
               [this](HttpRequest& request) { return block(request, true); });
    router.add("POST", "/api/v1/tickets/{id}/unblock", service, Access::signedIn(),
               [this](HttpRequest& request) { return block(request, false); });
    router.add("PATCH", "/api/v1/tickets/{id}", service, Access::signedIn(),
               [this](HttpRequest& request) { return changeTicket(request); });
    router.add("POST", "/api/v1/tickets/{id}/reissue", service, Access::signedIn(),
               [this](HttpRequest& request) { return reissue(request); });
}

Reply TicketHandlers::listTickets(HttpRequest& request)
{
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 20, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto page = m_lookup.ticketsOf(*request.principal, *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    return HttpResponse::json(200,
                              {{"items", wire::encodeList(page->items)},
                               {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply TicketHandlers::readTicket(HttpRequest& request)
{
    auto ticket = m_lookup.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, wire::toJson(*ticket));
}

Reply TicketHandlers::qrPng(HttpRequest& request)
{
    int modulePixels = kDefaultModulePixels;
    if (const std::string size = request.queryValue("scale"); !size.empty()) {
        const auto parsed = paging::parsePageLimit(size, kDefaultModulePixels, kMaxModulePixels);
        if (!parsed)
            return invalidQueryParameter("scale", "must be an integer from 1 to 20 (pixels per module)");
        modulePixels = *parsed;
    }
    auto ticket = m_lookup.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return privateImage(tickets::qrPng(ticket->code, modulePixels), "image/png");
}

Reply TicketHandlers::qrSvg(HttpRequest& request)
{
    auto ticket = m_lookup.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return privateImage(tickets::qrSvg(ticket->code), "image/svg+xml");
}

Reply TicketHandlers::block(HttpRequest& request, bool blocked)
{
    auto ticket = m_changes.setBlocked(*request.principal, request.pathParameter("id"), blocked);
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, wire::toJson(*ticket));
}

Reply TicketHandlers::reissue(HttpRequest& request)
{
    auto ticket = m_changes.reissue(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, wire::toJson(*ticket));
}

Reply TicketHandlers::changeTicket(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    TicketChange change;
    change.ticketTypeId = reader.optionalId("ticket_type_id", "a ticket type id");
    if (change.ticketTypeId)
        change.ticketTypeId = canonicalUuid(*change.ticketTypeId);
    change.holderName = reader.optionalString("holder_name", 1000);
    if (change.holderName) {
        if (auto problem = validation::nameProblem(*change.holderName))
            reader.addProblem("holder_name", *problem);
    }
    change.holderEmail = reader.optionalString("holder_email", 254);
    if (change.holderEmail) {
        if (auto problem = validation::emailProblem(*change.holderEmail))
            reader.addProblem("holder_email", *problem);
    }
    for (const auto& [field, target] :
         {std::pair{"valid_from", &change.validFrom}, std::pair{"valid_until", &change.validUntil}}) {
        *target = reader.optionalTime(field);
        if (*target && **target >= kLatestCodeTime)
            reader.addProblem(field, "must be before 2100 (a code holds seconds in 32 bits)");
    }
    if (body->empty())
        reader.addProblem(
            "body", "names nothing to change (ticket_type_id, holder_name, holder_email, valid_from, valid_until)");
    if (auto problem = reader.finish())
        return *problem;
    auto ticket = m_changes.change(*request.principal, request.pathParameter("id"), change);
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, wire::toJson(*ticket));
}

} // namespace sbor::tickets
