#pragma once
// The events service (architecture.md §3): events from draft to published, cancelled or
// completed, their schedules, categories and teams, and the reminder job. It provides the
// EventDirectory contract to other services.

#include "service/service.h"

#include <chrono>
#include <cstdint>
#include <memory>

namespace sbor::events {

class EventPlanning;
class EventHandlers;
class EventTeam;
class PersonErasure;
class TeamHandlers;

class EventsService : public Service {
public:
    EventsService();
    ~EventsService() override;
    std::string name() const override { return "events"; }
    // Its configuration keys (docs/configuration.md), assembled with the others' by the catalog.
    static void declareSettings(ConfigSchema& schema);
    std::vector<db::Migration> migrations() const override;
    void init(ServiceContext& context) override;
    void registerRoutes(http::Router& router) override;
    std::vector<BusConsumer> busConsumers() override;
    std::vector<BackgroundJob> backgroundJobs() override;
    std::string_view apiDescription() const override;
    bool hasOutbox() const override { return true; }

private:
    std::unique_ptr<EventPlanning> m_planning;
    std::unique_ptr<EventHandlers> m_handlers;
    std::unique_ptr<EventTeam> m_team;
    std::unique_ptr<PersonErasure> m_personErasure;
    std::unique_ptr<TeamHandlers> m_teamHandlers;
    std::chrono::milliseconds m_jobInterval{0};
    std::int64_t m_reminderLeadSeconds = 0;
};

} // namespace sbor::events
