#pragma once
// SQL for ticket types and their quota shards, on a transaction the caller owns.

#include "tickettype.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

class TicketTypeRepository {
public:
    explicit TicketTypeRepository(db::Transaction& tx) : m_tx(tx) {}

    TicketType insert(const std::string& eventId, const TicketTypeDraft& draft);
    std::optional<TicketType> find(const std::string& id, bool lock = false);
    // Without the sold count (a sum over every shard), which checkout does not need: one order
    // reads its types on the hottest path there is.
    std::optional<TicketType> findForSale(const std::string& id);
    std::vector<TicketType> listForEvent(const std::string& eventId, bool activeOnly);
    TicketType update(const std::string& id, const TicketTypeChanges& changes);
    int activeCount(const std::string& eventId);
    // Takes every type of the event off sale (its event was cancelled).
    void deactivateAllOfEvent(const std::string& eventId);
    // Locks every shard (in shard order, like buyers) and returns what is sold: no purchase can
    // change it until the transaction ends.
    int lockShardsAndCountSold(const std::string& id);

private:
    // Spreads what is left of `quota` over the shards (each keeps what it sold).
    void distributeQuota(const std::string& id, int quota);

    db::Transaction& m_tx;
};

} // namespace sbor::tickets
