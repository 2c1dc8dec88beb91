#include "ticketchanges.h"

#include "eventkeyrepository.h"
#include "ticketissuing.h"
#include "ticketrepository.h"

#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"

namespace sbor::tickets {

Result<Ticket> TicketChanges::changeable(const access::Principal& caller, const std::string& ticketId, bool buyerMay)
{
    const auto noSuchTicket = Error(ErrorCode::NotFound, "no such ticket", {{"id", ticketId}});
    if (!isUuid(ticketId))
        return noSuchTicket;
    const auto ticket = m_database.run([&](pqxx::connection& connection) {
        pqxx::nontransaction tx(connection);
        return TicketRepository(tx).find(canonicalUuid(ticketId));
    });
    if (!ticket)
        return noSuchTicket;
    if (buyerMay && ticket->buyerId == caller.userId)
        return *ticket;
    const auto events = m_directory->find<EventDirectory>();
    const auto event = events ? events->eventFacts(ticket->eventId) : std::nullopt;
    if (event && caller.managesEventOf(event->organizerId))
        return *ticket;
    if (ticket->buyerId == caller.userId)
        return Error(ErrorCode::Forbidden, "only the event's organizer can do this to a ticket");
    return noSuchTicket;
}

Result<Ticket> TicketChanges::setBlocked(const access::Principal& caller, const std::string& ticketId, bool blocked)
{
    auto ticket = changeable(caller, ticketId, false);
    if (!ticket)
        return ticket.error();
    return m_database.run([&](pqxx::connection& connection) {
        pqxx::work tx(connection);
        auto changed = TicketRepository(tx).setBlocked(ticket->id, blocked);
        tx.commit();
        return *changed;
    });
}

Result<Ticket> TicketChanges::reissue(const access::Principal& caller, const std::string& ticketId)
{
    auto ticket = changeable(caller, ticketId, true);
    if (!ticket)
        return ticket.error();
    return m_database.run([&](pqxx::connection& connection) -> Result<Ticket> {
        pqxx::work tx(connection);
        TicketRepository tickets(tx);
        const auto current = tickets.lock(ticket->id);
        if (current->status != "valid")
            return Error(ErrorCode::Conflict, "a cancelled ticket cannot be reissued", {{"status", current->status}});
        Ticket replacement = *current;
        // The same validity; a new issue time makes a new code even with the same key.
        const std::int64_t issuedAt = std::max(unixNowSeconds(), *parseRfc3339(current->issuedAt) / 1000000 + 1);
        signTicket(replacement, EventKeyRepository(tx).signingKey(current->eventId), issuedAt, *parseRfc3339(current->validFrom) / 1000000,
                   *parseRfc3339(current->validUntil) / 1000000);
        Ticket reissued = tickets.replaceCode(*current, replacement);
        tx.commit();
        return reissued;
    });
}

Result<Ticket> TicketChanges::change(const access::Principal& caller, const std::string& ticketId, const TicketChange& change)
{
    const bool validity = change.validFrom || change.validUntil;
    auto ticket = changeable(caller, ticketId, !validity);
    if (!ticket)
        return ticket.error();
    return m_database.run([&](pqxx::connection& connection) -> Result<Ticket> {
        pqxx::work tx(connection);
        TicketRepository tickets(tx);
        auto current = *tickets.lock(ticket->id);
        if (current.status != "valid")
            return Error(ErrorCode::Conflict, "a cancelled ticket cannot change", {{"status", current.status}});
        if (change.holderName || change.holderEmail)
            current = tickets.setHolder(current.id, change.holderName.value_or(current.holderName), change.holderEmail.value_or(current.holderEmail));
        if (validity) {
            const std::int64_t from = change.validFrom.value_or(*parseRfc3339(current.validFrom)) / 1000000;
            const std::int64_t until = change.validUntil.value_or(*parseRfc3339(current.validUntil)) / 1000000;
            if (until <= from)
                return invalidField("valid_until", "must be after valid_from", "valid_until must be after valid_from");
            Ticket replacement = current;
            const std::int64_t issuedAt = std::max(unixNowSeconds(), *parseRfc3339(current.issuedAt) / 1000000 + 1);
            signTicket(replacement, EventKeyRepository(tx).signingKey(current.eventId), issuedAt, from, until);
            current = tickets.replaceCode(current, replacement);
        }
        tx.commit();
        return current;
    });
}

} // namespace sbor::tickets
