#include "service/eventaccess.h"

#include <algorithm>

namespace sbor {

std::optional<TeamRole> teamRoleOf(const EventFacts& event, const std::string& userId)
{
    const auto seat = std::find_if(event.team.begin(), event.team.end(),
                                   [&](const TeamSeat& candidate) { return candidate.userId == userId; });
    return seat == event.team.end() ? std::nullopt : std::optional(seat->role);
}

bool mayChangeTeam(const access::Principal& caller, const EventFacts& event)
{
    if (caller.device)
        return false;
    return caller.has(access::Permission::EventsWriteAny) ||
        (caller.userId == event.organizerId && caller.has(access::Permission::EventsWrite));
}

bool managesEvent(const access::Principal& caller, const EventFacts& event)
{
    if (caller.device)
        return false; // a kiosk works its door, nothing more
    return mayChangeTeam(caller, event) || teamRoleOf(event, caller.userId) == TeamRole::CoOrganizer;
}

bool worksTheDoor(const access::Principal& caller, const EventFacts& event)
{
    if (caller.device)
        return caller.device->eventId == event.id;
    return managesEvent(caller, event) || teamRoleOf(event, caller.userId) == TeamRole::Door;
}

} // namespace sbor
