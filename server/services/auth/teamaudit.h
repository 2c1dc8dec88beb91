#pragma once
// The audit log hears about event teams (issue 16): the events service announces who added or
// removed whom (event.team_member_added / event.team_member_removed), and each becomes an audit
// entry with the person who made the change as its actor. Idempotent through auth's inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::auth {

class TeamAudit {
public:
    explicit TeamAudit(db::ConnectionPool& database) : m_database(database) {}
    // True when recorded (or not about a team); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::auth
