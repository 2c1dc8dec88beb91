#include "salesviewrepository.h"

#include "orderrepository.h"

#include "db/sqlfragments.h"
#include "db/sqlvalues.h"

#include <map>

namespace sbor::tickets {
namespace {

using db::rfc3339Sql;

// An id prefix pattern for `text` when it could begin a UUID ("3f2a", "3f2a1b9c-77"); "" when not.
std::string idPrefixPattern(const std::string& text)
{
    if (text.empty() || text.size() > 36)
        return "";
    std::string pattern;
    for (char c : text) {
        const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f') || lower == '-'))
            return "";
        pattern += lower;
    }
    return pattern + "%";
}

struct SortSql {
    const char* value;   // the sort column, as text for the cursor
    const char* orderBy; // the ORDER BY of the page
    const char* keyset;  // rows after ($after_value, $after_id)
};

SortSql orderSortSql(OrderSort sort)
{
    switch (sort) {
    case OrderSort::NewestFirst:
        return {"o.created_at", "o.created_at DESC, o.id DESC", "(o.created_at, o.id) < ($8::timestamptz, $9::uuid)"};
    case OrderSort::OldestFirst:
        return {"o.created_at", "o.created_at ASC, o.id ASC", "(o.created_at, o.id) > ($8::timestamptz, $9::uuid)"};
    case OrderSort::LargestFirst:
        return {"o.total", "o.total DESC, o.id DESC", "(o.total, o.id) < ($8::bigint, $9::uuid)"};
    case OrderSort::SmallestFirst:
        return {"o.total", "o.total ASC, o.id ASC", "(o.total, o.id) > ($8::bigint, $9::uuid)"};
    }
    return orderSortSql(OrderSort::NewestFirst);
}

SortSql attendeeSortSql(AttendeeSort sort)
{
    switch (sort) {
    case AttendeeSort::NameAscending:
        return {"lower(t.holder_name)", "lower(t.holder_name) ASC, t.id ASC",
                "(lower(t.holder_name), t.id) > ($7::text, $8::uuid)"};
    case AttendeeSort::NameDescending:
        return {"lower(t.holder_name)", "lower(t.holder_name) DESC, t.id DESC",
                "(lower(t.holder_name), t.id) < ($7::text, $8::uuid)"};
    case AttendeeSort::OldestFirst:
        return {"t.created_at", "t.created_at ASC, t.id ASC", "(t.created_at, t.id) > ($7::timestamptz, $8::uuid)"};
    case AttendeeSort::NewestFirst:
        return {"t.created_at", "t.created_at DESC, t.id DESC", "(t.created_at, t.id) < ($7::timestamptz, $8::uuid)"};
    }
    return attendeeSortSql(AttendeeSort::NameAscending);
}

// A sort value as text that reads back into the same value: times with microseconds.
std::string sortValueSql(const char* column)
{
    const std::string name = column;
    return name.find("created_at") != std::string::npos ? rfc3339Sql(name) : name + "::text";
}

} // namespace

std::vector<PositionedRow<EventOrder>> SalesViewRepository::orders(const std::string& eventId,
                                                                   const EventOrderQuery& query,
                                                                   const std::optional<SortPosition>& after, int count)
{
    const SortSql sort = orderSortSql(query.sort);
    const std::string pattern = query.text.empty() ? std::string() : db::containsPattern(query.text);
    const std::string sql = "SELECT o.id::text, o.buyer_name, o.buyer_email, " + sortValueSql(sort.value) +
        " FROM tickets.orders o WHERE o.event_id = $1::uuid "
        "AND ($2 = '' OR o.status = $2) "
        "AND ($3 = '' OR o.buyer_name ILIKE $3 OR o.buyer_email ILIKE $3 OR ($4 <> '' AND o.id::text LIKE $4) "
        "  OR EXISTS (SELECT 1 FROM tickets.order_attendees a WHERE a.order_id = o.id AND (a.name ILIKE $3 OR a.email ILIKE $3)) "
        "  OR EXISTS (SELECT 1 FROM tickets.tickets t WHERE t.order_id = o.id AND (t.holder_name ILIKE $3 OR t.holder_email ILIKE $3))) "
        "AND ($5 = '' OR EXISTS (SELECT 1 FROM tickets.order_items i WHERE i.order_id = o.id AND i.ticket_type_id = NULLIF($5, '')::uuid)) "
        "AND ($6 = '' OR o.created_at >= NULLIF($6, '')::timestamptz) "
        "AND ($7 = '' OR o.created_at < NULLIF($7, '')::timestamptz) "
        "AND ($10 = '' OR " +
        std::string(sort.keyset) +
        ") "
        "ORDER BY " +
        sort.orderBy + " LIMIT $11";
    const bool paged = after.has_value();
    const bool byTime = query.sort == OrderSort::NewestFirst || query.sort == OrderSort::OldestFirst;
    const pqxx::result found = m_tx.sql().exec_params(
        sql, eventId, query.status ? statusText(*query.status) : std::string(), pattern, idPrefixPattern(query.text),
        query.ticketTypeId.value_or(""), query.createdFrom.value_or(""), query.createdTo.value_or(""),
        paged ? after->value : std::string(byTime ? "1970-01-01T00:00:00Z" : "0"),
        paged ? after->id : std::string("00000000-0000-0000-0000-000000000000"), paged ? "yes" : "", count);

    std::vector<std::string> ids;
    for (const auto& row : found)
        ids.push_back(row[0].as<std::string>());
    std::vector<Order> loaded = OrderRepository(m_tx).findMany(ids);
    std::vector<PositionedRow<EventOrder>> rows;
    for (std::size_t i = 0; i < loaded.size() && i < found.size(); ++i) {
        const auto& row = found[static_cast<int>(i)];
        EventOrder order;
        order.order = std::move(loaded[i]);
        order.buyer = {order.order.buyerId, row[1].as<std::string>(), row[2].as<std::string>()};
        rows.push_back({std::move(order), {row[3].as<std::string>(), row[0].as<std::string>()}});
    }
    addDetails(rows);
    return rows;
}

void SalesViewRepository::addDetails(std::vector<PositionedRow<EventOrder>>& rows)
{
    if (rows.empty())
        return;
    std::map<std::string, EventOrder*> byId;
    std::vector<std::string> ids;
    for (auto& row : rows) {
        byId[row.item.order.id] = &row.item;
        ids.push_back(row.item.order.id);
    }
    const std::string idArray = db::arrayLiteral(ids);
    // Issued tickets stand for their attendees; an order not paid yet has only the attendees as ordered.
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT t.order_id::text, t.id::text, t.ticket_type_id::text, t.holder_name, t.holder_email, t.status "
             "FROM tickets.tickets t WHERE t.order_id = ANY($1::uuid[]) ORDER BY t.order_id, t.created_at, t.id",
             idArray))
        byId[row[0].as<std::string>()]->attendees.push_back({row[1].as<std::string>(), row[2].as<std::string>(),
                                                             row[3].as<std::string>(), row[4].as<std::string>(),
                                                             db::statusValue<TicketStatus>(row[5])});
    for (
        const auto& row : m_tx.sql().exec_params(
            "SELECT a.order_id::text, a.ticket_type_id::text, a.name, a.email FROM tickets.order_attendees a "
            "WHERE a.order_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM tickets.tickets t WHERE t.order_id = a.order_id) "
            "ORDER BY a.order_id, a.ticket_type_id, a.position",
            idArray))
        byId[row[0].as<std::string>()]->attendees.push_back(
            {"", row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(), std::nullopt});
    for (const auto& row :
         m_tx.sql().exec_params("SELECT h.order_id::text, h.status, " + rfc3339Sql("h.at") +
                                    " FROM tickets.order_history h WHERE h.order_id = ANY($1::uuid[]) "
                                    "ORDER BY h.order_id, h.id",
                                idArray))
        byId[row[0].as<std::string>()]->history.push_back(
            {db::statusValue<OrderStatus>(row[1]), row[2].as<std::string>()});
}

std::vector<PositionedRow<EventAttendee>> SalesViewRepository::attendees(const std::string& eventId,
                                                                         const EventAttendeeQuery& query,
                                                                         const std::optional<SortPosition>& after,
                                                                         int count)
{
    const SortSql sort = attendeeSortSql(query.sort);
    const std::string pattern = query.text.empty() ? std::string() : db::containsPattern(query.text);
    const std::string sql =
        "SELECT t.id::text, t.order_id::text, t.holder_name, t.holder_email, t.ticket_type_id::text, "
        "t.status, t.blocked, first_entry.at, first_entry.list_id, " +
        sortValueSql(sort.value) +
        " FROM tickets.tickets t "
        "LEFT JOIN LATERAL (SELECT " +
        rfc3339Sql("s.received_at") +
        " AS at, s.list_id::text AS list_id FROM tickets.scans s "
        "  WHERE s.ticket_id = t.id AND s.result = 'ok' AND s.annulled_at IS NULL AND s.kind = 'entry' "
        "  ORDER BY s.received_at LIMIT 1) first_entry ON true "
        "WHERE t.event_id = $1::uuid "
        "AND ($2 = '' OR t.holder_name ILIKE $2 OR t.holder_email ILIKE $2 OR ($3 <> '' AND (t.id::text LIKE $3 OR t.order_id::text LIKE $3))) "
        "AND ($4 = '' OR t.ticket_type_id = NULLIF($4, '')::uuid) "
        "AND ($5 = '' OR t.status = $5) "
        "AND ($6 = '' OR ($6 = 'true') = (first_entry.at IS NOT NULL)) "
        "AND ($9 = '' OR " +
        std::string(sort.keyset) +
        ") "
        "ORDER BY " +
        sort.orderBy + " LIMIT $10";
    const bool paged = after.has_value();
    const bool byTime = query.sort == AttendeeSort::OldestFirst || query.sort == AttendeeSort::NewestFirst;
    std::vector<PositionedRow<EventAttendee>> rows;
    for (const auto& row : m_tx.sql().exec_params(
             sql, eventId, pattern, idPrefixPattern(query.text), query.ticketTypeId.value_or(""),
             query.status ? statusText(*query.status) : std::string(),
             query.checkedIn ? std::string(*query.checkedIn ? "true" : "false") : std::string(),
             paged ? after->value : std::string(byTime ? "1970-01-01T00:00:00Z" : ""),
             paged ? after->id : std::string("00000000-0000-0000-0000-000000000000"), paged ? "yes" : "", count)) {
        EventAttendee attendee;
        attendee.ticketId = row[0].as<std::string>();
        attendee.orderId = row[1].as<std::string>();
        attendee.holderName = row[2].as<std::string>();
        attendee.holderEmail = row[3].as<std::string>();
        attendee.ticketTypeId = row[4].as<std::string>();
        attendee.status = db::statusValue<TicketStatus>(row[5]);
        attendee.blocked = row[6].as<bool>();
        attendee.checkedInAt = db::optionalText(row[7]);
        attendee.listId = db::optionalText(row[8]);
        rows.push_back({std::move(attendee), {row[9].as<std::string>(), row[0].as<std::string>()}});
    }
    return rows;
}

} // namespace sbor::tickets
