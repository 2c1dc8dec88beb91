#include "salesrecords.h"

#include "db/sqlvalues.h"
#include "sbor/uuid.h"

#include <pqxx/pqxx>

namespace sbor::tickets {
namespace {

// Microseconds since the epoch, exactly (extract gives a numeric in PostgreSQL 14 and later).
std::string microsSql(const std::string& column) { return "(extract(epoch FROM " + column + ") * 1000000)::bigint"; }

} // namespace

std::vector<std::string> SalesRecordsFromDatabase::eventsWithSales()
{
    return m_database.read([&](db::Transaction& tx) {
        std::vector<std::string> events;
        for (const auto& row : tx.sql().exec("SELECT DISTINCT event_id::text FROM tickets.orders ORDER BY 1"))
            events.push_back(row[0].as<std::string>());
        return events;
    });
}

EventSalesRecord SalesRecordsFromDatabase::salesRecord(const std::string& eventId)
{
    EventSalesRecord record;
    record.eventId = eventId;
    if (!isUuid(eventId))
        return record;
    // One snapshot: the tickets, their orders and the door agree with each other.
    return m_database.readSnapshot([&](db::Transaction& tx) {
        for (const auto& row : tx.sql().exec_params(
                 "SELECT " + microsSql("created_at") + " FROM tickets.orders WHERE event_id = $1::uuid", eventId))
            record.ordersPlacedAt.push_back(row[0].as<std::int64_t>());
        for (
            const auto& row : tx.sql().exec_params(
                "SELECT t.id::text, t.ticket_type_id::text, coalesce(i.unit_price, 0), o.currency, " +
                    microsSql("t.created_at") + ", " + microsSql("t.cancelled_at") +
                    " FROM tickets.tickets t JOIN tickets.orders o ON o.id = t.order_id "
                    "LEFT JOIN tickets.order_items i ON i.order_id = t.order_id AND i.ticket_type_id = t.ticket_type_id "
                    "WHERE t.event_id = $1::uuid",
                eventId))
            record.tickets.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::int64_t>(),
                                      row[3].as<std::string>(), row[4].as<std::int64_t>(),
                                      db::optionalValue<std::int64_t>(row[5])});
        for (const auto& row : tx.sql().exec_params(
                 "SELECT list_id::text, scan_id, kind = 'exit', " + microsSql("scanned_at") +
                     " FROM tickets.scans WHERE event_id = $1::uuid AND result = 'ok' AND annulled_at IS NULL "
                     "AND kind IN ('entry', 'exit')",
                 eventId))
            record.admissions.push_back(
                {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<bool>(), row[3].as<std::int64_t>()});
        return record;
    });
}

} // namespace sbor::tickets
