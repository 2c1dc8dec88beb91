#include "analyticsservice.h"

#include "analyticshandlers.h"
#include "analyticsintake.h"
#include "analyticsrebuild.h"
#include "platformreports.h"
#include "reporthandlers.h"
#include "statsseries.h"

#include "bus/inbox.h"

std::vector<sbor::db::Migration> sbor_migrations_analytics();
std::string_view sbor_openapi_analytics();

namespace sbor::analytics {

AnalyticsService::AnalyticsService() = default;
AnalyticsService::~AnalyticsService() = default;

std::vector<db::Migration> AnalyticsService::migrations() const
{
    auto migrations = sbor_migrations_analytics();
    migrations.push_back(db::Migration{2, "inbox", bus::createInboxSql("analytics")});
    return migrations;
}

std::string_view AnalyticsService::apiDescription() const { return sbor_openapi_analytics(); }

void AnalyticsService::init(ServiceContext& context)
{
    m_intake = std::make_unique<AnalyticsIntake>(context.database);
    m_rebuild = std::make_unique<AnalyticsRebuild>(context.database, context.directory);
    m_series = std::make_unique<StatsSeries>(context.database, context.directory);
    m_handlers = std::make_unique<AnalyticsHandlers>(*m_series, *m_rebuild);
    m_reports = std::make_unique<PlatformReports>(context.database);
    m_reportHandlers = std::make_unique<ReportHandlers>(*m_reports);
}

void AnalyticsService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_reportHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> AnalyticsService::busConsumers()
{
    AnalyticsIntake* intake = m_intake.get();
    return {{"analytics", intakeTopics(), [intake](const bus::Message& message) { return intake->take(message); }}};
}

} // namespace sbor::analytics
