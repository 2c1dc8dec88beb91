#pragma once
// HTTP for the tickets service (ticket types so far): read and check the JSON, call the domain,
// write the answer.

#include "ticketcatalog.h"

#include "http/router.h"

namespace sbor::tickets {

class TicketTypeHandlers {
public:
    explicit TicketTypeHandlers(TicketCatalog& catalog) : m_catalog(catalog) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply createTicketType(http::HttpRequest& request);
    http::Reply listTicketTypes(http::HttpRequest& request);
    http::Reply updateTicketType(http::HttpRequest& request);

private:
    TicketCatalog& m_catalog;
};

} // namespace sbor::tickets
