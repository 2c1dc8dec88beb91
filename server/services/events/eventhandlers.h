#pragma once
// HTTP for the events service: read and check the JSON, call EventPlanning, write the answer.

#include "eventplanning.h"

#include "http/router.h"

namespace sbor::events {

class EventHandlers {
public:
    explicit EventHandlers(EventPlanning& planning) : m_planning(planning) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply createEvent(http::HttpRequest& request);
    http::Reply listEvents(http::HttpRequest& request);
    http::Reply readEvent(http::HttpRequest& request);
    http::Reply updateEvent(http::HttpRequest& request);
    http::Reply publishEvent(http::HttpRequest& request);
    http::Reply cancelEvent(http::HttpRequest& request);
    http::Reply readSchedule(http::HttpRequest& request);
    http::Reply replaceSchedule(http::HttpRequest& request);
    http::Reply listCategories(http::HttpRequest& request);
    http::Reply createCategory(http::HttpRequest& request);
    http::Reply renameCategory(http::HttpRequest& request);
    http::Reply deleteCategory(http::HttpRequest& request);

private:
    EventPlanning& m_planning;
};

} // namespace sbor::events
