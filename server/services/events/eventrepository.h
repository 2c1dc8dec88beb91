#pragma once
// SQL for the events schema, on a transaction the caller owns.

#include "event.h"

#include <nlohmann/json.hpp>
#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::events {

class EventRepository {
public:
    explicit EventRepository(db::Transaction& tx) : m_tx(tx) {}

    Event insert(const std::string& organizerId, const EventDraft& draft);
    // Deletes a draft nobody has seen yet (an undone copy), with its schedule and team.
    void removeDraft(const std::string& id);
    std::optional<Event> find(const std::string& id, bool lock = false);
    Event update(const std::string& id, const EventChanges& changes);
    Event setStatus(const std::string& id, EventStatus status,
                    const std::optional<std::string>& cancelReason = std::nullopt);
    // Items plus one: the extra row says whether there is a next page.
    std::vector<Event> list(const EventQuery& query);
    int countOrganizedBy(const std::string& organizerId);
    // Sort value of an event for a cursor under `sort`.
    static std::string sortValue(const Event& event, EventSort sort);

    std::vector<ScheduleItem> schedule(const std::string& eventId);
    void replaceSchedule(const std::string& eventId, const std::vector<ScheduleItem>& items);

    // The event's team, oldest first: the seats (for rights) and the members as listed.
    std::vector<TeamSeat> teamSeats(const std::string& eventId);
    std::vector<TeamMember> team(const std::string& eventId);
    // Adds the person, or changes their role; nullopt when they already had that role.
    std::optional<TeamMember> putTeamMember(const std::string& eventId, const TeamMember& member);
    // The removed member; nullopt when the person was not on the team.
    std::optional<TeamMember> removeTeamMember(const std::string& eventId, const std::string& userId);

    bool timezoneExists(const std::string& name);
    std::vector<Category> categories();
    std::optional<Category> category(std::int64_t id);
    std::optional<Category> insertCategory(const std::string& slug, const std::string& name); // nullopt: slug taken
    std::optional<Category> renameCategory(std::int64_t id, const std::string& name);
    // False when an event still uses it.
    bool deleteCategory(std::int64_t id);

    // The reminder job: marks published events starting within `leadSeconds` as reminded and
    // returns them — one statement, so a restart never reminds twice.
    std::vector<Event> claimDueReminders(std::int64_t leadSeconds, int limit);
    // Published events whose end has passed become completed; returns them.
    std::vector<Event> completeEnded(int limit);
    // Cancelled events whose sales are not wound up yet, oldest first.
    std::vector<std::string> awaitingWindUp(int limit);
    void markWoundUp(const std::string& id);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::events
