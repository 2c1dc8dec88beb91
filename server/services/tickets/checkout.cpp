#include "checkout.h"

#include "orderrepository.h"
#include "purchaseaccess.h"
#include "ticketissuing.h"
#include "ticketrepository.h"
#include "tickettyperepository.h"

#include "outbox/outbox.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace sbor::tickets {
namespace {

Error noSuchOrder(const std::string& id) { return noSuch("order", id); }

nlohmann::json itemsJson(const Order& order)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : order.items)
        items.push_back(
            {{"ticket_type_id", item.ticketTypeId}, {"quantity", item.quantity}, {"unit_price", item.unitPrice}});
    return items;
}

// An error that names the ticket type it is about.
Error aboutType(ErrorCode code, const std::string& message, const std::string& typeId,
                nlohmann::json details = nlohmann::json::object())
{
    details["ticket_type_id"] = typeId;
    return Error(code, message, std::move(details));
}

} // namespace

Result<Order> Checkout::place(const access::Principal& buyer, const OrderRequest& request, const CallContext& call)
{
    const auto events = m_directory->find<EventDirectory>();
    if (!events)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    const auto event = isUuid(request.eventId) ? events->eventFacts(request.eventId) : std::nullopt;
    if (!event || event->status == EventStatus::Draft)
        return Error(ErrorCode::EventNotPublished, "this event is not on sale (not published)",
                     {{"event_id", request.eventId}});
    if (event->status == EventStatus::Cancelled)
        return Error(ErrorCode::EventCancelled, "this event was cancelled", {{"event_id", request.eventId}});
    if (event->status == EventStatus::Completed)
        return Error(ErrorCode::SalesEnded, "this event is over", {{"event_id", request.eventId}});
    // Asked before the transaction (it may be a network call); an order is placed even when the
    // accounts cannot say, then without the name and address in the organizer's lists.
    wire::Buyer buyerShown{buyer.userId, "", ""};
    if (const auto users = m_directory->find<UserDirectory>()) {
        try {
            if (const auto contact = users->contactOf(buyer.userId))
                buyerShown = {buyer.userId, contact->name, contact->email};
        } catch (const std::exception&) {}
    }

    return m_database.transact([&](db::Transaction& tx) -> Result<Order> {
        TicketTypeRepository types(tx);
        OrderRepository orders(tx);
        const std::int64_t now = unixNowMicroseconds();
        std::int64_t total = 0;
        std::string currency;
        struct Taken {
            std::size_t line;
            OrderItem item;
            SeatsTaken seats;
        };
        std::vector<Taken> taken;
        // Ticket types in one order (by id), so two orders for the same types lock their shards in
        // the same sequence and cannot deadlock.
        std::vector<std::size_t> sequence(request.lines.size());
        for (std::size_t i = 0; i < sequence.size(); ++i)
            sequence[i] = i;
        std::sort(sequence.begin(), sequence.end(), [&](std::size_t a, std::size_t b) {
            return request.lines[a].ticketTypeId < request.lines[b].ticketTypeId;
        });
        for (const std::size_t index : sequence) {
            const OrderLine& line = request.lines[index];
            const auto type = isUuid(line.ticketTypeId) ? types.findForSale(line.ticketTypeId) : std::nullopt;
            if (!type || type->eventId != request.eventId || !type->active)
                return aboutType(
                    ErrorCode::ValidationFailed, "no such ticket type on sale for this event", line.ticketTypeId,
                    {{"fields",
                      nlohmann::json::array(
                          {{{"field", "items"}, {"problem", "names a ticket type this event does not sell"}}})}});
            if (now < *parseRfc3339(type->salesStart))
                return aboutType(ErrorCode::SalesNotStarted,
                                 "sales for " + type->name + " start at " + type->salesStart, type->id,
                                 {{"sales_start", type->salesStart}});
            if (now >= *parseRfc3339(type->salesEnd))
                return aboutType(ErrorCode::SalesEnded, "sales for " + type->name + " ended at " + type->salesEnd,
                                 type->id, {{"sales_end", type->salesEnd}});
            if (line.quantity < type->minPerOrder || line.quantity > type->maxPerOrder)
                return aboutType(ErrorCode::OrderLimit,
                                 type->name + " is sold " + std::to_string(type->minPerOrder) + " to " +
                                     std::to_string(type->maxPerOrder) + " per order",
                                 type->id,
                                 {{"min_per_order", type->minPerOrder},
                                  {"max_per_order", type->maxPerOrder},
                                  {"quantity", line.quantity}});
            if (!currency.empty() && currency != type->currency)
                return invalidField("items", "mixes currencies", "one order pays in one currency");
            currency = type->currency;
            auto seats = orders.takeSeats(type->id, line.quantity);
            if (const int* left = std::get_if<int>(&seats))
                return aboutType(ErrorCode::SoldOut,
                                 *left == 0 ? type->name + " is sold out"
                                            : "only " + std::to_string(*left) + " of " + type->name + " left",
                                 type->id, {{"available", *left}, {"requested", line.quantity}});
            total += type->price * line.quantity;
            taken.push_back(
                {index, OrderItem{type->id, line.quantity, type->price}, std::get<SeatsTaken>(std::move(seats))});
        }
        // Free orders are paid at once; priced ones hold their seats until paid or expired.
        const bool free = total == 0;
        Order order = orders.insert(request.eventId, buyerShown, free ? "paid" : "pending", total, currency,
                                    free ? std::nullopt : std::optional<std::int64_t>(m_holdSeconds));
        for (const auto& entry : taken) {
            orders.addItem(order.id, entry.item, entry.seats, request.lines[entry.line].attendees);
            order.items.push_back(entry.item);
        }
        if (free)
            order.tickets = issueTickets(tx, order, *event, call.traceId);
        outbox::append(tx, "tickets",
                       {"order",
                        order.id,
                        "order.created",
                        {{"order_id", order.id},
                         {"event_id", order.eventId},
                         {"buyer_id", order.buyerId},
                         {"status", order.status},
                         {"total", order.total},
                         {"currency", order.currency},
                         {"items", itemsJson(order)}},
                        call.traceId});
        return order;
    });
}

Result<Order> Checkout::read(const access::Principal& caller, const std::string& orderId)
{
    if (!isUuid(orderId))
        return noSuchOrder(orderId);
    auto order = m_database.read([&](db::Transaction& tx) { return OrderRepository(tx).find(orderId); });
    if (!order)
        return noSuchOrder(orderId);
    if (maySeePurchase(*m_directory, caller, order->buyerId, order->eventId))
        return *order;
    return noSuchOrder(orderId);
}

namespace {
nlohmann::json ticketIdsOf(const Order& order)
{
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& ticket : order.tickets)
        ids.push_back(ticket.id);
    return ids;
}

void announceStatus(db::Transaction& tx, const Order& order, OrderStatus was, const std::string& traceId)
{
    outbox::append(tx, "tickets",
                   {"order",
                    order.id,
                    "order.updated",
                    {{"order_id", order.id},
                     {"event_id", order.eventId},
                     {"buyer_id", order.buyerId},
                     {"status", order.status},
                     {"was", was},
                     {"total", order.total},
                     {"currency", order.currency},
                     {"ticket_ids", ticketIdsOf(order)}},
                    traceId});
}
} // namespace

Result<Order> Checkout::cancel(const access::Principal& caller, const std::string& orderId, const CallContext& call)
{
    if (!isUuid(orderId))
        return noSuchOrder(orderId);
    return m_database.transact([&](db::Transaction& tx) -> Result<Order> {
        OrderRepository orders(tx);
        const auto order = orders.find(orderId, true);
        if (!order || (order->buyerId != caller.userId && !caller.has(access::Permission::EventsWriteAny)))
            return noSuchOrder(orderId);
        if (order->status == OrderStatus::Cancelled)
            return *order; // cancelling twice changes nothing
        if (order->status != OrderStatus::Pending)
            return Error(
                ErrorCode::Conflict,
                "a " + statusText(order->status) + " order cannot be cancelled here" +
                    (order->status == OrderStatus::Paid ? std::string(" (refunds come with payments)") : std::string()),
                {{"status", order->status}});
        orders.releaseSeats(orderId);
        Order cancelled = orders.setStatus(orderId, OrderStatus::Cancelled);
        announceStatus(tx, cancelled, order->status, call.traceId);
        return cancelled;
    });
}

int Checkout::expireHolds()
{
    // One order per transaction: an order's shards are released in (type, shard) order, the order
    // buyers lock them in, so the job can never deadlock with a purchase, and one failure does not
    // roll back the others.
    int expired = 0;
    for (int batch = 0; batch < 500; ++batch) {
        const bool released = m_database.transact([&](db::Transaction& tx) {
            OrderRepository orders(tx);
            const auto due = orders.claimExpiredHolds(1);
            if (due.empty())
                return false;
            orders.releaseSeats(due.front());
            announceStatus(tx, orders.setStatus(due.front(), OrderStatus::Expired), OrderStatus::Pending, "");
            return true;
        });
        if (!released)
            break;
        ++expired;
    }
    return expired;
}

Result<OrderPage> Checkout::mine(const access::Principal& caller, int limit, const std::string& cursor)
{
    return paging::timeAndIdPage<Order>(
        cursor, limit,
        [&](const auto& after, int count) {
            return m_database.read(
                [&](db::Transaction& tx) { return OrderRepository(tx).listForBuyer(caller.userId, count, after); });
        },
        [](const Order& order) { return order.createdAt; });
}

Result<Order> Checkout::settle(const std::string& orderId, const std::string& traceId)
{
    if (!isUuid(orderId))
        return noSuchOrder(orderId);
    const auto eventId = m_database.read([&](db::Transaction& tx) {
        const auto order = OrderRepository(tx).find(orderId);
        return order ? std::optional<std::string>(order->eventId) : std::nullopt;
    });
    if (!eventId)
        return noSuchOrder(orderId);
    // Event facts first: no contract is called while a pooled connection is held.
    const auto events = m_directory->find<EventDirectory>();
    const auto event = events ? events->eventFacts(*eventId) : std::nullopt;
    if (!event)
        return Error(ErrorCode::Overloaded, "events are not reachable from this process; try again later");
    return m_database.transact([&](db::Transaction& tx) -> Result<Order> {
        OrderRepository orders(tx);
        auto order = orders.find(orderId, true);
        if (order->status == OrderStatus::Paid) {
            order->tickets = TicketRepository(tx).ofOrder(orderId);
            return *order;
        }
        if (order->status != OrderStatus::Pending)
            return *order; // expired or cancelled first: the payment goes back
        if (event->status == EventStatus::Cancelled || event->status == EventStatus::Completed) {
            // Too late to attend: the order ends here and the payment goes back.
            orders.releaseSeats(orderId);
            Order cancelled = orders.setStatus(orderId, OrderStatus::Cancelled);
            announceStatus(tx, cancelled, OrderStatus::Pending, traceId);
            return cancelled;
        }
        // A hold past its time that the expiry job has not reached yet still owns its seats.
        Order paid = orders.setStatus(orderId, OrderStatus::Paid);
        paid.tickets = issueTickets(tx, paid, *event, traceId);
        announceStatus(tx, paid, OrderStatus::Pending, traceId);
        return paid;
    });
}

Result<int> Checkout::windUpEvent(const std::string& eventId, const std::string& traceId)
{
    if (!isUuid(eventId))
        return Error(ErrorCode::NotFound, "no such event", {{"id", eventId}});
    // Off sale first, on its own: an order that started before this commit may still land, so the
    // wind-up below repeats until nothing open or valid is left.
    m_database.transact([&](db::Transaction& tx) { TicketTypeRepository(tx).deactivateAllOfEvent(eventId); });
    int cancelledTickets = 0;
    for (int pass = 0;; ++pass) {
        const bool settled = m_database.transact([&](db::Transaction& tx) {
            OrderRepository orders(tx);
            const std::vector<Order> open = orders.lockOpenOrdersOfEvent(eventId);
            std::vector<std::string> pending;
            for (const auto& order : open) {
                if (order.status == OrderStatus::Pending)
                    pending.push_back(order.id);
            }
            orders.releaseSeatsOf(pending);
            for (const auto& order : open) {
                const Order ended = orders.setStatus(
                    order.id, order.status == OrderStatus::Pending ? OrderStatus::Cancelled : OrderStatus::Refunded);
                announceStatus(tx, ended, order.status, traceId);
            }
            TicketRepository tickets(tx);
            const std::vector<Ticket> cancelled = tickets.cancelAllOfEvent(eventId);
            for (const auto& ticket : cancelled)
                outbox::append(tx, "tickets",
                               {"ticket",
                                eventId,
                                "ticket.cancelled",
                                {{"ticket_id", ticket.id},
                                 {"order_id", ticket.orderId},
                                 {"event_id", eventId},
                                 {"ticket_type_id", ticket.ticketTypeId},
                                 {"buyer_id", ticket.buyerId},
                                 {"reason", "event_cancelled"}},
                                traceId});
            tx.commit();
            cancelledTickets += static_cast<int>(cancelled.size());
            return open.empty() && cancelled.empty();
        });
        if (settled)
            break; // a pass that found nothing: every order that could land has landed and ended
        if (pass >= 10)
            return Error(ErrorCode::Overloaded,
                         "orders of the cancelled event are still landing; the wind-up will be retried");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // The money, after the commit and without a held connection: every refunded order of the
    // event, again on every call, so a refund that failed last time is made now.
    const auto payments = m_database.read(
        [&](db::Transaction& tx) { return OrderRepository(tx).refundedPaymentsOfEvent(eventId); });
    if (!payments.empty()) {
        const auto refunds = m_directory->find<PaymentRefunds>();
        if (!refunds)
            return Error(ErrorCode::Overloaded, "payments are not reachable from this process; refunds are pending");
        for (const auto& payment : payments) {
            auto refunded = refunds->refundPayment(payment, "event_cancelled", traceId);
            if (!refunded)
                return refunded.error();
        }
    }
    return cancelledTickets;
}

Result<OrderRefund> Checkout::refundOrder(const std::string& orderId, std::int64_t amount, const std::string& reason,
                                          const std::string& refundKey, const std::string& traceId)
{
    if (!isUuid(orderId))
        return noSuch("order", orderId);
    if (refundKey.empty() || refundKey.size() > 200)
        return invalidField("refund_key", "must be 1 to 200 characters");
    std::string paymentId;
    std::int64_t refundAmount = amount; // a retry refunds what the first call recorded
    auto decided = m_database.transact([&](db::Transaction& tx) -> Result<OrderRefund> {
        OrderRepository orders(tx);
        auto order = orders.find(orderId, true);
        if (!order)
            return noSuch("order", orderId);
        paymentId = order->paymentId;
        if (auto done = orders.refundByKey(refundKey)) {
            refundAmount = done->amount;
            return *done;
        }
        if (order->status != OrderStatus::Paid)
            return Error(ErrorCode::Conflict, "only a paid order is refunded; this one is " + statusText(order->status),
                         {{"order_id", order->id}, {"status", statusText(order->status)}});
        const std::int64_t left = order->total - orders.refundedAmount(order->id);
        if (amount <= 0 || amount > left)
            return invalidField("amount", "must be 1 to " + std::to_string(left) + " (what is left of the order)");
        // The tickets the amount pays for, dearest first; all that are valid when all that is left goes.
        std::vector<std::pair<std::int64_t, std::string>> valid;
        TicketRepository tickets(tx);
        for (const auto& ticket : tickets.ofOrder(order->id)) {
            if (ticket.status != TicketStatus::Valid)
                continue;
            std::int64_t price = 0;
            for (const auto& item : order->items)
                if (item.ticketTypeId == ticket.ticketTypeId)
                    price = item.unitPrice;
            valid.emplace_back(price, ticket.id);
        }
        std::sort(valid.begin(), valid.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string> covered;
        std::int64_t sum = 0;
        for (const auto& [price, id] : valid) {
            if (amount == left || (price > 0 && sum + price <= amount)) {
                covered.push_back(id);
                sum += price;
            }
        }
        const std::vector<Ticket> cancelled = tickets.cancel(covered);
        for (const auto& ticket : cancelled)
            outbox::append(tx, "tickets",
                           {"ticket",
                            order->eventId,
                            "ticket.cancelled",
                            {{"ticket_id", ticket.id},
                             {"order_id", order->id},
                             {"event_id", order->eventId},
                             {"ticket_type_id", ticket.ticketTypeId},
                             {"buyer_id", order->buyerId},
                             {"reason", reason}},
                            traceId});
        OrderRefund refund{order->id, amount, static_cast<int>(cancelled.size()), order->status};
        if (amount == left) {
            const Order refunded = orders.setStatus(order->id, OrderStatus::Refunded);
            announceStatus(tx, refunded, order->status, traceId);
            refund.status = OrderStatus::Refunded;
        }
        orders.recordRefund(refundKey, refund, reason);
        return refund;
    });
    if (!decided)
        return decided;
    // The money, after the commit and without a held connection; a retry comes back here.
    const auto refunds = m_directory->find<PartialRefunds>();
    if (!refunds)
        return Error(ErrorCode::Overloaded, "payments are not reachable from this process; the refund is pending");
    if (auto paid = refunds->refundAmount(paymentId, refundAmount, "order:" + refundKey, reason, traceId); !paid)
        return paid.error();
    return decided;
}

} // namespace sbor::tickets
