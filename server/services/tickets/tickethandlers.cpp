#include "tickethandlers.h"

#include "ticketjson.h"
#include "ticketqr.h"

#include "paging/cursor.h"

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {
constexpr int kDefaultModulePixels = 8;
constexpr int kMaxModulePixels = 20; // ~1 MB of pixels to pack at most

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
    router.add("GET", "/api/v1/tickets", service, Access::signedIn(), [this](HttpRequest& request) { return listTickets(request); });
    router.add("GET", "/api/v1/tickets/{id}", service, Access::signedIn(), [this](HttpRequest& request) { return readTicket(request); });
    router.add("GET", "/api/v1/tickets/{id}/qr.png", service, Access::signedIn(), [this](HttpRequest& request) { return qrPng(request); });
    router.add("GET", "/api/v1/tickets/{id}/qr.svg", service, Access::signedIn(), [this](HttpRequest& request) { return qrSvg(request); });
    router.add("POST", "/api/v1/tickets/{id}/block", service, Access::require(access::Permission::EventsWrite),
               [this](HttpRequest& request) { return block(request, true); });
    router.add("POST", "/api/v1/tickets/{id}/unblock", service, Access::require(access::Permission::EventsWrite),
               [this](HttpRequest& request) { return block(request, false); });
    router.add("POST", "/api/v1/tickets/{id}/reissue", service, Access::signedIn(), [this](HttpRequest& request) { return reissue(request); });
}

Reply TicketHandlers::listTickets(HttpRequest& request)
{
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 20, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto page = m_checkout.ticketsOf(*request.principal, *limit, request.queryValue("cursor"));
    if (!page)
        return page.error();
    return HttpResponse::json(200, {{"items", ticketsJson(page->items)}, {"next_cursor", page->nextCursor ? nlohmann::json(*page->nextCursor) : nullptr}});
}

Reply TicketHandlers::readTicket(HttpRequest& request)
{
    auto ticket = m_checkout.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, ticketJson(*ticket));
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
    auto ticket = m_checkout.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return privateImage(tickets::qrPng(ticket->code, modulePixels), "image/png");
}

Reply TicketHandlers::qrSvg(HttpRequest& request)
{
    auto ticket = m_checkout.ticket(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return privateImage(tickets::qrSvg(ticket->code), "image/svg+xml");
}

Reply TicketHandlers::block(HttpRequest& request, bool blocked)
{
    auto ticket = m_changes.setBlocked(*request.principal, request.pathParameter("id"), blocked);
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, ticketJson(*ticket));
}

Reply TicketHandlers::reissue(HttpRequest& request)
{
    auto ticket = m_changes.reissue(*request.principal, request.pathParameter("id"));
    if (!ticket)
        return ticket.error();
    return HttpResponse::json(200, ticketJson(*ticket));
}

} // namespace sbor::tickets
