#pragma once
// HTTP for issued tickets: the buyer's list, one ticket, its QR code as PNG or SVG, blocking and
// reissuing.

#include "checkout.h"
#include "ticketchanges.h"

#include "http/router.h"

namespace sbor::tickets {

class TicketHandlers {
public:
    TicketHandlers(Checkout& checkout, TicketChanges& changes) : m_checkout(checkout), m_changes(changes) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply listTickets(http::HttpRequest& request);
    http::Reply readTicket(http::HttpRequest& request);
    http::Reply qrPng(http::HttpRequest& request);
    http::Reply qrSvg(http::HttpRequest& request);
    http::Reply block(http::HttpRequest& request, bool blocked);
    http::Reply reissue(http::HttpRequest& request);
    http::Reply changeTicket(http::HttpRequest& request);

private:
    Checkout& m_checkout;
    TicketChanges& m_changes;
};

} // namespace sbor::tickets
