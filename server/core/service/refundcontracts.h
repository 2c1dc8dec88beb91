#pragma once
// What a dispute's decision asks of tickets and payments (issue 17): the order under dispute, and
// giving back part or all of its money with the tickets it paid for. Apart from contracts.h so
// that only the services involved recompile when it changes; served in-process or over HTTP as
// every contract is (cluster/remotecontracts.h).

#include "service/contracts.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sbor {

struct OrderRefund {
    std::string orderId;
    std::int64_t amount = 0;
    int cancelledTickets = 0;
    OrderStatus status = OrderStatus::Paid; // refunded when all of it went back
};

// Provided by the tickets service.
class OrderRefunds {
public:
    virtual ~OrderRefunds() = default;
    virtual std::optional<PayableOrder> orderById(const std::string& orderId) = 0;
    // Gives back `amount` (1 … what is left of the order's total) of a paid order: the tickets the
    // amount covers, dearest first, are cancelled and their codes revoked (all of them for what is
    // left, and the order is then refunded); payments returns the money. Idempotent per
    // `refundKey`: a retry answers the first result and refunds nothing twice.
    virtual Result<OrderRefund> refundOrder(const std::string& orderId, std::int64_t amount, const std::string& reason,
                                            const std::string& refundKey, const std::string& traceId) = 0;
};

// Provided by the payments service.
class PartialRefunds {
public:
    virtual ~PartialRefunds() = default;
    // `amount` of a succeeded payment back to the card, the commission on it back from the
    // platform (refund.issued). Idempotent per `refundKey`.
    virtual Result<bool> refundAmount(const std::string& paymentId, std::int64_t amount, const std::string& refundKey,
                                      const std::string& reason, const std::string& traceId) = 0;
};

} // namespace sbor
