#pragma once
// SQL for orders and for taking seats from the quota shards, on a transaction the caller owns.

#include "order.h"
#include "tickettype.h"

#include "db/transaction.h"
#include "service/refundcontracts.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sbor::tickets {

struct SeatsTaken {
    std::vector<std::pair<int, int>> shards; // (shard, seats)
};

class OrderRepository {
public:
    explicit OrderRepository(db::Transaction& tx) : m_tx(tx) {}

    int countPlacedBy(const std::string& buyerId);

    // Refunds of part or all of an order (Checkout::refundOrder), once per key.
    std::optional<OrderRefund> refundByKey(const std::string& refundKey);
    std::int64_t refundedAmount(const std::string& orderId);
    void recordRefund(const std::string& refundKey, const OrderRefund& refund, const std::string& reason);

    // Takes `seats` of a ticket type, or returns how many are left when there are not enough.
    // The check and the decrement are one step per shard (`sold + n <= capacity` in the UPDATE),
    // so two buyers can never both get the last seat.
    std::variant<SeatsTaken, int> takeSeats(const std::string& ticketTypeId, int seats);

    // The buyer's name and email are kept with the order, as the organizer's lists show them.
    Order insert(const std::string& eventId, const wire::Buyer& buyer, const std::string& status, std::int64_t total,
                 const std::string& currency, std::optional<std::int64_t> holdSeconds);
    void addItem(const std::string& orderId, const OrderItem& item, const SeatsTaken& seats,
                 const std::vector<Attendee>& attendees);
    std::optional<Order> find(const std::string& id, bool lock = false);
    std::optional<Order> findByPayment(const std::string& paymentId);
    // The orders with these ids (with their lines), in the order of `ids`; missing ones are left out.
    std::vector<Order> findMany(const std::vector<std::string>& ids);
    // Gives an order's held seats back to their shards (in shard order, like every taker).
    void releaseSeats(const std::string& orderId);
    // The same for many orders at once, still in one (type, shard) order across all of them.
    void releaseSeatsOf(const std::vector<std::string>& orderIds);
    // One ticket of a paid order moves from one type to another: its seat is given back to the
    // old type and `taken` (already taken from the new one) is held instead; the order's lines
    // follow, at the price that was paid (the attendees as ordered stay as they were).
    void moveOneSeat(const std::string& orderId, const std::string& fromTypeId, const std::string& toTypeId,
                     const SeatsTaken& taken);
    // Gives one seat of the order's type back (the shard it holds most in).
    void releaseOneSeat(const std::string& orderId, const std::string& ticketTypeId);
    // The event's pending and paid orders, locked in id order.
    std::vector<Order> lockOpenOrdersOfEvent(const std::string& eventId);
    std::vector<std::string> refundedPaymentsOfEvent(const std::string& eventId);
    Order setStatus(const std::string& orderId, OrderStatus status);
    // Pending orders whose hold has passed, locked for expiry (others skip them).
    std::vector<std::string> claimExpiredHolds(int limit);
    std::vector<Order> listForBuyer(const std::string& buyerId, int limit,
                                    const std::optional<std::pair<std::string, std::string>>& after);

private:
    std::optional<int> takeFromOneShard(const std::string& ticketTypeId, int seats);
    std::vector<OrderItem> itemsOf(const std::string& orderId);

    db::Transaction& m_tx;
};

} // namespace sbor::tickets
