#pragma once
// Payments as plain values.

#include "sbor/statuses.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::payments {

struct PaymentAttempt {
    std::string cardLast4;
    std::string outcome; // approved | declined
    std::optional<std::string> declineCode;
    std::string at;
};

struct Payment {
    std::string id;
    std::string orderId;
    std::string eventId;
    std::string organizerId;
    std::string buyerId;
    std::int64_t amount = 0;
    std::string currency;
    PaymentStatus status = PaymentStatus::RequiresPayment;
    std::optional<std::int64_t> commission;
    std::int64_t refundedAmount = 0;     // given back so far (all of it once refunded)
    std::int64_t refundedCommission = 0; // the commission that went back with it
    std::optional<std::string> cardLast4;
    std::optional<std::string> succeededAt;
    std::optional<std::string> refundedAt;
    std::string createdAt;
    std::vector<PaymentAttempt> attempts;

    int declinedAttempts() const
    {
        int declined = 0;
        for (const auto& attempt : attempts)
            declined += attempt.outcome == "declined";
        return declined;
    }
};

// What the ledger says an organizer has earned, per currency.
struct OrganizerBalance {
    std::string currency;
    std::int64_t gross = 0;      // paid by buyers, refunds deducted
    std::int64_t commission = 0; // the platform's share, refunds deducted
    std::int64_t fees = 0;       // publication fees charged
    std::int64_t balance = 0;    // owed to the organizer: gross less commission and fees
};

} // namespace sbor::payments
