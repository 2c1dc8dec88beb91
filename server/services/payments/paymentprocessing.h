#pragma once
// Taking payment for orders (seed 004, simulated): a card attempt is declined (the order stays
// pending, the buyer may try another card until the hold ends) or captured; a capture settles the
// order through the tickets service, which issues the tickets, and is then booked in the ledger
// with the platform's commission. The two services commit separately, so a capture whose
// settlement did not finish (crash, lost connection) is finished later by confirm's retry or the
// reconciliation job; one the order could no longer take (it expired first) is refunded.

#include "payment.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <string>
#include <vector>

namespace sbor::payments {

// Declines per payment before the card-testing brake: a new order is needed.
inline constexpr int kMaxDeclinedAttempts = 10;

class PaymentProcessing {
public:
    PaymentProcessing(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory,
                      std::int64_t configuredCommissionBasisPoints)
        : m_database(database),
          m_directory(std::move(directory)),
          m_configuredCommissionBasisPoints(configuredCommissionBasisPoints)
    {}

    Result<Payment> confirm(const access::Principal& buyer, const std::string& paymentId, const std::string& cardNumber,
                            const CallContext& call);
    Result<Payment> read(const access::Principal& caller, const std::string& paymentId);
    std::vector<OrganizerBalance> balance(const std::string& organizerId);
    // Gives a succeeded payment back in full (charge reversed in the ledger, refund.issued).
    // Idempotent; nothing paid is nothing to refund; a capture in flight is refunded when it is
    // finished, because its order is no longer payable. True when nothing is left to do.
    Result<bool> refund(const std::string& paymentId, const std::string& reason, const std::string& traceId);
    // `amount` of a succeeded payment back (a dispute's decision), its commission share back from
    // the platform; all of what is left makes it refunded. Idempotent per `refundKey`.
    Result<bool> refundAmount(const std::string& paymentId, std::int64_t amount, const std::string& refundKey,
                              const std::string& reason, const std::string& traceId);
    // The reconciliation job: finishes captures left unsettled for `graceSeconds`. Returns how many.
    int finishStaleCaptures(int graceSeconds);

private:
    Result<Payment> finishCaptureOrReport(const std::string& paymentId, const std::string& traceId);
    Result<Payment> finishCapture(const std::string& paymentId, const std::string& traceId);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    // Until payments hears an admin's setting (platform terms), the commission of each charge.
    std::int64_t m_configuredCommissionBasisPoints;
};

} // namespace sbor::payments
