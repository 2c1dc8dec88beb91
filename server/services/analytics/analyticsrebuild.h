#pragma once
// The per-minute totals made again from the source (after a wipe, a bug, a late deployment of
// the analytics service): the tickets service's records of an event's orders, tickets and door
// and the payments service's of its payments, counted by the same functions the bus intake uses
// (aggregate.h), at the same moments. For a quiet moment: a message that arrives while an event
// is rebuilt may be counted twice.

#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>

namespace sbor::analytics {

class AnalyticsRebuild {
public:
    AnalyticsRebuild(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    // One event, or (nullopt) every event that has sold anything. Returns how many were rebuilt.
    Result<int> rebuild(const std::optional<std::string>& eventId);

private:
    void rebuildEvent(const std::string& eventId);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
};

} // namespace sbor::analytics
