#include "ticketchanges.h"

#include "eventkeyrepository.h"
#include "orderrepository.h"
#include "tickettyperepository.h"
#include "ticketissuing.h"
#include "ticketrepository.h"

#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

namespace sbor::tickets {

Result<Ticket> TicketChanges::changeable(const access::Principal& caller, const std::string& ticketId, bool buyerMay)
{
    const auto noSuchTicket = Error(ErrorCode::NotFound, "no such ticket", {{"id", ticketId}});
    if (!isUuid(ticketId))
        return noSuchTicket;
    const auto ticket = m_database.read(
        [&](db::Transaction& tx) { return TicketRepository(tx).find(canonicalUuid(ticketId)); });
    if (!ticket)
        return noSuchTicket;
    if (buyerMay && ticket->buyerId == caller.userId)
        return *ticket;
    const auto events = m_directory->find<EventDirectory>();
    const auto event = events ? events->eventFacts(ticket->eventId) : std::nullopt;
    if (event && managesEvent(caller, *event))
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
    return m_database.transact([&](db::Transaction& tx) {
        auto changed = TicketRepository(tx).setBlocked(ticket->id, blocked);
        return *changed;
    });
}

Result<Ticket> TicketChanges::reissue(const access::Principal& caller, const std::string& ticketId)
{
    auto ticket = changeable(caller, ticketId, true);
    if (!ticket)
        return ticket.error();
    return m_database.transact([&](db::Transaction& tx) -> Result<Ticket> {
        TicketRepository tickets(tx);
        const auto current = tickets.lock(ticket->id);
        if (current->status != TicketStatus::Valid)
            return Error(ErrorCode::Conflict, "a cancelled ticket cannot be reissued", {{"status", current->status}});
        Ticket replacement = *current;
        // The same validity; a new issue time makes a new code even with the same key.
        const std::int64_t issuedAt = std::max(unixNowSeconds(), *parseRfc3339(current->issuedAt) / 1000000 + 1);
        signTicket(replacement, EventKeyRepository(tx).signingKey(current->eventId), issuedAt,
                   *parseRfc3339(current->validFrom) / 1000000, *parseRfc3339(current->validUntil) / 1000000);
        Ticket reissued = tickets.replaceCode(*current, replacement);
        return reissued;
    });
}

Result<bool> TicketChanges::moveToType(db::Transaction& tx, const Ticket& ticket, const std::string& typeId)
{
    const auto type = TicketTypeRepository(tx).find(typeId);
    if (!type || type->eventId != ticket.eventId)
        return invalidField("ticket_type_id", "names no ticket type of this event",
                            "ticket_type_id names no ticket type of this event");
    OrderRepository orders(tx);
    const auto order = orders.find(ticket.orderId, true);
    if (order->status != OrderStatus::Paid)
        return Error(ErrorCode::Conflict, "only a ticket of a paid order can change type",
                     {{"order_status", order->status}});
    // The two types' shards in type-id order, the order every buyer takes them in.
    std::variant<SeatsTaken, int> taken = 0;
    if (ticket.ticketTypeId < typeId) {
        orders.releaseOneSeat(order->id, ticket.ticketTypeId);
        taken = orders.takeSeats(typeId, 1);
    } else {
        taken = orders.takeSeats(typeId, 1);
        orders.releaseOneSeat(order->id, ticket.ticketTypeId);
    }
    if (std::holds_alternative<int>(taken))
        return Error(ErrorCode::SoldOut, type->name + " is sold out",
                     {{"ticket_type_id", typeId}, {"available", std::get<int>(taken)}});
    orders.moveOneSeat(order->id, ticket.ticketTypeId, typeId, std::get<SeatsTaken>(taken));
    return true;
}

Result<Ticket> TicketChanges::change(const access::Principal& caller, const std::string& ticketId,
                                     const TicketChange& change)
{
    const bool validity = change.validFrom || change.validUntil;
    auto ticket = changeable(caller, ticketId, !validity && !change.ticketTypeId);
    if (!ticket)
        return ticket.error();
    return m_database.transact([&](db::Transaction& tx) -> Result<Ticket> {
        TicketRepository tickets(tx);
        auto current = *tickets.lock(ticket->id);
        if (current.status != TicketStatus::Valid)
            return Error(ErrorCode::Conflict, "a cancelled ticket cannot change", {{"status", current.status}});
        if (change.holderName || change.holderEmail)
            current = tickets.setHolder(current.id, change.holderName.value_or(current.holderName),
                                        change.holderEmail.value_or(current.holderEmail));
        std::string newType = current.ticketTypeId;
        if (change.ticketTypeId && *change.ticketTypeId != current.ticketTypeId) {
            auto moved = moveToType(tx, current, *change.ticketTypeId);
            if (!moved)
                return moved.error();
            newType = *change.ticketTypeId;
        }
        if (validity || newType != current.ticketTypeId) {
            const std::int64_t from = change.validFrom.value_or(*parseRfc3339(current.validFrom)) / 1000000;
            const std::int64_t until = change.validUntil.value_or(*parseRfc3339(current.validUntil)) / 1000000;
            if (until <= from)
                return invalidField("valid_until", "must be after valid_from", "valid_until must be after valid_from");
            Ticket replacement = current;
            replacement.ticketTypeId = newType; // the code names its type
            const std::int64_t issuedAt = std::max(unixNowSeconds(), *parseRfc3339(current.issuedAt) / 1000000 + 1);
            signTicket(replacement, EventKeyRepository(tx).signingKey(current.eventId), issuedAt, from, until);
            current = tickets.replaceCode(current, replacement);
        }
        return current;
    });
}

} // namespace sbor::tickets
