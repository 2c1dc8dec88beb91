#pragma once
// Issued tickets and revoked codes (SQL only).

#include "ticket.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbor::tickets {

// One ticket per attendee of an order, in the order they were named.
struct TicketHolder {
    std::string ticketTypeId;
    std::string name;
    std::string email;
};

class TicketRepository {
public:
    explicit TicketRepository(db::Transaction& tx) : m_tx(tx) {}

    std::vector<TicketHolder> holdersOf(const std::string& orderId);
    Ticket insert(const Ticket& ticket);
    std::optional<Ticket> find(const std::string& id);
    std::vector<Ticket> ofOrder(const std::string& orderId);
    // Blocks or unblocks a ticket (the door answers `blocked`); nullopt: no such ticket.
    std::optional<Ticket> setBlocked(const std::string& id, bool blocked);
    // Gives the ticket `replacement`'s code, times and type; the old code goes on the revocation list.
    Ticket replaceCode(const Ticket& current, const Ticket& replacement);
    Ticket setHolder(const std::string& id, const std::string& name, const std::string& email);
    // Locked for a change.
    std::optional<Ticket> lock(const std::string& id);
    // Cancels every valid ticket of the event and puts its code on the revocation list.
    std::vector<Ticket> cancelAllOfEvent(const std::string& eventId);
    // Cancels these tickets (the valid ones among them) and revokes their codes.
    std::vector<Ticket> cancel(const std::vector<std::string>& ticketIds);
    std::vector<Ticket> listForBuyer(const std::string& buyerId, int limit,
                                     const std::optional<std::pair<std::string, std::string>>& after);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::tickets
