#include "eventteam.h"

#include "eventplanning.h"
#include "eventrepository.h"

#include "outbox/outbox.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::events {
namespace {

nlohmann::json teamMessage(const Event& event, const TeamMember& member, const std::string& changedBy)
{
    return {{"event_id", event.id},       {"organizer_id", event.organizerId},
            {"title", event.title},       {"starts_at", event.startsAt},
            {"timezone", event.timezone}, {"venue", event.venue},
            {"user_id", member.userId},   {"email", member.email},
            {"name", member.name},        {"role", member.role},
            {"changed_by", changedBy}};
}

Error noSuchMember(const std::string& userId) { return noSuch("team member", userId); }

} // namespace

Result<std::vector<TeamMember>> EventTeam::members(const access::Principal& caller, const std::string& eventId)
{
    return m_database.read([&](db::Transaction& tx) -> Result<std::vector<TeamMember>> {
        EventRepository events(tx);
        auto seen = seenEvent(events, caller, eventId, false);
        if (!seen)
            return seen.error();
        if (!managesEvent(caller, seen->facts))
            return Error(ErrorCode::Forbidden, "only the event's organizer, a co-organizer or an admin sees its team");
        return events.team(eventId);
    });
}

Result<TeamChange> EventTeam::add(const access::Principal& caller, const std::string& eventId,
                                  const TeamInvitation& invitation, const CallContext& call)
{
    if (!isUuid(eventId))
        return noSuchEvent(eventId);
    // Asked before the transaction: the directory may answer over the network.
    const auto users = m_directory->find<UserDirectory>();
    if (!users)
        return Error(ErrorCode::Overloaded, "accounts are not reachable from this process; try again later");
    const auto person = users->contactByEmail(invitation.email);
    return m_database.transact([&](db::Transaction& tx) -> Result<TeamChange> {
        EventRepository events(tx);
        auto seen = seenEvent(events, caller, eventId, true);
        if (!seen)
            return seen.error();
        const Event* event = &seen->event;
        const EventFacts& facts = seen->facts;
        if (!mayChangeTeam(caller, facts))
            return Error(ErrorCode::Forbidden, "only the event's organizer or an admin may change its team");
        if (event->status == EventStatus::Cancelled || event->status == EventStatus::Completed)
            return Error(ErrorCode::Conflict, "a " + statusText(event->status) + " event's team cannot change",
                         {{"status", event->status}});
        if (!person)
            return invalidField("email", "belongs to no Sbor account; ask the person to sign up first",
                                "no account has the email " + invitation.email);
        if (person->userId == event->organizerId)
            return invalidField("email", "is the event's organizer, who has every right already");
        const auto current = teamRoleOf(facts, person->userId);
        if (!current && static_cast<int>(facts.team.size()) >= kMaxMembers)
            return Error(ErrorCode::Conflict, "an event's team has at most " + std::to_string(kMaxMembers) + " people",
                         {{"limit", kMaxMembers}});
        TeamMember wanted{person->userId, person->email, person->name, invitation.role, caller.userId, ""};
        const auto stored = events.putTeamMember(eventId, wanted);
        if (!stored) { // already on the team with that role: nothing to announce
            for (const auto& member : events.team(eventId)) {
                if (member.userId == person->userId)
                    return TeamChange{member, false};
            }
        }
        outbox::append(
            tx, "events",
            {"event", eventId, "event.team_member_added", teamMessage(*event, *stored, caller.userId), call.traceId});
        return TeamChange{*stored, !current};
    });
}

Result<TeamMember> EventTeam::remove(const access::Principal& caller, const std::string& eventId,
                                     const std::string& userId, const CallContext& call)
{
    if (!isUuid(eventId))
        return noSuchEvent(eventId);
    if (!isUuid(userId))
        return noSuchMember(userId);
    return m_database.transact([&](db::Transaction& tx) -> Result<TeamMember> {
        EventRepository events(tx);
        auto seen = seenEvent(events, caller, eventId, true);
        if (!seen)
            return seen.error();
        const Event* event = &seen->event;
        const EventFacts& facts = seen->facts;
        const bool leaving = !caller.device && canonicalUuid(userId) == caller.userId;
        if (!leaving && !mayChangeTeam(caller, facts))
            return Error(ErrorCode::Forbidden, "only the event's organizer or an admin may change its team");
        const auto removed = events.removeTeamMember(eventId, canonicalUuid(userId));
        if (!removed)
            return noSuchMember(userId);
        outbox::append(tx, "events",
                       {"event", eventId, "event.team_member_removed", teamMessage(*event, *removed, caller.userId),
                        call.traceId});
        return *removed;
    });
}

} // namespace sbor::events
