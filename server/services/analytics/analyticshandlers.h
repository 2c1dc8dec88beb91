#pragma once
// HTTP for the analytics service: the series of an event, and the rebuild for admins.

#include "analyticsrebuild.h"
#include "statsseries.h"

#include "http/router.h"

namespace sbor::analytics {

class AnalyticsHandlers {
public:
    AnalyticsHandlers(StatsSeries& series, AnalyticsRebuild& rebuild) : m_series(series), m_rebuild(rebuild) {}
    void registerRoutes(http::Router& router, const std::string& service);

    http::Reply readSeries(http::HttpRequest& request);
    http::Reply rebuild(http::HttpRequest& request);

private:
    StatsSeries& m_series;
    AnalyticsRebuild& m_rebuild;
};

} // namespace sbor::analytics
