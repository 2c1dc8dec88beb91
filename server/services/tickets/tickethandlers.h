#pragma once
// HTTP for issued tickets: the buyer's list, one ticket, and its QR code as PNG or SVG.

#include "checkout.h"

#include "http/router.h"

namespace sbor::tickets {

class TicketHandlers {
public:
    explicit TicketHandlers(Checkout& checkout) : m_checkout(checkout) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply listTickets(http::HttpRequest& request);
    http::Reply readTicket(http::HttpRequest& request);
    http::Reply qrPng(http::HttpRequest& request);
    http::Reply qrSvg(http::HttpRequest& request);

private:
    Checkout& m_checkout;
};

} // namespace sbor::tickets
