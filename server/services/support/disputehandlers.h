#pragma once
// HTTP in and out of the DisputeDesk: POST /api/v1/orders/{id}/disputes, GET /api/v1/disputes[/{id}],
// POST /api/v1/disputes/{id}/response and …/decision.

#include "disputedesk.h"

#include "http/router.h"

namespace sbor::support {

class DisputeHandlers {
public:
    explicit DisputeHandlers(DisputeDesk& desk) : m_desk(desk) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply openDispute(http::HttpRequest& request);
    http::Reply listDisputes(http::HttpRequest& request);
    http::Reply readDispute(http::HttpRequest& request);
    http::Reply respond(http::HttpRequest& request);
    http::Reply decide(http::HttpRequest& request);

    DisputeDesk& m_desk;
};

} // namespace sbor::support
