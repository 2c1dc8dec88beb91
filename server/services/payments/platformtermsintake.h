#pragma once
// Payments' ear on the bus: platform.settings_changed (the admin service) updates the terms it
// charges by, and event.published books the publication fee in force for that event's organizer
// (announced as publication_fee.charged). Idempotent through payments' inbox.

#include "bus/bus.h"
#include "db/connectionpool.h"

#include <string>
#include <vector>

namespace sbor::payments {

class PlatformTermsIntake {
public:
    explicit PlatformTermsIntake(db::ConnectionPool& database) : m_database(database) {}
    // True when taken (or not about terms or publishing); throws when it must come again.
    bool take(const bus::Message& message);

private:
    db::ConnectionPool& m_database;
};

const std::vector<std::string>& platformTermsTopics();

} // namespace sbor::payments
