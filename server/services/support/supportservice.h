#pragma once
// The support service (seed 004's Support & Dispute, architecture.md §3): support requests with
// their threads, internal notes, assignment, response deadlines from the platform's targets and
// escalation to the admins, and disputes about orders (disputedesk.h), in its own schema; its changes go out on the bus's `support` topic.

#include "service/service.h"

#include <chrono>
#include <memory>

namespace sbor::support {

class DisputeDesk;
class DisputeHandlers;
class PersonErasure;
class SupportDesk;
class SupportHandlers;
class TargetsIntake;

class SupportService : public Service {
public:
    SupportService();
    ~SupportService() override;
    std::string name() const override { return "support"; }
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    bool hasOutbox() const override { return true; }
    std::string_view apiDescription() const override;
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);

private:
    std::unique_ptr<SupportDesk> m_desk;
    std::unique_ptr<SupportHandlers> m_handlers;
    std::unique_ptr<TargetsIntake> m_targets;
    std::unique_ptr<PersonErasure> m_erasure;
    std::unique_ptr<DisputeDesk> m_disputes;
    std::unique_ptr<DisputeHandlers> m_disputeHandlers;
    std::chrono::milliseconds m_jobInterval{60000};
};

} // namespace sbor::support
