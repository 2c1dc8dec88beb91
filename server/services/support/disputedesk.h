#pragma once
// Disputes about an order (seed 004, issue 17), on Stripe's lifecycle:
//
//   buyer opens ──▶ needs_response ──organizer's evidence──▶ under_review ──support──▶ won | lost
//                        │                                       ▲
//                        └────────respond_by passes (the job)────┘
//
// Who: the buyer opens one on their own paid order (not one refunded already, one open at a
// time); the event's organizer answers with evidence before respond_by; support agents and admins
// decide. won: the organizer keeps the money. lost: all or part of it goes back through tickets
// and payments (refundcontracts.h) — the tickets it covers cancelled, the ledger balanced — and
// a decision sent again answers the same. Anyone else: the dispute does not exist (404).

#include "disputerepository.h"

#include "access/access.h"
#include "db/connectionpool.h"
#include "paging/cursor.h"
#include "sbor/error.h"
#include "service/callcontext.h"
#include "service/servicedirectory.h"

#include <memory>
#include <optional>
#include <string>

namespace sbor::support {

struct DisputeDecision {
    std::string outcome;                      // won | lost
    std::optional<std::int64_t> refundAmount; // lost: default all of it
    std::string note;
};

class DisputeDesk {
public:
    DisputeDesk(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory, int responseDays)
        : m_database(database), m_directory(std::move(directory)), m_responseDays(responseDays)
    {}

    Result<Dispute> open(const access::Principal& buyer, const std::string& orderId, const std::string& reason,
                         const std::string& details, const CallContext& call);
    // Staff: every dispute; others: those they are the buyer or the organizer of. Soonest deadline first.
    Result<paging::Page<Dispute>> list(const access::Principal& caller, const std::vector<std::string>& statuses,
                                       int limit, const std::string& cursor);
    Result<Dispute> read(const access::Principal& caller, const std::string& disputeId);
    Result<Dispute> respond(const access::Principal& organizer, const std::string& disputeId,
                            const std::string& evidence, const CallContext& call);
    Result<Dispute> decide(const access::Principal& staff, const std::string& disputeId,
                           const DisputeDecision& decision, const CallContext& call);
    // The job: deadlines passed → under review; lost disputes whose refund did not go through → again.
    int reviewOverdue();
    int retryRefunds();

private:
    // Gives a lost dispute's money back (idempotent) and marks it refunded.
    Result<Dispute> refund(const Dispute& dispute, const std::string& traceId);
    // The refund itself, through tickets; a service that does not answer is 503, to retry.
    Result<bool> refundOrder(const Dispute& dispute, std::int64_t amount, const std::string& traceId);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    int m_responseDays;
};

} // namespace sbor::support
