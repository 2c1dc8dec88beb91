#include "supportservice.h"

#include "supportdesk.h"
#include "supporthandlers.h"
#include "targetsintake.h"

#include "bus/inbox.h"
#include "log/logger.h"
#include "outbox/outbox.h"

std::vector<sbor::db::Migration> sbor_migrations_support();
std::string_view sbor_openapi_support();

namespace sbor::support {

SupportService::SupportService() = default;
SupportService::~SupportService() = default;

std::vector<db::Migration> SupportService::migrations() const
{
    auto migrations = sbor_migrations_support();
    migrations.push_back(db::Migration{2, "outbox", outbox::createOutboxSql("support")});
    migrations.push_back(db::Migration{3, "inbox", bus::createInboxSql("support")});
    return migrations;
}

std::string_view SupportService::apiDescription() const { return sbor_openapi_support(); }

void SupportService::init(ServiceContext& context)
{
    m_desk = std::make_unique<SupportDesk>(context.database, context.directory);
    m_handlers = std::make_unique<SupportHandlers>(*m_desk);
    m_targets = std::make_unique<TargetsIntake>(context.database);
}

void SupportService::registerRoutes(http::Router& router) { m_handlers->registerRoutes(router, name()); }

std::vector<BusConsumer> SupportService::busConsumers()
{
    TargetsIntake* targets = m_targets.get();
    return {
        {"support-targets", {"platform"}, [targets](const bus::Message& message) { return targets->take(message); }}};
}

std::vector<BackgroundJob> SupportService::backgroundJobs()
{
    SupportDesk* desk = m_desk.get();
    return {{"support-close-settled", std::chrono::minutes(10), [desk] {
                 if (const int closed = desk->closeSettledRequests(); closed > 0)
                     log::info("settled support requests closed", {{"requests", closed}});
             }}};
}

} // namespace sbor::support
