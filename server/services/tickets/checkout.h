#pragma once
// Placing orders (seed 003/001): every refusal has its own code — event_not_published,
// event_cancelled, sales_not_started, sales_ended, sold_out (with what is left), order_limit —
// and seats are taken atomically from the quota shards, so there is no oversell, ever. A paid
// order is final here; a priced one is `pending` and holds its seats until paid or expired.

#include "order.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "paging/cursor.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/refundcontracts.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

using OrderPage = paging::Page<Order>;

class Checkout {
public:
    Checkout(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory, std::int64_t holdSeconds)
        : m_database(database), m_directory(std::move(directory)), m_holdSeconds(holdSeconds)
    {}

    Result<Order> place(const access::Principal& buyer, const OrderRequest& request, const CallContext& call);
    Result<Order> read(const access::Principal& caller, const std::string& orderId);
    Result<OrderPage> mine(const access::Principal& caller, int limit, const std::string& cursor);
    // The buyer (or an admin) cancels an unpaid order: its seats go back on sale.
    Result<Order> cancel(const access::Principal& caller, const std::string& orderId, const CallContext& call);
    // Payment arrived: a pending order becomes paid and gets its tickets. Returns the order as it
    // then is: `paid` (now or by an earlier call), or expired/cancelled when that came first.
    Result<Order> settle(const std::string& orderId, const std::string& traceId);
    // The event was cancelled: sales stop, pending orders are cancelled, paid ones refunded (the
    // money through PaymentRefunds), tickets cancelled and revoked — in one transaction here,
    // the refunds after it, each idempotent. Returns how many tickets this call cancelled.
    Result<int> windUpEvent(const std::string& eventId, const std::string& traceId);
    // A dispute lost (issue 17): `amount` of a paid order goes back (OrderRefunds in
    // refundcontracts.h). The tickets it covers, dearest first, are cancelled and revoked in one
    // transaction, all of them (and the order refunded) for what is left; the money follows
    // through PartialRefunds after the commit. A retry with the same key repeats only what did
    // not finish.
    Result<OrderRefund> refundOrder(const std::string& orderId, std::int64_t amount, const std::string& reason,
                                    const std::string& refundKey, const std::string& traceId);
    // The hold job: unpaid orders past their hold expire and release their seats. Returns how many.
    int expireHolds();

private:
    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    std::int64_t m_holdSeconds;
};

} // namespace sbor::tickets
