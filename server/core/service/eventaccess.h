#pragma once
// Who may do what with one event: its organizer, the people on its team (contracts.h TeamSeat)
// and admins. Every service that guards an event's data asks these, with the EventFacts it got
// from the EventDirectory, so "may this person touch this event?" has one answer everywhere.
//
//   manage    the organizer (while an organizer), a co-organizer of this event, an admin
//   the team  changed by the organizer and admins only; co-organizers see it
//   the door  a kiosk enrolled for this event, door staff of this event, and whoever manages it
// A role alone (organizer, staff) gives no rights on somebody else's event.

#include "access/access.h"
#include "service/contracts.h"

#include <optional>

namespace sbor {

std::optional<TeamRole> teamRoleOf(const EventFacts& event, const std::string& userId);
bool managesEvent(const access::Principal& caller, const EventFacts& event);
bool mayChangeTeam(const access::Principal& caller, const EventFacts& event);
bool worksTheDoor(const access::Principal& caller, const EventFacts& event);

} // namespace sbor
