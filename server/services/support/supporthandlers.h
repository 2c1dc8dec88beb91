#pragma once
// HTTP in and out of the SupportDesk: /api/v1/support/requests and its thread, status,
// assignment and escalation routes.

#include "supportdesk.h"

#include "http/router.h"

namespace sbor::support {

class SupportHandlers {
public:
    explicit SupportHandlers(SupportDesk& desk) : m_desk(desk) {}
    void registerRoutes(http::Router& router, const std::string& service);

private:
    http::Reply openRequest(http::HttpRequest& request);
    http::Reply listRequests(http::HttpRequest& request);
    http::Reply readRequest(http::HttpRequest& request);
    http::Reply writeMessage(http::HttpRequest& request);
    http::Reply changeStatus(http::HttpRequest& request);
    http::Reply assign(http::HttpRequest& request);
    http::Reply escalate(http::HttpRequest& request);

    SupportDesk& m_desk;
};

} // namespace sbor::support
