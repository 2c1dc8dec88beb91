#include "ticketissuing.h"

#include "eventkeyrepository.h"
#include "ticketrepository.h"

#include "outbox/outbox.h"
#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"

#include <sodium.h>

namespace sbor::tickets {
namespace {

UuidBytes randomUuid()
{
    UuidBytes bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    return bytes;
}

std::uint32_t clampedSeconds(std::int64_t seconds)
{
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(seconds, 0, UINT32_MAX));
}

} // namespace

void signTicket(Ticket& ticket, const EventSigningKey& key, std::int64_t issuedAt, std::int64_t validFrom,
                std::int64_t validUntil)
{
    const UuidBytes eventId = *uuidBytes(ticket.eventId);
    TicketCodeFields fields;
    fields.keyId = static_cast<std::uint8_t>(key.keyId);
    fields.ticketId = *uuidBytes(ticket.id);
    fields.eventPrefix = idPrefix(eventId);
    fields.ticketTypePrefix = idPrefix(*uuidBytes(ticket.ticketTypeId));
    fields.issuedAt = clampedSeconds(issuedAt);
    fields.validFrom = clampedSeconds(validFrom);
    fields.validUntil = clampedSeconds(validUntil);
    ticket.code = signTicketCode(fields, eventId, key.secretKey);
    ticket.keyId = key.keyId;
    // Second precision, exactly what the code says.
    ticket.issuedAt = formatRfc3339(std::int64_t(fields.issuedAt) * 1000000);
    ticket.validFrom = formatRfc3339(std::int64_t(fields.validFrom) * 1000000);
    ticket.validUntil = formatRfc3339(std::int64_t(fields.validUntil) * 1000000);
}

std::vector<Ticket> issueTickets(db::Transaction& tx, const Order& order, const EventFacts& event,
                                 const std::string& traceId)
{
    TicketRepository repository(tx);
    const EventSigningKey key = EventKeyRepository(tx).signingKey(order.eventId);
    const std::int64_t now = unixNowSeconds();
    const std::int64_t validFrom = event.startsAt / 1000000 - kCodeValidityMarginSeconds;
    const std::int64_t validUntil = event.endsAt / 1000000 + kCodeValidityMarginSeconds;
    std::vector<Ticket> issued;
    const std::vector<TicketHolder> holders = repository.holdersOf(order.id);
    const auto unitPriceOf = [&](const std::string& typeId) {
        for (const auto& item : order.items) {
            if (item.ticketTypeId == typeId)
                return item.unitPrice;
        }
        return std::int64_t(0);
    };
    for (const TicketHolder& holder : holders) {
        Ticket ticket;
        ticket.id = uuidText(randomUuid().data());
        ticket.orderId = order.id;
        ticket.eventId = order.eventId;
        ticket.ticketTypeId = holder.ticketTypeId;
        ticket.buyerId = order.buyerId;
        ticket.holderName = holder.name;
        ticket.holderEmail = holder.email;
        signTicket(ticket, key, now, validFrom, validUntil);
        issued.push_back(repository.insert(ticket));
        outbox::append(tx, "tickets",
                       // Keyed by event: per-event order holds for ticket and check-in traffic (architecture.md §4).
                       {"ticket",
                        order.eventId,
                        "ticket.purchased",
                        {{"ticket_id", ticket.id},
                         {"order_id", order.id},
                         {"event_id", order.eventId},
                         {"ticket_type_id", ticket.ticketTypeId},
                         {"buyer_id", order.buyerId},
                         {"holder_name", ticket.holderName},
                         {"holder_email", ticket.holderEmail},
                         // Lets a consumer tell when it has seen the whole order (the buyer's summary).
                         {"order_ticket_count", holders.size()},
                         {"order_total", order.total},
                         // What this ticket was sold for: the analytics' revenue per type.
                         {"unit_price", unitPriceOf(ticket.ticketTypeId)},
                         {"currency", order.currency}},
                        traceId});
    }
    return issued;
}

} // namespace sbor::tickets
