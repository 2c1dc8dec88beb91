#include "eventstatistics.h"

#include "db/sqlfragments.h"

#include <pqxx/pqxx>

namespace sbor::tickets {

EventStatistics readEventStatistics(db::Transaction& tx, const std::string& eventId)
{
    EventStatistics stats;
    for (const auto& row : tx.sql().exec_params(
             "SELECT t.id::text, t.name, t.quota, "
             "(SELECT count(*) FROM tickets.tickets k WHERE k.ticket_type_id = t.id AND k.status = 'valid')::integer, "
             "(SELECT COALESCE(sum(h.seats), 0) FROM tickets.seat_holds h JOIN tickets.orders o ON o.id = h.order_id "
             " WHERE h.ticket_type_id = t.id AND o.status = 'pending')::integer "
             "FROM tickets.ticket_types t WHERE t.event_id = $1::uuid ORDER BY t.created_at, t.id",
             eventId))
        stats.sales.push_back(
            {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<int>(), row[3].as<int>(), row[4].as<int>()});
    for (const auto& row : tx.sql().exec_params(
             "SELECT currency, sum(total) FROM tickets.orders WHERE event_id = $1::uuid AND status = 'paid' "
             "GROUP BY currency ORDER BY currency",
             eventId))
        stats.revenue.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>()});
    // Accepted, not annulled scans are what happened at the door.
    const std::string accepted = "s.result = 'ok' AND s.annulled_at IS NULL";
    for (
        const auto& row : tx.sql().exec_params(
            "SELECT l.id::text, l.name, "
            "count(DISTINCT s.ticket_id) FILTER (WHERE s.kind = 'entry')::integer, "
            "count(s.id) FILTER (WHERE s.kind = 'entry')::integer, count(s.id) FILTER (WHERE s.kind = 'exit')::integer "
            "FROM tickets.checkin_lists l LEFT JOIN tickets.scans s ON s.list_id = l.id AND " +
                accepted +
                " WHERE l.event_id = $1::uuid GROUP BY l.id, l.name, l.created_at ORDER BY l.created_at, l.id",
            eventId)) {
        ListCheckIns list{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<int>(), row[3].as<int>(),
                          row[4].as<int>()};
        stats.insideNow += list.entries - list.exits;
        stats.lists.push_back(std::move(list));
    }
    for (const auto& row : tx.sql().exec_params(
             "SELECT COALESCE(s.device_id, s.user_id)::text, s.device_id IS NOT NULL, count(*)::integer "
             "FROM tickets.scans s WHERE s.event_id = $1::uuid AND s.kind = 'entry' AND " +
                 accepted + " GROUP BY 1, 2 ORDER BY 3 DESC, 1",
             eventId))
        stats.scanners.push_back(
            {row[0].is_null() ? std::string() : row[0].as<std::string>(), row[1].as<bool>(), row[2].as<int>()});
    for (
        const auto& row : tx.sql().exec_params(
            "SELECT " + db::rfc3339Sql("date_trunc('minute', s.received_at)") +
                ", count(*)::integer "
                "FROM tickets.scans s WHERE s.event_id = $1::uuid AND s.kind = 'entry' AND " +
                accepted +
                " AND s.received_at > now() - interval '1 hour' GROUP BY date_trunc('minute', s.received_at) ORDER BY 1",
            eventId))
        stats.lastHour.push_back({row[0].as<std::string>(), row[1].as<int>()});
    stats.conflicts = tx.sql()
                          .exec_params1(
                              "SELECT count(*)::integer FROM tickets.checkin_conflicts WHERE event_id = $1::uuid",
                              eventId)[0]
                          .as<int>();
    return stats;
}

} // namespace sbor::tickets
