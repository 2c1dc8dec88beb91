#pragma once
// Planning events (seed 003): drafts, edits with optimistic concurrency, publishing, cancelling,
// schedules and categories; and the two clocks — reminders before the start, completion after
// the end. Only an event's organizer (or an admin) changes it; others do not learn that a draft
// exists (404), and get 403 for a public event they may see but not change.

#include "event.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::events {

class EventPlanning {
public:
    EventPlanning(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<Event> create(const access::Principal& caller, const EventDraft& draft, const CallContext& call);
    Result<Event> read(const std::optional<access::Principal>& caller, const std::string& eventId);
    // Who before what: the error `caller` gets for any change of the event, whatever the body says.
    std::optional<Error> refusalToChange(const access::Principal& caller, const std::string& eventId);
    Result<EventPage> list(const EventQuery& query);
    Result<Event> update(const access::Principal& caller, const std::string& eventId, const EventChanges& changes,
                         const CallContext& call);
    Result<Event> publish(const access::Principal& caller, const std::string& eventId, const CallContext& call);
    Result<Event> cancel(const access::Principal& caller, const std::string& eventId, const std::string& reason,
                         const CallContext& call);
    Result<std::vector<ScheduleItem>> schedule(const std::optional<access::Principal>& caller,
                                               const std::string& eventId);
    // A new draft like the event: its description, venue, zone, category, cover, schedule, and
    // (from the tickets service) its ticket types and check-in lists, all moved with the dates.
    Result<Event> copy(const access::Principal& caller, const std::string& eventId, const EventCopyRequest& request,
                       const CallContext& call);
    Result<std::vector<ScheduleItem>> replaceSchedule(const access::Principal& caller, const std::string& eventId,
                                                      const std::vector<ScheduleItem>& items);

    std::vector<Category> categories();
    Result<Category> createCategory(const std::string& slug, const std::string& name);
    Result<Category> renameCategory(std::int64_t id, const std::string& name);
    Result<bool> deleteCategory(std::int64_t id);

    // Background jobs; each returns how many events it handled.
    int sendDueReminders(std::int64_t leadSeconds);
    int completeEndedEvents();
    // Cancelled events whose ticket sales are not wound up (a crash, tickets unreachable) get
    // another go. Returns how many finished.
    int windUpCancelledEvents();

private:
    // Asks the tickets service to end the event's sales; true once it has (and is recorded).
    bool windUpSales(const std::string& eventId, const std::string& traceId);
    Result<Event> updateLocked(const access::Principal& caller, const std::string& eventId, const EventChanges& changes,
                               const CallContext& call);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

// The event as other services know it (the EventDirectory contract), with its team.
EventFacts eventFacts(const Event& event, std::vector<TeamSeat> team);
// May `caller` see this event at all? Drafts only to the people who work it and admins.
bool canSee(const std::optional<access::Principal>& caller, const EventFacts& event);

class EventRepository;
// An event as someone may see it, with the facts (its team) its rights are decided by.
struct SeenEvent {
    Event event;
    EventFacts facts;
};
// The event, if `caller` may see it (404 otherwise, also for an id that is not a UUID); locked for
// the transaction when `lock`.
Result<SeenEvent> seenEvent(EventRepository& events, const std::optional<access::Principal>& caller,
                            const std::string& eventId, bool lock);
// Loads an event for a change by `caller`, locked (in `events`' transaction); a caller who may
// not see it gets 404, one who may see but not manage it 403.
Result<Event> eventToChange(EventRepository& events, const access::Principal& caller, const std::string& eventId);

} // namespace sbor::events
