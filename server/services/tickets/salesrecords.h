#pragma once
// The SalesRecords contract (service/contracts.h) from the tickets schema: an event's orders,
// tickets and standing admissions as the analytics' rebuild counts them.

#include "db/connectionpool.h"
#include "service/contracts.h"

namespace sbor::tickets {

class SalesRecordsFromDatabase : public SalesRecords {
public:
    explicit SalesRecordsFromDatabase(db::ConnectionPool& database) : m_database(database) {}
    std::vector<std::string> eventsWithSales() override;
    EventSalesRecord salesRecord(const std::string& eventId) override;

private:
    db::ConnectionPool& m_database;
};

} // namespace sbor::tickets
