#include "sbor/wire/sales.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

nlohmann::json toJson(const TicketType& type)
{
    return {{"id", type.id},
            {"event_id", type.eventId},
            {"name", type.name},
            {"price", type.price},
            {"currency", type.currency},
            {"quota", type.quota},
            {"sold", type.sold},
            {"available", type.available()},
            {"sales_start", type.salesStart},
            {"sales_end", type.salesEnd},
            {"min_per_order", type.minPerOrder},
            {"max_per_order", type.maxPerOrder},
            {"active", type.active},
            {"version", type.version},
            {"created_at", type.createdAt},
            {"updated_at", type.updatedAt}};
}

void fromJson(const FieldReader& reader, TicketType& type)
{
    type.id = reader.string("id");
    type.eventId = reader.string("event_id");
    type.name = reader.string("name");
    type.price = reader.integer("price");
    type.currency = reader.string("currency");
    type.quota = static_cast<int>(reader.integer("quota"));
    type.sold = static_cast<int>(reader.integer("sold"));
    type.salesStart = reader.string("sales_start");
    type.salesEnd = reader.string("sales_end");
    type.minPerOrder = static_cast<int>(reader.integer("min_per_order"));
    type.maxPerOrder = static_cast<int>(reader.integer("max_per_order"));
    type.active = reader.boolean("active");
    type.version = static_cast<int>(reader.integer("version"));
    type.createdAt = reader.string("created_at");
    type.updatedAt = reader.string("updated_at");
}

nlohmann::json toJson(const TicketTypeDraft& draft)
{
    return {{"name", draft.name},
            {"price", draft.price},
            {"currency", draft.currency},
            {"quota", draft.quota},
            {"sales_start", draft.salesStart},
            {"sales_end", draft.salesEnd},
            {"min_per_order", draft.minPerOrder},
            {"max_per_order", draft.maxPerOrder},
            {"active", draft.active}};
}

nlohmann::json toJson(const TicketTypeChanges& changes)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "name", changes.name);
    putPresent(json, "price", changes.price);
    putPresent(json, "currency", changes.currency);
    putPresent(json, "quota", changes.quota);
    putPresent(json, "sales_start", changes.salesStart);
    putPresent(json, "sales_end", changes.salesEnd);
    putPresent(json, "min_per_order", changes.minPerOrder);
    putPresent(json, "max_per_order", changes.maxPerOrder);
    putPresent(json, "active", changes.active);
    return json;
}

nlohmann::json toJson(const Ticket& ticket)
{
    return {{"id", ticket.id},
            {"order_id", ticket.orderId},
            {"event_id", ticket.eventId},
            {"ticket_type_id", ticket.ticketTypeId},
            {"holder_name", ticket.holderName},
            {"holder_email", ticket.holderEmail},
            {"status", statusText(ticket.status)},
            {"blocked", ticket.blocked},
            {"code", ticket.code},
            {"issued_at", ticket.issuedAt},
            {"valid_from", ticket.validFrom},
            {"valid_until", ticket.validUntil},
            {"qr_png", ticket.qrPngPath()},
            {"qr_svg", ticket.qrSvgPath()},
            {"updated_at", ticket.updatedAt}};
}

void fromJson(const FieldReader& reader, Ticket& ticket)
{
    ticket.id = reader.string("id");
    ticket.orderId = reader.string("order_id");
    ticket.eventId = reader.string("event_id");
    ticket.ticketTypeId = reader.string("ticket_type_id");
    ticket.holderName = reader.string("holder_name");
    ticket.holderEmail = reader.string("holder_email");
    ticket.status = reader.status<TicketStatus>("status");
    ticket.blocked = reader.boolean("blocked");
    ticket.code = reader.string("code");
    ticket.issuedAt = reader.string("issued_at");
    ticket.validFrom = reader.string("valid_from");
    ticket.validUntil = reader.string("valid_until");
    ticket.updatedAt = reader.string("updated_at");
}

nlohmann::json toJson(const TicketChanges& changes)
{
    nlohmann::json json = nlohmann::json::object();
    putPresent(json, "ticket_type_id", changes.ticketTypeId);
    putPresent(json, "holder_name", changes.holderName);
    putPresent(json, "holder_email", changes.holderEmail);
    putPresent(json, "valid_from", changes.validFrom);
    putPresent(json, "valid_until", changes.validUntil);
    return json;
}

nlohmann::json toJson(const OrderRequest& request)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& line : request.lines) {
        nlohmann::json attendees = nlohmann::json::array();
        for (const auto& attendee : line.attendees)
            attendees.push_back({{"name", attendee.name}, {"email", attendee.email}});
        items.push_back({{"ticket_type_id", line.ticketTypeId}, {"quantity", line.quantity}, {"attendees", attendees}});
    }
    return {{"event_id", request.eventId}, {"items", items}};
}

nlohmann::json toJson(const Order& order)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : order.items)
        items.push_back(
            {{"ticket_type_id", item.ticketTypeId}, {"quantity", item.quantity}, {"unit_price", item.unitPrice}});
    return {{"id", order.id},
            {"event_id", order.eventId},
            {"buyer_id", order.buyerId},
            {"status", statusText(order.status)},
            {"total", order.total},
            {"currency", order.currency},
            {"payment_id", order.paymentId},
            {"hold_expires_at", jsonOrNull(order.holdExpiresAt)},
            {"items", items},
            {"created_at", order.createdAt},
            {"updated_at", order.updatedAt}};
}

void fromJson(const FieldReader& reader, Order& order)
{
    order.id = reader.string("id");
    order.eventId = reader.string("event_id");
    order.buyerId = reader.string("buyer_id");
    order.status = reader.status<OrderStatus>("status");
    order.total = reader.integer("total");
    order.currency = reader.string("currency");
    order.paymentId = reader.optionalString("payment_id").value_or("");
    order.holdExpiresAt = reader.optionalString("hold_expires_at");
    order.createdAt = reader.string("created_at");
    order.updatedAt = reader.string("updated_at");
    const auto& items = reader.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const FieldReader item(items[i], reader.pathOf("items") + "[" + std::to_string(i) + "]");
        order.items.push_back(
            {item.string("ticket_type_id"), static_cast<int>(item.integer("quantity")), item.integer("unit_price")});
    }
}

nlohmann::json toJson(const PlacedOrder& placed)
{
    return {{"order", toJson(placed.order)}, {"tickets", encodeList(placed.tickets)}};
}

void fromJson(const FieldReader& reader, PlacedOrder& placed)
{
    placed.order = decode<Order>(reader.object("order"), reader.pathOf("order"));
    placed.tickets = decodeList<Ticket>(reader.array("tickets"), reader.pathOf("tickets"));
}

nlohmann::json toJson(const EventOrder& order)
{
    nlohmann::json json = toJson(order.order);
    json["buyer"] = {{"id", order.buyer.id}, {"name", order.buyer.name}, {"email", order.buyer.email}};
    json["attendees"] = nlohmann::json::array();
    for (const auto& attendee : order.attendees)
        json["attendees"].push_back(
            {{"ticket_id", attendee.ticketId.empty() ? nlohmann::json() : nlohmann::json(attendee.ticketId)},
             {"ticket_type_id", attendee.ticketTypeId},
             {"name", attendee.name},
             {"email", attendee.email},
             {"status", attendee.status ? nlohmann::json(*attendee.status) : nlohmann::json()}});
    json["history"] = nlohmann::json::array();
    for (const auto& change : order.history)
        json["history"].push_back({{"status", change.status}, {"at", change.at}});
    return json;
}

void fromJson(const FieldReader& reader, EventOrder& order)
{
    fromJson(reader, order.order);
    const FieldReader buyer(reader.object("buyer"), reader.pathOf("buyer"));
    order.buyer = {buyer.string("id"), buyer.string("name"), buyer.string("email")};
    const auto& attendees = reader.array("attendees");
    for (std::size_t i = 0; i < attendees.size(); ++i) {
        const FieldReader item(attendees[i], reader.pathOf("attendees") + "[" + std::to_string(i) + "]");
        OrderAttendee attendee;
        attendee.ticketId = item.optionalString("ticket_id").value_or("");
        attendee.ticketTypeId = item.string("ticket_type_id");
        attendee.name = item.string("name");
        attendee.email = item.string("email");
        if (item.optionalString("status"))
            attendee.status = item.status<TicketStatus>("status");
        order.attendees.push_back(std::move(attendee));
    }
    const auto& history = reader.array("history");
    for (std::size_t i = 0; i < history.size(); ++i) {
        const FieldReader item(history[i], reader.pathOf("history") + "[" + std::to_string(i) + "]");
        order.history.push_back({item.status<OrderStatus>("status"), item.string("at")});
    }
}

nlohmann::json toJson(const EventAttendee& attendee)
{
    return {{"ticket_id", attendee.ticketId},
            {"order_id", attendee.orderId},
            {"holder_name", attendee.holderName},
            {"holder_email", attendee.holderEmail},
            {"ticket_type_id", attendee.ticketTypeId},
            {"status", attendee.status},
            {"blocked", attendee.blocked},
            {"checked_in_at", jsonOrNull(attendee.checkedInAt)},
            {"list_id", jsonOrNull(attendee.listId)}};
}

void fromJson(const FieldReader& reader, EventAttendee& attendee)
{
    attendee.ticketId = reader.string("ticket_id");
    attendee.orderId = reader.string("order_id");
    attendee.holderName = reader.string("holder_name");
    attendee.holderEmail = reader.string("holder_email");
    attendee.ticketTypeId = reader.string("ticket_type_id");
    attendee.status = reader.status<TicketStatus>("status");
    attendee.blocked = reader.optionalBoolean("blocked").value_or(false);
    attendee.checkedInAt = reader.optionalString("checked_in_at");
    attendee.listId = reader.optionalString("list_id");
}

} // namespace sbor::wire
