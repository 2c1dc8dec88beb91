#include "ticketjson.h"

namespace sbor::tickets {

nlohmann::json ticketJson(const Ticket& ticket)
{
    return {{"id", ticket.id},
            {"order_id", ticket.orderId},
            {"event_id", ticket.eventId},
            {"ticket_type_id", ticket.ticketTypeId},
            {"holder_name", ticket.holderName},
            {"holder_email", ticket.holderEmail},
            {"status", ticket.status},
            {"blocked", ticket.blocked},
            {"code", ticket.code},
            {"issued_at", ticket.issuedAt},
            {"valid_from", ticket.validFrom},
            {"valid_until", ticket.validUntil},
            {"qr_png", "/api/v1/tickets/" + ticket.id + "/qr.png"},
            {"qr_svg", "/api/v1/tickets/" + ticket.id + "/qr.svg"},
            {"updated_at", ticket.updatedAt}};
}

nlohmann::json ticketsJson(const std::vector<Ticket>& tickets)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& ticket : tickets)
        list.push_back(ticketJson(ticket));
    return list;
}

} // namespace sbor::tickets
