#pragma once
// HTTP for the organizer's views of an event's sales: read the query, call SalesViews, write
// {"items", "next_cursor"}.

#include "salesviews.h"

#include "http/router.h"

namespace sbor::tickets {

class SalesViewHandlers {
public:
    explicit SalesViewHandlers(SalesViews& views) : m_views(views) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply listOrders(http::HttpRequest& request);
    http::Reply listAttendees(http::HttpRequest& request);

private:
    SalesViews& m_views;
};

} // namespace sbor::tickets
