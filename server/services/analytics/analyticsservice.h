#pragma once
// The analytics service (seed 004's Analytics & Reporting, architecture.md §3): per-minute totals
// of every event's sales, money and door, fed by the bus through its inbox and rebuilt from the
// other services on request; the series the organizer's dashboard draws. Platform-wide reports
// (issue 17) are sums of the same rows.

#include "service/service.h"

#include <memory>

namespace sbor::analytics {

class AnalyticsIntake;
class AnalyticsRebuild;
class StatsSeries;
class AnalyticsHandlers;
class PlatformReports;
class ReportHandlers;

class AnalyticsService : public Service {
public:
    AnalyticsService();
    ~AnalyticsService() override;
    std::string name() const override { return "analytics"; }
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::string_view apiDescription() const override;

private:
    std::unique_ptr<AnalyticsIntake> m_intake;
    std::unique_ptr<AnalyticsRebuild> m_rebuild;
    std::unique_ptr<StatsSeries> m_series;
    std::unique_ptr<AnalyticsHandlers> m_handlers;
    std::unique_ptr<PlatformReports> m_reports;
    std::unique_ptr<ReportHandlers> m_reportHandlers;
};

} // namespace sbor::analytics
