#include "ticketrepository.h"

#include "db/sqlfragments.h"

#include "db/sqlvalues.h"

#include <pqxx/pqxx>

namespace sbor::tickets {
namespace {

using db::rfc3339Sql;

std::string ticketColumns()
{
    return "t.id::text, t.order_id::text, t.event_id::text, t.ticket_type_id::text, t.buyer_id::text, t.holder_name, t.holder_email, t.status, "
           "t.blocked, t.code, t.key_id, " +
        rfc3339Sql("t.issued_at") + ", " + rfc3339Sql("t.valid_from") + ", " + rfc3339Sql("t.valid_until") + ", " +
        rfc3339Sql("t.updated_at");
}

Ticket ticketFrom(const pqxx::row& row)
{
    Ticket ticket;
    ticket.id = row[0].as<std::string>();
    ticket.orderId = row[1].as<std::string>();
    ticket.eventId = row[2].as<std::string>();
    ticket.ticketTypeId = row[3].as<std::string>();
    ticket.buyerId = row[4].as<std::string>();
    ticket.holderName = row[5].as<std::string>();
    ticket.holderEmail = row[6].as<std::string>();
    ticket.status = db::statusValue<TicketStatus>(row[7]);
    ticket.blocked = row[8].as<bool>();
    ticket.code = row[9].as<std::string>();
    ticket.keyId = row[10].as<int>();
    ticket.issuedAt = row[11].as<std::string>();
    ticket.validFrom = row[12].as<std::string>();
    ticket.validUntil = row[13].as<std::string>();
    ticket.updatedAt = row[14].as<std::string>();
    return ticket;
}

} // namespace

std::vector<TicketHolder> TicketRepository::holdersOf(const std::string& orderId)
{
    std::vector<TicketHolder> holders;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT ticket_type_id::text, name, email FROM tickets.order_attendees WHERE order_id = $1::uuid "
             "ORDER BY ticket_type_id, position",
             orderId))
        holders.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
    return holders;
}

Ticket TicketRepository::insert(const Ticket& ticket)
{
    return ticketFrom(m_tx.sql().exec_params1(
        "INSERT INTO tickets.tickets AS t (id, order_id, event_id, ticket_type_id, buyer_id, holder_name, holder_email, code, key_id, issued_at, "
        "valid_from, valid_until) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8, $9, $10::timestamptz, $11::timestamptz, "
        "$12::timestamptz) RETURNING " +
            ticketColumns(),
        ticket.id, ticket.orderId, ticket.eventId, ticket.ticketTypeId, ticket.buyerId, ticket.holderName,
        ticket.holderEmail, ticket.code, ticket.keyId, ticket.issuedAt, ticket.validFrom, ticket.validUntil));
}

std::optional<Ticket> TicketRepository::find(const std::string& id)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + ticketColumns() + " FROM tickets.tickets t WHERE t.id = $1::uuid", id);
    if (rows.empty())
        return std::nullopt;
    return ticketFrom(rows[0]);
}

std::vector<Ticket> TicketRepository::ofOrder(const std::string& orderId)
{
    std::vector<Ticket> tickets;
    for (const auto& row : m_tx.sql().exec_params("SELECT " + ticketColumns() +
                                                      " FROM tickets.tickets t WHERE t.order_id = $1::uuid "
                                                      "ORDER BY t.ticket_type_id, t.issued_at, t.id",
                                                  orderId))
        tickets.push_back(ticketFrom(row));
    return tickets;
}

std::optional<Ticket> TicketRepository::setBlocked(const std::string& id, bool blocked)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE tickets.tickets AS t SET blocked = $2, updated_at = now(), "
        "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() "
        "WHERE t.id = $1::uuid RETURNING " +
            ticketColumns(),
        id, blocked);
    if (rows.empty())
        return std::nullopt;
    return ticketFrom(rows[0]);
}

Ticket TicketRepository::setHolder(const std::string& id, const std::string& name, const std::string& email)
{
    return ticketFrom(m_tx.sql().exec_params1(
        "UPDATE tickets.tickets AS t SET holder_name = $2, holder_email = $3, updated_at = now(), "
        "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() WHERE t.id = $1::uuid "
        "RETURNING " +
            ticketColumns(),
        id, name, email));
}

std::optional<Ticket> TicketRepository::lock(const std::string& id)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + ticketColumns() + " FROM tickets.tickets t WHERE t.id = $1::uuid FOR UPDATE", id);
    if (rows.empty())
        return std::nullopt;
    return ticketFrom(rows[0]);
}

Ticket TicketRepository::replaceCode(const Ticket& current, const Ticket& replacement)
{
    m_tx.sql().exec_params(
        "INSERT INTO tickets.revoked_codes (code, ticket_id, event_id, reason) VALUES ($1, $2::uuid, $3::uuid, 'replaced') "
        "ON CONFLICT (code) DO NOTHING",
        current.code, current.id, current.eventId);
    return ticketFrom(m_tx.sql().exec_params1(
        "UPDATE tickets.tickets AS t SET code = $2, key_id = $3, issued_at = $4::timestamptz, valid_from = $5::timestamptz, "
        "valid_until = $6::timestamptz, ticket_type_id = $7::uuid, updated_at = now(), "
        "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() WHERE t.id = $1::uuid RETURNING " +
            ticketColumns(),
        current.id, replacement.code, replacement.keyId, replacement.issuedAt, replacement.validFrom,
        replacement.validUntil, replacement.ticketTypeId));
}

std::vector<Ticket> TicketRepository::cancelAllOfEvent(const std::string& eventId)
{
    std::vector<Ticket> cancelled;
    for (
        const auto& row : m_tx.sql().exec_params(
            "UPDATE tickets.tickets AS t SET status = 'cancelled', updated_at = now(), cancelled_at = now(), "
            "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() WHERE t.event_id = $1::uuid AND t.status = 'valid' "
            "RETURNING " +
                ticketColumns(),
            eventId))
        cancelled.push_back(ticketFrom(row));
    m_tx.sql().exec_params(
        "INSERT INTO tickets.revoked_codes (code, ticket_id, event_id, reason) SELECT code, id, event_id, 'cancelled' "
        "FROM tickets.tickets WHERE event_id = $1::uuid AND status = 'cancelled' ON CONFLICT (code) DO NOTHING",
        eventId);
    return cancelled;
}

std::vector<Ticket> TicketRepository::cancel(const std::vector<std::string>& ticketIds)
{
    std::vector<Ticket> cancelled;
    if (ticketIds.empty())
        return cancelled;
    for (const auto& row : m_tx.sql().exec_params(
             "UPDATE tickets.tickets AS t SET status = 'cancelled', updated_at = now(), cancelled_at = now(), "
             "change_seq = nextval('tickets.change_sequence'), change_xid = pg_current_xact_id() "
             "WHERE t.id = ANY($1::uuid[]) AND t.status = 'valid' RETURNING " +
                 ticketColumns(),
             db::arrayLiteral(ticketIds)))
        cancelled.push_back(ticketFrom(row));
    m_tx.sql().exec_params(
        "INSERT INTO tickets.revoked_codes (code, ticket_id, event_id, reason) SELECT code, id, event_id, 'cancelled' "
        "FROM tickets.tickets WHERE id = ANY($1::uuid[]) AND status = 'cancelled' ON CONFLICT (code) DO NOTHING",
        db::arrayLiteral(ticketIds));
    return cancelled;
}

std::vector<Ticket> TicketRepository::listForBuyer(const std::string& buyerId, int limit,
                                                   const std::optional<std::pair<std::string, std::string>>& after)
{
    std::vector<Ticket> tickets;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + ticketColumns() +
                 " FROM tickets.tickets t WHERE t.buyer_id = $1::uuid "
                 "AND ($2 = '' OR (t.issued_at, t.id) < (NULLIF($2, '')::timestamptz, NULLIF($3, '')::uuid)) "
                 "ORDER BY t.issued_at DESC, t.id DESC LIMIT $4",
             buyerId, after ? after->first : std::string(), after ? after->second : std::string(), limit))
        tickets.push_back(ticketFrom(row));
    return tickets;
}

} // namespace sbor::tickets
