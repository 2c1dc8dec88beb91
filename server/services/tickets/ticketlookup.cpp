#include "ticketlookup.h"

#include "purchaseaccess.h"
#include "ticketrepository.h"

#include "sbor/uuid.h"

namespace sbor::tickets {

Result<TicketPage> TicketLookup::ticketsOf(const access::Principal& caller, int limit, const std::string& cursor)
{
    return paging::timeAndIdPage<Ticket>(
        cursor, limit,
        [&](const auto& after, int count) {
            return m_database.read(
                [&](db::Transaction& tx) { return TicketRepository(tx).listForBuyer(caller.userId, count, after); });
        },
        [](const Ticket& ticket) { return ticket.issuedAt; });
}

Result<Ticket> TicketLookup::ticket(const access::Principal& caller, const std::string& ticketId)
{
    const auto noSuchTicket = [&] { return Error(ErrorCode::NotFound, "no such ticket", {{"id", ticketId}}); };
    if (!isUuid(ticketId))
        return noSuchTicket();
    auto ticket = m_database.read(
        [&](db::Transaction& tx) { return TicketRepository(tx).find(canonicalUuid(ticketId)); });
    if (!ticket || !maySeePurchase(*m_directory, caller, ticket->buyerId, ticket->eventId))
        return noSuchTicket();
    return *ticket;
}

} // namespace sbor::tickets
