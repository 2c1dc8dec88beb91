#pragma once
// HTTP for the door: check-in lists, redeem, annul, search, and seed 003's validate/checkin aliases.

#include "checkindesk.h"

#include "http/router.h"

namespace sbor::tickets {

class CheckInHandlers {
public:
    explicit CheckInHandlers(CheckInDesk& desk) : m_desk(desk) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply createList(http::HttpRequest& request);
    http::Reply listLists(http::HttpRequest& request);
    http::Reply redeem(http::HttpRequest& request);
    http::Reply annul(http::HttpRequest& request);
    http::Reply search(http::HttpRequest& request);
    http::Reply codeAlias(http::HttpRequest& request, bool dryRun);
    http::Reply statistics(http::HttpRequest& request);
    http::Reply sync(http::HttpRequest& request);
    http::Reply batch(http::HttpRequest& request);

private:
    CheckInDesk& m_desk;
};

} // namespace sbor::tickets
