#include "supportservice.h"

#include "disputedesk.h"
#include "disputehandlers.h"
#include "personerasure.h"
#include "supportdesk.h"
#include "supporthandlers.h"
#include "targetsintake.h"

#include "bus/inbox.h"
#include "config/config.h"
#include "log/logger.h"
#include "outbox/outbox.h"

std::vector<sbor::db::Migration> sbor_migrations_support();
std::string_view sbor_openapi_support();

namespace sbor::support {

void SupportService::declareSettings(ConfigSchema& schema)
{
    schema.add({"support.dispute_response_days", ConfigKind::Integer, "7",
                "how long an organizer has to answer a dispute with evidence before it goes to review without (1–60)"});
    schema.add({"support.job_interval_ms", ConfigKind::Integer, "60000",
                "how often disputes past their deadline go to review and lost disputes' refunds are retried"});
}

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
    m_erasure = std::make_unique<PersonErasure>(context.database);
    const std::int64_t days = context.config.getInteger("support.dispute_response_days");
    if (days < 1 || days > 60)
        throw ErrorException(Error(ErrorCode::ValidationFailed,
                                   "support.dispute_response_days must be 1 to 60 (" +
                                       context.config.originOf("support.dispute_response_days") + ")"));
    m_jobInterval = std::chrono::milliseconds(context.config.getInteger("support.job_interval_ms"));
    m_disputes = std::make_unique<DisputeDesk>(context.database, context.directory, static_cast<int>(days));
    m_disputeHandlers = std::make_unique<DisputeHandlers>(*m_disputes);
}

void SupportService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_disputeHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> SupportService::busConsumers()
{
    TargetsIntake* targets = m_targets.get();
    PersonErasure* erasure = m_erasure.get();
    return {
        {"support-targets", {"platform"}, [targets](const bus::Message& message) { return targets->take(message); }},
        {"support-erasure", {"users"}, [erasure](const bus::Message& message) { return erasure->take(message); }}};
}

std::vector<BackgroundJob> SupportService::backgroundJobs()
{
    SupportDesk* desk = m_desk.get();
    DisputeDesk* disputes = m_disputes.get();
    return {{"support-close-settled", std::chrono::minutes(10),
             [desk] {
                 if (const int closed = desk->closeSettledRequests(); closed > 0)
                     log::info("settled support requests closed", {{"requests", closed}});
             }},
            {"dispute-deadlines", m_jobInterval, [disputes] {
                 if (const int reviewed = disputes->reviewOverdue(); reviewed > 0)
                     log::info("disputes past their deadline went to review", {{"disputes", reviewed}});
                 if (const int refunded = disputes->retryRefunds(); refunded > 0)
                     log::info("lost disputes refunded on retry", {{"disputes", refunded}});
             }}};
}

} // namespace sbor::support
