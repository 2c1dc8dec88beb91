#pragma once
// SQL of support.disputes. Deadlines are compared with the time the caller passes (runtime/clock.h),
// not the database's, so tests can move it.

#include "sbor/wire/support.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::support {

using wire::Dispute;

struct NewDispute {
    std::string orderId;
    std::string eventId;
    std::string organizerId;
    std::string buyerId;
    std::int64_t amount = 0;
    std::string currency;
    std::string reason;
    std::string details;
    std::string respondBy; // RFC 3339
};

struct DisputeQuery {
    std::string involvingId;                                  // "" for staff (all); else the buyer's or the organizer's
    std::vector<std::string> statuses;                        // any of them; empty: all
    std::optional<std::pair<std::string, std::string>> after; // (respond_by, id) of the last seen
    int limit = 50;
};

class DisputeRepository {
public:
    explicit DisputeRepository(db::Transaction& tx) : m_tx(tx) {}

    // nullopt when the order has an open dispute already.
    std::optional<Dispute> insert(const NewDispute& dispute);
    std::optional<Dispute> find(const std::string& id, bool lock = false);
    // Soonest deadline first; items plus one.
    std::vector<Dispute> list(const DisputeQuery& query);
    void respond(const std::string& id, const std::string& evidence, const std::string& at);
    void decide(const std::string& id, const std::string& outcome, std::optional<std::int64_t> refundAmount,
                const std::string& note, const std::string& byId, const std::string& at);
    void markRefunded(const std::string& id);
    // needs_response past `now`: under_review with a note; their ids.
    std::vector<std::string> reviewOverdue(const std::string& now, int limit);
    // Lost with the money not back yet.
    std::vector<Dispute> refundsPending(int limit);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::support
