#pragma once
// Support's ear on the bus: platform.settings_changed (the admin service) brings the response
// targets new requests get their deadlines from. Idempotent through support's inbox; an older
// version heard late changes nothing.

#include "bus/bus.h"
#include "db/connectionpool.h"

namespace sbor::support {

class TargetsIntake {
public:
    explicit TargetsIntake(db::ConnectionPool& database) : m_database(database) {}
    // True when taken (or not about the settings).
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::support
