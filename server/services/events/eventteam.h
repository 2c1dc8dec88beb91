#pragma once
// An event's team (issue 16): the organizer adds people by their account's email as
// co-organizers or door staff, sees them and removes them; a member may also leave. Every change
// is announced (event.team_member_added / event.team_member_removed): the person is told, the
// audit log records who added whom. Rights follow from the seats (service/eventaccess.h).

#include "event.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <string>
#include <vector>

namespace sbor::events {

struct TeamChange {
    TeamMember member;
    bool added = false; // false: an existing member's role changed
};

class EventTeam {
public:
    // More would be a sign of a script gone wrong, not of an event.
    static constexpr int kMaxMembers = 200;

    EventTeam(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    // The organizer, co-organizers and admins see the team.
    Result<std::vector<TeamMember>> members(const access::Principal& caller, const std::string& eventId);
    // Adds the person, or gives a member another role (then `added` is false; the same role
    // again changes nothing and announces nothing).
    Result<TeamChange> add(const access::Principal& caller, const std::string& eventId,
                           const TeamInvitation& invitation, const CallContext& call);
    // The organizer or an admin removes anyone; a member may remove themselves.
    Result<TeamMember> remove(const access::Principal& caller, const std::string& eventId, const std::string& userId,
                              const CallContext& call);

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::events
