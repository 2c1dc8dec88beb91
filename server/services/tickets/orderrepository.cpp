#include "orderrepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"

#include <map>

namespace sbor::tickets {
namespace {

using db::rfc3339Sql;

std::string orderColumns()
{
    return "o.id::text, o.event_id::text, o.buyer_id::text, o.status, o.total, o.currency, o.payment_id::text, " +
        rfc3339Sql("o.hold_expires_at") + ", " + rfc3339Sql("o.created_at") + ", " + rfc3339Sql("o.updated_at");
}

Order orderFrom(const pqxx::row& row)
{
    Order order;
    order.id = row[0].as<std::string>();
    order.eventId = row[1].as<std::string>();
    order.buyerId = row[2].as<std::string>();
    order.status = db::statusValue<OrderStatus>(row[3]);
    order.total = row[4].as<std::int64_t>();
    order.currency = row[5].as<std::string>();
    order.paymentId = row[6].as<std::string>();
    if (!row[7].is_null())
        order.holdExpiresAt = row[7].as<std::string>();
    order.createdAt = row[8].as<std::string>();
    order.updatedAt = row[9].as<std::string>();
    return order;
}

} // namespace

std::optional<int> OrderRepository::takeFromOneShard(const std::string& ticketTypeId, int seats)
{
    // A random unlocked shard with room: concurrent buyers spread over the shards instead of
    // queueing on one row.
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE tickets.quota_shards SET sold = sold + $2 WHERE (ticket_type_id, shard) = ("
        "SELECT ticket_type_id, shard FROM tickets.quota_shards WHERE ticket_type_id = $1::uuid AND capacity - sold >= $2 "
        "ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED) AND sold + $2 <= capacity RETURNING shard",
        ticketTypeId, seats);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<int>();
}

std::variant<SeatsTaken, int> OrderRepository::takeSeats(const std::string& ticketTypeId, int seats)
{
    // In a savepoint because the pick can lock shards it then passes over: a row another buyer
    // filled meanwhile stays locked after PostgreSQL rechecks it. Those stray locks would make the
    // in-order locking below a deadlock cycle; rolling back to the savepoint drops them. (Plain
    // SQL: libpqxx 6.4's subtransaction never sends its SAVEPOINT before exec_params.)
    m_tx.sql().exec("SAVEPOINT pick_shard");
    if (const auto shard = takeFromOneShard(ticketTypeId, seats)) {
        m_tx.sql().exec("RELEASE SAVEPOINT pick_shard");
        return SeatsTaken{{{*shard, seats}}};
    }
    m_tx.sql().exec("ROLLBACK TO SAVEPOINT pick_shard");
    // No unlocked shard had room for all of them: lock every shard in order (the order every
    // taker and quota change uses, so no deadlock) and gather the seats across shards, or learn
    // exactly how many are left.
    const pqxx::result shards = m_tx.sql().exec_params(
        "SELECT shard, capacity - sold FROM tickets.quota_shards WHERE ticket_type_id = $1::uuid ORDER BY shard FOR UPDATE",
        ticketTypeId);
    int available = 0;
    for (const auto& row : shards)
        available += row[1].as<int>();
    if (available < seats)
        return available;
    SeatsTaken taken;
    int needed = seats;
    for (const auto& row : shards) {
        const int room = row[1].as<int>();
        if (room <= 0 || needed == 0)
            continue;
        const int take = std::min(room, needed);
        m_tx.sql().exec_params(
            "UPDATE tickets.quota_shards SET sold = sold + $3 WHERE ticket_type_id = $1::uuid AND shard = $2",
            ticketTypeId, row[0].as<int>(), take);
        taken.shards.emplace_back(row[0].as<int>(), take);
        needed -= take;
    }
    return taken;
}

Order OrderRepository::insert(const std::string& eventId, const wire::Buyer& buyer, const std::string& status,
                              std::int64_t total, const std::string& currency, std::optional<std::int64_t> holdSeconds)
{
    return orderFrom(m_tx.sql().exec_params1(
        "INSERT INTO tickets.orders AS o (event_id, buyer_id, status, total, currency, hold_expires_at, buyer_name, buyer_email) "
        "VALUES ($1::uuid, $2::uuid, $3, $4, $5, CASE WHEN $6 < 0 THEN NULL ELSE now() + make_interval(secs => $6) END, $7, $8) RETURNING " +
            orderColumns(),
        eventId, buyer.id, status, total, currency, holdSeconds.value_or(-1), buyer.name, buyer.email));
}

void OrderRepository::addItem(const std::string& orderId, const OrderItem& item, const SeatsTaken& seats,
                              const std::vector<Attendee>& attendees)
{
    m_tx.sql().exec_params(
        "INSERT INTO tickets.order_items (order_id, ticket_type_id, quantity, unit_price) VALUES ($1::uuid, $2::uuid, $3, $4)",
        orderId, item.ticketTypeId, item.quantity, item.unitPrice);
    for (const auto& [shard, count] : seats.shards)
        m_tx.sql().exec_params(
            "INSERT INTO tickets.seat_holds (order_id, ticket_type_id, shard, seats) VALUES ($1::uuid, $2::uuid, $3, $4)",
            orderId, item.ticketTypeId, shard, count);
    int position = 0;
    for (const auto& attendee : attendees)
        m_tx.sql().exec_params(
            "INSERT INTO tickets.order_attendees (order_id, ticket_type_id, position, name, email) VALUES ($1::uuid, $2::uuid, $3, $4, $5)",
            orderId, item.ticketTypeId, position++, attendee.name, attendee.email);
}

std::vector<OrderItem> OrderRepository::itemsOf(const std::string& orderId)
{
    std::vector<OrderItem> items;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT ticket_type_id::text, quantity, unit_price FROM tickets.order_items WHERE order_id = $1::uuid "
             "ORDER BY ticket_type_id",
             orderId))
        items.push_back({row[0].as<std::string>(), row[1].as<int>(), row[2].as<std::int64_t>()});
    return items;
}

std::optional<Order> OrderRepository::find(const std::string& id, bool lock)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + orderColumns() + " FROM tickets.orders o WHERE o.id = $1::uuid" + (lock ? " FOR UPDATE" : ""), id);
    if (rows.empty())
        return std::nullopt;
    Order order = orderFrom(rows[0]);
    order.items = itemsOf(order.id);
    return order;
}

std::vector<Order> OrderRepository::findMany(const std::vector<std::string>& ids)
{
    std::vector<Order> orders;
    if (ids.empty())
        return orders;
    const std::string idArray = db::arrayLiteral(ids);
    std::map<std::string, std::vector<OrderItem>> items;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT order_id::text, ticket_type_id::text, quantity, unit_price FROM tickets.order_items "
             "WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, ticket_type_id",
             idArray))
        items[row[0].as<std::string>()].push_back(
            {row[1].as<std::string>(), row[2].as<int>(), row[3].as<std::int64_t>()});
    std::map<std::string, Order> byId;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + orderColumns() + " FROM tickets.orders o WHERE o.id = ANY($1::uuid[])", idArray)) {
        Order order = orderFrom(row);
        order.items = std::move(items[order.id]);
        byId.emplace(order.id, std::move(order));
    }
    for (const auto& id : ids) {
        if (auto found = byId.find(id); found != byId.end())
            orders.push_back(std::move(found->second));
    }
    return orders;
}

std::optional<Order> OrderRepository::findByPayment(const std::string& paymentId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + orderColumns() + " FROM tickets.orders o WHERE o.payment_id = $1::uuid", paymentId);
    if (rows.empty())
        return std::nullopt;
    Order order = orderFrom(rows[0]);
    order.items = itemsOf(order.id);
    return order;
}

void OrderRepository::releaseSeats(const std::string& orderId)
{
    const pqxx::result holds = m_tx.sql().exec_params(
        "SELECT ticket_type_id::text, shard, seats FROM tickets.seat_holds WHERE order_id = $1::uuid ORDER BY ticket_type_id, shard",
        orderId);
    for (const auto& hold : holds)
        m_tx.sql().exec_params(
            "UPDATE tickets.quota_shards SET sold = sold - $3 WHERE ticket_type_id = $1::uuid AND shard = $2",
            hold[0].as<std::string>(), hold[1].as<int>(), hold[2].as<int>());
    m_tx.sql().exec_params("DELETE FROM tickets.seat_holds WHERE order_id = $1::uuid", orderId);
}

void OrderRepository::releaseSeatsOf(const std::vector<std::string>& orderIds)
{
    if (orderIds.empty())
        return;
    const std::string ids = db::arrayLiteral(orderIds);
    const pqxx::result holds = m_tx.sql().exec_params(
        "SELECT ticket_type_id::text, shard, sum(seats)::integer FROM tickets.seat_holds "
        "WHERE order_id = ANY ($1::uuid[]) GROUP BY ticket_type_id, shard ORDER BY ticket_type_id, shard",
        ids);
    for (const auto& hold : holds)
        m_tx.sql().exec_params(
            "UPDATE tickets.quota_shards SET sold = sold - $3 WHERE ticket_type_id = $1::uuid AND shard = $2",
            hold[0].as<std::string>(), hold[1].as<int>(), hold[2].as<int>());
    m_tx.sql().exec_params("DELETE FROM tickets.seat_holds WHERE order_id = ANY ($1::uuid[])", ids);
}

void OrderRepository::releaseOneSeat(const std::string& orderId, const std::string& ticketTypeId)
{
    const pqxx::result hold = m_tx.sql().exec_params(
        "SELECT shard FROM tickets.seat_holds WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid "
        "ORDER BY seats DESC, shard LIMIT 1",
        orderId, ticketTypeId);
    if (hold.empty())
        return;
    const int shard = hold[0][0].as<int>();
    m_tx.sql().exec_params(
        "UPDATE tickets.quota_shards SET sold = sold - 1 WHERE ticket_type_id = $1::uuid AND shard = $2", ticketTypeId,
        shard);
    m_tx.sql().exec_params(
        "UPDATE tickets.seat_holds SET seats = seats - 1 WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid AND shard = $3 AND seats > 1",
        orderId, ticketTypeId, shard);
    m_tx.sql().exec_params(
        "DELETE FROM tickets.seat_holds WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid AND shard = $3 AND seats = 1",
        orderId, ticketTypeId, shard);
}

void OrderRepository::moveOneSeat(const std::string& orderId, const std::string& fromTypeId,
                                  const std::string& toTypeId, const SeatsTaken& taken)
{
    for (const auto& [shard, count] : taken.shards)
        m_tx.sql().exec_params(
            "INSERT INTO tickets.seat_holds (order_id, ticket_type_id, shard, seats) VALUES ($1::uuid, $2::uuid, $3, $4) "
            "ON CONFLICT (order_id, ticket_type_id, shard) DO UPDATE SET seats = tickets.seat_holds.seats + EXCLUDED.seats",
            orderId, toTypeId, shard, count);
    const std::int64_t price =
        m_tx.sql()
            .exec_params1(
                "SELECT unit_price FROM tickets.order_items WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid",
                orderId, fromTypeId)[0]
            .as<std::int64_t>();
    m_tx.sql().exec_params(
        "UPDATE tickets.order_items SET quantity = quantity - 1 WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid AND quantity > 1",
        orderId, fromTypeId);
    m_tx.sql().exec_params(
        "DELETE FROM tickets.order_items WHERE order_id = $1::uuid AND ticket_type_id = $2::uuid AND quantity = 1",
        orderId, fromTypeId);
    m_tx.sql().exec_params(
        "INSERT INTO tickets.order_items (order_id, ticket_type_id, quantity, unit_price) VALUES ($1::uuid, $2::uuid, 1, $3) "
        "ON CONFLICT (order_id, ticket_type_id) DO UPDATE SET quantity = tickets.order_items.quantity + 1",
        orderId, toTypeId, price);
}

std::vector<Order> OrderRepository::lockOpenOrdersOfEvent(const std::string& eventId)
{
    std::vector<Order> orders;
    for (const auto& row : m_tx.sql().exec_params("SELECT " + orderColumns() +
                                                      " FROM tickets.orders o WHERE o.event_id = $1::uuid "
                                                      "AND o.status IN ('pending', 'paid') ORDER BY o.id FOR UPDATE",
                                                  eventId))
        orders.push_back(orderFrom(row));
    return orders;
}

std::vector<std::string> OrderRepository::refundedPaymentsOfEvent(const std::string& eventId)
{
    std::vector<std::string> payments;
    for (
        const auto& row : m_tx.sql().exec_params(
            "SELECT payment_id::text FROM tickets.orders WHERE event_id = $1::uuid AND status = 'refunded' AND total > 0",
            eventId))
        payments.push_back(row[0].as<std::string>());
    return payments;
}

Order OrderRepository::setStatus(const std::string& orderId, OrderStatus status)
{
    Order order = orderFrom(
        m_tx.sql().exec_params1("UPDATE tickets.orders AS o SET status = $2, updated_at = now(), "
                                "hold_expires_at = CASE WHEN $2 = 'pending' THEN hold_expires_at ELSE NULL END "
                                "WHERE o.id = $1::uuid RETURNING " +
                                    orderColumns(),
                                orderId, statusText(status)));
    order.items = itemsOf(orderId);
    return order;
}

std::vector<std::string> OrderRepository::claimExpiredHolds(int limit)
{
    std::vector<std::string> ids;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT id::text FROM tickets.orders WHERE status = 'pending' AND hold_expires_at < now() "
             "ORDER BY hold_expires_at LIMIT $1 FOR UPDATE SKIP LOCKED",
             limit))
        ids.push_back(row[0].as<std::string>());
    return ids;
}

std::vector<Order> OrderRepository::listForBuyer(const std::string& buyerId, int limit,
                                                 const std::optional<std::pair<std::string, std::string>>& after)
{
    std::vector<Order> orders;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + orderColumns() +
                 " FROM tickets.orders o WHERE o.buyer_id = $1::uuid "
                 "AND ($2 = '' OR (o.created_at, o.id) < (NULLIF($2, '')::timestamptz, NULLIF($3, '')::uuid)) "
                 "ORDER BY o.created_at DESC, o.id DESC LIMIT $4",
             buyerId, after ? after->first : std::string(), after ? after->second : std::string(), limit)) {
        Order order = orderFrom(row);
        order.items = itemsOf(order.id);
        orders.push_back(std::move(order));
    }
    return orders;
}

int OrderRepository::countPlacedBy(const std::string& buyerId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM tickets.orders WHERE buyer_id = $1::uuid", buyerId)[0]
        .as<int>();
}

std::optional<OrderRefund> OrderRepository::refundByKey(const std::string& refundKey)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT r.order_id::text, r.amount, r.cancelled_tickets, o.status FROM tickets.order_refunds r "
        "JOIN tickets.orders o ON o.id = r.order_id WHERE r.refund_key = $1",
        refundKey);
    if (rows.empty())
        return std::nullopt;
    return OrderRefund{rows[0][0].as<std::string>(), rows[0][1].as<std::int64_t>(), rows[0][2].as<int>(),
                       db::statusValue<OrderStatus>(rows[0][3])};
}

std::int64_t OrderRepository::refundedAmount(const std::string& orderId)
{
    return m_tx.sql()
        .exec_params1("SELECT coalesce(sum(amount), 0) FROM tickets.order_refunds WHERE order_id = $1::uuid",
                      orderId)[0]
        .as<std::int64_t>();
}

void OrderRepository::recordRefund(const std::string& refundKey, const OrderRefund& refund, const std::string& reason)
{
    m_tx.sql().exec_params(
        "INSERT INTO tickets.order_refunds (refund_key, order_id, amount, cancelled_tickets, reason) "
        "VALUES ($1, $2::uuid, $3, $4, $5)",
        refundKey, refund.orderId, refund.amount, refund.cancelledTickets, reason);
}

} // namespace sbor::tickets
