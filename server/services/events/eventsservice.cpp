#include "eventsservice.h"

#include "eventhandlers.h"
#include "eventplanning.h"
#include "eventrepository.h"
#include "eventteam.h"
#include "personerasure.h"
#include "teamhandlers.h"

#include "bus/inbox.h"
#include "config/config.h"
#include "log/logger.h"
#include "sbor/uuid.h"
#include "service/contracts.h"

std::vector<sbor::db::Migration> sbor_migrations_events();
std::string_view sbor_openapi_events();

namespace sbor::events {

void EventsService::declareSettings(ConfigSchema& schema)
{
    schema.add({"events.reminder_lead_seconds", ConfigKind::Integer, "86400",
                "how long before an event's start its `event.reminder` goes out"});
    schema.add(
        {"events.job_interval_ms", ConfigKind::Integer, "60000", "how often the reminder and completion jobs run"});
}
namespace {

// The EventDirectory contract, answered from this service's own tables.
class EventDirectoryFromDatabase : public EventDirectory {
public:
    explicit EventDirectoryFromDatabase(db::ConnectionPool& database) : m_database(database) {}
    std::optional<EventFacts> eventFacts(const std::string& eventId) override
    {
        if (!isUuid(eventId))
            return std::nullopt;
        return m_database.read([&](db::Transaction& tx) -> std::optional<EventFacts> {
            EventRepository events(tx);
            const auto event = events.find(eventId);
            if (!event)
                return std::nullopt;
            return events::eventFacts(*event, events.teamSeats(eventId));
        });
    }
    int eventsOrganizedBy(const std::string& organizerId) override
    {
        if (!isUuid(organizerId))
            return 0;
        return m_database.read([&](db::Transaction& tx) { return EventRepository(tx).countOrganizedBy(organizerId); });
    }

private:
    db::ConnectionPool& m_database;
};

} // namespace

EventsService::EventsService() = default;
EventsService::~EventsService() = default;

std::vector<db::Migration> EventsService::migrations() const
{
    auto migrations = sbor_migrations_events();
    // Bus messages taken (PersonErasure).
    migrations.push_back(db::Migration{4, "inbox", bus::createInboxSql("events")});
    return migrations;
}
std::string_view EventsService::apiDescription() const { return sbor_openapi_events(); }

void EventsService::init(ServiceContext& context)
{
    m_jobInterval = std::chrono::milliseconds(context.config.getInteger("events.job_interval_ms"));
    m_reminderLeadSeconds = context.config.getInteger("events.reminder_lead_seconds");
    m_planning = std::make_unique<EventPlanning>(context.database, context.directory);
    m_handlers = std::make_unique<EventHandlers>(*m_planning);
    m_team = std::make_unique<EventTeam>(context.database, context.directory);
    m_teamHandlers = std::make_unique<TeamHandlers>(*m_team, *m_planning);
    context.directory->provide<EventDirectory>(std::make_shared<EventDirectoryFromDatabase>(context.database));
    m_personErasure = std::make_unique<PersonErasure>(context.database);
}

void EventsService::registerRoutes(http::Router& router)
{
    m_handlers->registerRoutes(router, name());
    m_teamHandlers->registerRoutes(router, name());
}

std::vector<BusConsumer> EventsService::busConsumers()
{
    PersonErasure* erasure = m_personErasure.get();
    return {{"events-erasure", {"users"}, [erasure](const bus::Message& message) { return erasure->take(message); }}};
}

std::vector<BackgroundJob> EventsService::backgroundJobs()
{
    const auto interval = m_jobInterval;
    const std::int64_t lead = m_reminderLeadSeconds;
    EventPlanning* planning = m_planning.get();
    return {
        {"event-reminders", interval,
         [planning, lead] {
             if (const int sent = planning->sendDueReminders(lead); sent > 0)
                 log::info("event reminders queued", {{"events", sent}});
         }},
        {"event-completion", interval,
         [planning] {
             if (const int completed = planning->completeEndedEvents(); completed > 0)
                 log::info("events completed", {{"events", completed}});
         }},
        {"cancelled-event-wind-up", interval, [planning] { planning->windUpCancelledEvents(); }},
    };
}

} // namespace sbor::events
