#pragma once
// The audit log hears what other services changed and name who did it: event teams (issue 16:
// event.team_member_added / event.team_member_removed, the person added or removed as target) and
// the platform's settings (issue 17: platform.settings_changed with each field's old and new
// value). Each becomes an audit entry with the person who made the change as its actor.
// Idempotent through auth's inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <string>
#include <vector>

namespace sbor::auth {

class AuditIntake {
public:
    explicit AuditIntake(db::ConnectionPool& database) : m_database(database) {}
    // True when recorded (or not a change the audit log keeps); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

const std::vector<std::string>& auditIntakeTopics();

} // namespace sbor::auth
