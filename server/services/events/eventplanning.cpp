#include "eventplanning.h"

#include "eventrepository.h"

#include "log/logger.h"
#include "outbox/outbox.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::events {
namespace {

nlohmann::json eventSummary(const Event& event)
{
    return {{"event_id", event.id},        {"organizer_id", event.organizerId}, {"title", event.title},
            {"starts_at", event.startsAt}, {"ends_at", event.endsAt},           {"timezone", event.timezone},
            {"venue", event.venue}};
}

// The checks that need the database: a real time zone, an existing category.
std::optional<Error> referenceProblem(EventRepository& events, const std::optional<std::string>& timezone,
                                      const std::optional<std::int64_t>& categoryId)
{
    if (timezone && !events.timezoneExists(*timezone))
        return invalidField("timezone", "is not an IANA time zone name such as Europe/Moscow");
    if (categoryId && !events.category(*categoryId))
        return invalidField("category_id", "names no category (see GET /api/v1/categories)");
    return std::nullopt;
}

} // namespace

Result<SeenEvent> seenEvent(EventRepository& events, const std::optional<access::Principal>& caller,
                            const std::string& eventId, bool lock)
{
    if (!isUuid(eventId))
        return noSuchEvent(eventId);
    auto event = events.find(eventId, lock);
    if (!event)
        return noSuchEvent(eventId);
    SeenEvent seen{*event, eventFacts(*event, events.teamSeats(eventId))};
    if (!canSee(caller, seen.facts))
        return noSuchEvent(eventId);
    return seen;
}

Error mayNotManage()
{
    return Error(ErrorCode::Forbidden, "only the event's organizer, a co-organizer or an admin may change it");
}

// Loads an event for a change by `caller`, locked; the error a caller without rights gets.
Result<Event> eventToChange(EventRepository& events, const access::Principal& caller, const std::string& eventId)
{
    auto seen = seenEvent(events, caller, eventId, true);
    if (!seen)
        return seen.error();
    if (!managesEvent(caller, seen->facts))
        return mayNotManage();
    return seen->event;
}

EventFacts eventFacts(const Event& event, std::vector<TeamSeat> team)
{
    return EventFacts{event.id,
                      event.organizerId,
                      event.status,
                      event.title,
                      event.timezone,
                      *parseRfc3339(event.startsAt),
                      *parseRfc3339(event.endsAt),
                      event.venue,
                      std::move(team)};
}

bool canSee(const std::optional<access::Principal>& caller, const EventFacts& event)
{
    if (event.status != EventStatus::Draft)
        return true;
    return caller && !caller->device && (managesEvent(*caller, event) || teamRoleOf(event, caller->userId));
}

Result<Event> EventPlanning::create(const access::Principal& caller, const EventDraft& draft, const CallContext& call)
{
    (void)call;
    try {
        return m_database.transact([&](db::Transaction& tx) -> Result<Event> {
            EventRepository events(tx);
            if (auto problem = referenceProblem(events, draft.timezone, draft.categoryId))
                return *problem;
            Event event = events.insert(caller.userId, draft);
            return event;
        });
    } catch (const db::ForeignKeyViolation&) {
        return invalidField("category_id", "names no category (it was just removed)");
    }
}

Result<Event> EventPlanning::read(const std::optional<access::Principal>& caller, const std::string& eventId)
{
    if (!isUuid(eventId))
        return noSuchEvent(eventId);
    std::optional<Event> found;
    const bool seen = m_database.read([&](db::Transaction& tx) {
        EventRepository events(tx);
        found = events.find(eventId);
        return found && canSee(caller, eventFacts(*found, events.teamSeats(eventId)));
    });
    if (!seen)
        return noSuchEvent(eventId);
    return *found;
}

std::optional<Error> EventPlanning::refusalToChange(const access::Principal& caller, const std::string& eventId)
{
    return m_database.read([&](db::Transaction& tx) -> std::optional<Error> {
        EventRepository events(tx);
        auto seen = seenEvent(events, caller, eventId, false);
        if (!seen)
            return seen.error();
        if (!managesEvent(caller, seen->facts))
            return mayNotManage();
        return std::nullopt;
    });
}

Result<EventPage> EventPlanning::list(const EventQuery& query)
{
    EventPage page;
    page.items = m_database.read([&](db::Transaction& tx) { return EventRepository(tx).list(query); });
    if (static_cast<int>(page.items.size()) > query.limit) {
        page.items.resize(query.limit);
        const Event& last = page.items.back();
        page.nextCursor = paging::encodeCursor({{"v", EventRepository::sortValue(last, query.sort)}, {"i", last.id}});
    }
    return page;
}

Result<Event> EventPlanning::update(const access::Principal& caller, const std::string& eventId,
                                    const EventChanges& changes, const CallContext& call)
{
    try {
        return updateLocked(caller, eventId, changes, call);
    } catch (const db::ForeignKeyViolation&) {
        return invalidField("category_id", "names no category (it was just removed)");
    }
}

Result<Event> EventPlanning::updateLocked(const access::Principal& caller, const std::string& eventId,
                                          const EventChanges& changes, const CallContext& call)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<Event> {
        EventRepository events(tx);
        auto current = eventToChange(events, caller, eventId);
        if (!current)
            return current.error();
        if (changes.expectedVersion && *changes.expectedVersion != current->version) {
            return Error(ErrorCode::Conflict, "the event changed since you read it; reload and apply your change again",
                         {{"current_version", current->version}, {"your_version", *changes.expectedVersion}});
        }
        if (current->status == EventStatus::Cancelled || current->status == EventStatus::Completed)
            return Error(ErrorCode::Conflict, "a " + statusText(current->status) + " event cannot be changed",
                         {{"status", current->status}});
        const std::string startsAt = changes.startsAt.value_or(current->startsAt);
        const std::string endsAt = changes.endsAt.value_or(current->endsAt);
        if (*parseRfc3339(endsAt) <= *parseRfc3339(startsAt))
            return invalidField(changes.endsAt ? "ends_at" : "starts_at", "must leave ends_at after starts_at");
        if (auto problem = referenceProblem(events, changes.timezone, changes.categoryId))
            return *problem;
        Event updated = events.update(eventId, changes);
        if (updated.status == EventStatus::Published) {
            nlohmann::json changed = nlohmann::json::array();
            for (const auto& [name, given] : {std::pair{"title", changes.title.has_value()},
                                              {"description", changes.description.has_value()},
                                              {"venue", changes.venue.has_value()},
                                              {"starts_at", changes.startsAt.has_value()},
                                              {"ends_at", changes.endsAt.has_value()},
                                              {"timezone", changes.timezone.has_value()},
                                              {"category_id", changes.categoryId.has_value()},
                                              {"cover_url", changes.coverUrl.has_value()}}) {
                if (given)
                    changed.push_back(name);
            }
            nlohmann::json data = eventSummary(updated);
            data["changed"] = changed;
            data["version"] = updated.version;
            outbox::append(tx, "events", {"event", updated.id, "event.updated", data, call.traceId});
        }
        return updated;
    });
}

Result<Event> EventPlanning::publish(const access::Principal& caller, const std::string& eventId,
                                     const CallContext& call)
{
    // Asked before the transaction: the answer may come over the network, and a pooled
    // connection must not be held while waiting for another.
    const auto sales = m_directory->find<TicketSales>();
    if (!sales)
        return Error(ErrorCode::Overloaded, "ticket sales are not reachable from this process; try again later");
    const int ticketTypes = isUuid(eventId) ? sales->activeTicketTypeCount(eventId) : 0;
    return m_database.transact([&](db::Transaction& tx) -> Result<Event> {
        EventRepository events(tx);
        auto current = eventToChange(events, caller, eventId);
        if (!current)
            return current.error();
        if (current->status == EventStatus::Published)
            return *current; // publishing twice changes nothing
        if (current->status != EventStatus::Draft)
            return Error(ErrorCode::Conflict, "a " + statusText(current->status) + " event cannot be published",
                         {{"status", current->status}});
        nlohmann::json missing = nlohmann::json::array();
        if (*parseRfc3339(current->startsAt) <= unixNowMicroseconds())
            missing.push_back("a start in the future");
        if (ticketTypes == 0)
            missing.push_back("at least one active ticket type");
        if (!missing.empty())
            return Error(ErrorCode::Conflict, "the event is not ready to publish", {{"missing", missing}});
        Event published = events.setStatus(eventId, EventStatus::Published);
        outbox::append(tx, "events", {"event", published.id, "event.published", eventSummary(published), call.traceId});
        return published;
    });
}

Result<Event> EventPlanning::cancel(const access::Principal& caller, const std::string& eventId,
                                    const std::string& reason, const CallContext& call)
{
    auto cancelled = m_database.transact([&](db::Transaction& tx) -> Result<Event> {
        EventRepository events(tx);
        auto current = eventToChange(events, caller, eventId);
        if (!current)
            return current.error();
        if (current->status == EventStatus::Cancelled || current->status == EventStatus::Completed)
            return Error(ErrorCode::Conflict, "a " + statusText(current->status) + " event cannot be cancelled",
                         {{"status", current->status}});
        Event cancelled = events.setStatus(eventId, EventStatus::Cancelled, reason);
        nlohmann::json data = eventSummary(cancelled);
        data["reason"] = reason;
        data["was"] = current->status;
        outbox::append(tx, "events", {"event", cancelled.id, "event.cancelled", data, call.traceId});
        return cancelled;
    });
    // Refunds and ticket cancellation right away; if that fails part-way, the wind-up job
    // finishes it (every step is idempotent), so a cancelled event always ends with nothing sold.
    if (cancelled)
        windUpSales(cancelled->id, call.traceId);
    return cancelled;
}

bool EventPlanning::windUpSales(const std::string& eventId, const std::string& traceId)
{
    const auto sales = m_directory->find<EventSalesWindUp>();
    if (!sales)
        return false;
    Result<int> woundUp = Error(ErrorCode::Internal, "not attempted");
    try {
        woundUp = sales->windUpSales(eventId, traceId);
    } catch (const std::exception& e) {
        woundUp = Error(ErrorCode::Internal, e.what());
    }
    if (!woundUp) {
        log::warn("a cancelled event's sales are not wound up yet",
                  {{"event_id", eventId}, {"error", woundUp.error().message}});
        return false;
    }
    m_database.transact([&](db::Transaction& tx) { EventRepository(tx).markWoundUp(eventId); });
    log::info("a cancelled event's sales are wound up", {{"event_id", eventId}, {"tickets_cancelled", *woundUp}});
    return true;
}

int EventPlanning::windUpCancelledEvents()
{
    const auto waiting = m_database.read([&](db::Transaction& tx) { return EventRepository(tx).awaitingWindUp(50); });
    int finished = 0;
    for (const auto& id : waiting)
        finished += windUpSales(id, "");
    return finished;
}

Result<Event> EventPlanning::copy(const access::Principal& caller, const std::string& eventId,
                                  const EventCopyRequest& request, const CallContext& call)
{
    if (!isUuid(eventId))
        return noSuchEvent(eventId);
    struct Source {
        Event event;
        std::vector<TeamSeat> team;
        std::vector<TeamMember> members;
        std::vector<ScheduleItem> schedule;
    };
    auto source = m_database.read([&](db::Transaction& tx) -> Result<Source> {
        EventRepository events(tx);
        auto seen = seenEvent(events, caller, eventId, false);
        if (!seen)
            return seen.error();
        if (!managesEvent(caller, seen->facts))
            return Error(ErrorCode::Forbidden, "only the event's organizer, a co-organizer or an admin may copy it");
        return Source{seen->event, seen->facts.team, events.team(eventId), events.schedule(eventId)};
    });
    if (!source)
        return source.error();
    const std::int64_t oldStart = *parseRfc3339(source->event.startsAt);
    const std::int64_t oldEnd = *parseRfc3339(source->event.endsAt);
    const std::int64_t newStart = request.startsAt ? *parseRfc3339(*request.startsAt) : oldStart;
    const std::int64_t newEnd = request.endsAt ? *parseRfc3339(*request.endsAt) : newStart + (oldEnd - oldStart);
    if (newEnd <= newStart)
        return invalidField(request.endsAt ? "ends_at" : "starts_at", "must leave ends_at after starts_at");
    const std::int64_t shift = newStart - oldStart;
    const auto moved = [shift](const std::string& time) { return formatRfc3339(*parseRfc3339(time) + shift); };

    EventDraft draft{request.title.value_or(source->event.title),
                     source->event.description,
                     source->event.venue,
                     formatRfc3339(newStart),
                     formatRfc3339(newEnd),
                     source->event.timezone,
                     source->event.categoryId,
                     source->event.coverUrl};
    auto copied = m_database.transact([&](db::Transaction& tx) -> Result<Event> {
        EventRepository events(tx);
        // The copy belongs to the same organizer, and the same people work it.
        Event created = events.insert(source->event.organizerId, draft);
        std::vector<ScheduleItem> schedule = source->schedule;
        for (auto& item : schedule) {
            item.startsAt = moved(item.startsAt);
            item.endsAt = moved(item.endsAt);
        }
        events.replaceSchedule(created.id, schedule);
        for (TeamMember member : source->members) {
            member.addedBy = caller.userId;
            events.putTeamMember(created.id, member);
        }
        return created;
    });
    if (!copied)
        return copied.error();

    const auto sales = m_directory->find<TicketSales>();
    Result<int> ticketTypes = Error(ErrorCode::Overloaded, "ticket sales are not reachable from this process");
    if (sales) {
        try {
            ticketTypes = sales->copySalesSetup(eventId, copied->id, shift);
        } catch (const std::exception& e) {
            ticketTypes = Error(ErrorCode::Overloaded, e.what());
        }
    }
    if (!ticketTypes) {
        // Half a copy is worse than none: the draft goes, and the organizer may simply ask again.
        m_database.transact([&](db::Transaction& tx) { EventRepository(tx).removeDraft(copied->id); });
        log::warn("an event copy was undone: its ticket types could not be copied",
                  {{"event_id", eventId}, {"error", ticketTypes.error().message}, {"trace_id", call.traceId}});
        return Error(ErrorCode::Overloaded, "the ticket types could not be copied; nothing was created, try again");
    }
    return copied;
}

Result<std::vector<ScheduleItem>> EventPlanning::schedule(const std::optional<access::Principal>& caller,
                                                          const std::string& eventId)
{
    auto event = read(caller, eventId);
    if (!event)
        return event.error();
    return m_database.read([&](db::Transaction& tx) { return EventRepository(tx).schedule(eventId); });
}

Result<std::vector<ScheduleItem>> EventPlanning::replaceSchedule(const access::Principal& caller,
                                                                 const std::string& eventId,
                                                                 const std::vector<ScheduleItem>& items)
{
    return m_database.transact([&](db::Transaction& tx) -> Result<std::vector<ScheduleItem>> {
        EventRepository events(tx);
        auto current = eventToChange(events, caller, eventId);
        if (!current)
            return current.error();
        if (current->status == EventStatus::Cancelled || current->status == EventStatus::Completed)
            return Error(ErrorCode::Conflict, "a " + statusText(current->status) + " event's schedule cannot change",
                         {{"status", current->status}});
        const auto eventStart = *parseRfc3339(current->startsAt);
        const auto eventEnd = *parseRfc3339(current->endsAt);
        nlohmann::json problems = nlohmann::json::array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (*parseRfc3339(items[i].startsAt) < eventStart || *parseRfc3339(items[i].endsAt) > eventEnd)
                problems.push_back(
                    {{"field", "items[" + std::to_string(i) + "]"},
                     {"problem", "must lie within the event (" + current->startsAt + " to " + current->endsAt + ")"}});
        }
        if (!problems.empty())
            return Error(ErrorCode::ValidationFailed, "schedule items must lie within the event",
                         {{"fields", problems}});
        events.replaceSchedule(eventId, items);
        auto stored = events.schedule(eventId);
        return stored;
    });
}

std::vector<Category> EventPlanning::categories()
{
    return m_database.read([&](db::Transaction& tx) { return EventRepository(tx).categories(); });
}

Result<Category> EventPlanning::createCategory(const std::string& slug, const std::string& name)
{
    auto created = m_database.transact([&](db::Transaction& tx) {
        auto category = EventRepository(tx).insertCategory(slug, name);
        return category;
    });
    if (!created)
        return Error(ErrorCode::Conflict, "a category with this slug exists", {{"slug", slug}});
    return *created;
}

Result<Category> EventPlanning::renameCategory(std::int64_t id, const std::string& name)
{
    auto renamed = m_database.transact([&](db::Transaction& tx) {
        auto category = EventRepository(tx).renameCategory(id, name);
        return category;
    });
    if (!renamed)
        return Error(ErrorCode::NotFound, "no such category", {{"id", id}});
    return *renamed;
}

Result<bool> EventPlanning::deleteCategory(std::int64_t id)
{
    const Error inUse(ErrorCode::Conflict, "events still use this category; move them first", {{"id", id}});
    try {
        return m_database.transact([&](db::Transaction& tx) -> Result<bool> {
            EventRepository events(tx);
            if (!events.category(id))
                return Error(ErrorCode::NotFound, "no such category", {{"id", id}});
            if (!events.deleteCategory(id))
                return inUse;
            return true;
        });
    } catch (const db::ForeignKeyViolation&) {
        return inUse; // an event took it between our check and the delete
    }
}

int EventPlanning::sendDueReminders(std::int64_t leadSeconds)
{
    return m_database.transact([&](db::Transaction& tx) {
        EventRepository events(tx);
        const auto due = events.claimDueReminders(leadSeconds, 500);
        // The claim and the events commit together: a crash re-sends nothing and loses nothing.
        for (const auto& event : due)
            outbox::append(tx, "events", {"event", event.id, "event.reminder", eventSummary(event), ""});
        return static_cast<int>(due.size());
    });
}

int EventPlanning::completeEndedEvents()
{
    return m_database.transact([&](db::Transaction& tx) {
        EventRepository events(tx);
        const auto ended = events.completeEnded(500);
        for (const auto& event : ended) {
            nlohmann::json data = eventSummary(event);
            data["changed"] = {"status"};
            data["status"] = "completed";
            data["version"] = event.version;
            outbox::append(tx, "events", {"event", event.id, "event.updated", data, ""});
        }
        return static_cast<int>(ended.size());
    });
}

} // namespace sbor::events
