#pragma once
// Payments, their attempts and the ledger (SQL only).

#include "payment.h"

#include "db/transaction.h"
#include "service/contracts.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::payments {

class PaymentRepository {
public:
    explicit PaymentRepository(db::Transaction& tx) : m_tx(tx) {}

    // The payment row for an order, made on first use; locked for the rest of the transaction.
    Payment lockOrCreate(const Payment& fresh);
    std::optional<Payment> find(const std::string& id, bool lock = false);
    void recordAttempt(const std::string& paymentId, const std::string& last4, const std::string& outcome,
                       const std::string& declineCode);
    void markCaptured(const std::string& paymentId, const std::string& last4);
    void markSucceeded(const std::string& paymentId, std::int64_t commission);
    void markRefunded(const std::string& paymentId);
    bool partialRefundDone(const std::string& refundKey);
    // A partial refund under `refundKey`; false when that key was refunded already.
    bool recordPartialRefund(const std::string& paymentId, const std::string& refundKey, std::int64_t amount,
                             std::int64_t commission, const std::string& reason);
    // Captures older than `seconds` that no settlement finished (a crash, a lost connection).
    std::vector<std::string> capturedBefore(int seconds, int limit);

    // Double entry: `entries` (account, amount) must sum to zero.
    void post(const std::string& paymentId, const std::string& movement, const std::string& currency,
              const std::vector<std::pair<std::string, std::int64_t>>& entries);
    std::vector<OrganizerBalance> balanceOf(const std::string& organizerId);
    // The event's payments as the analytics' rebuild counts them (times in unix microseconds).
    std::vector<PaymentFact> factsOfEvent(const std::string& eventId);

private:
    std::vector<PaymentAttempt> attemptsOf(const std::string& paymentId);

    db::Transaction& m_tx;
};

} // namespace sbor::payments
