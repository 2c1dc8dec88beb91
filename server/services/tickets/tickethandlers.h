#pragma once
// HTTP for issued tickets: the buyer's list, one ticket, its QR code as PNG or SVG, blocking and
// reissuing.

#include "ticketchanges.h"
#include "ticketlookup.h"

#include "http/router.h"

namespace sbor::tickets {

class TicketHandlers {
public:
    TicketHandlers(TicketLookup& lookup, TicketChanges& changes) : m_lookup(lookup), m_changes(changes) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply listTickets(http::HttpRequest& request);
    http::Reply readTicket(http::HttpRequest& request);
    http::Reply qrPng(http::HttpRequest& request);
    http::Reply qrSvg(http::HttpRequest& request);
    http::Reply block(http::HttpRequest& request, bool blocked);
    http::Reply reissue(http::HttpRequest& request);
    http::Reply changeTicket(http::HttpRequest& request);

private:
    TicketLookup& m_lookup;
    TicketChanges& m_changes;
};

} // namespace sbor::tickets
