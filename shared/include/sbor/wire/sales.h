#pragma once
// The sales DTOs — ticket types, orders, tickets — and their one JSON codec, shared by the server
// and the clients.

#include "sbor/wire/decoding.h"
#include "sbor/statuses.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

struct TicketType {
    std::string id;
    std::string eventId;
    std::string name;
    std::int64_t price = 0; // minor units
    std::string currency;   // ISO 4217
    int quota = 0;
    int sold = 0;
    std::string salesStart; // RFC 3339 UTC
    std::string salesEnd;
    int minPerOrder = 1;
    int maxPerOrder = 10;
    bool active = true;
    int version = 1;
    std::string createdAt;
    std::string updatedAt;
    int available() const { return quota > sold ? quota - sold : 0; }
};

struct TicketTypeDraft {
    std::string name;
    std::int64_t price = 0;
    std::string currency;
    int quota = 0;
    std::string salesStart;
    std::string salesEnd;
    int minPerOrder = 1;
    int maxPerOrder = 10;
    bool active = true;
};

struct TicketTypeChanges {
    std::optional<std::string> name;
    std::optional<std::int64_t> price;
    std::optional<std::string> currency;
    std::optional<int> quota;
    std::optional<std::string> salesStart;
    std::optional<std::string> salesEnd;
    std::optional<int> minPerOrder;
    std::optional<int> maxPerOrder;
    std::optional<bool> active;
    bool empty() const
    {
        return !name && !price && !currency && !quota && !salesStart && !salesEnd && !minPerOrder && !maxPerOrder &&
            !active;
    }
};

// An issued ticket as its holder, buyer and organizer see it; it always carries its code.
struct Ticket {
    std::string id;
    std::string orderId;
    std::string eventId;
    std::string ticketTypeId;
    std::string holderName;
    std::string holderEmail;
    TicketStatus status = TicketStatus::Valid;
    bool blocked = false;
    std::string code;
    std::string issuedAt; // RFC 3339 UTC
    std::string validFrom;
    std::string validUntil;
    std::string updatedAt;
    std::string qrPngPath() const { return "/api/v1/tickets/" + id + "/qr.png"; }
    std::string qrSvgPath() const { return "/api/v1/tickets/" + id + "/qr.svg"; }
};

// PATCH /tickets/{id}: a new type, holder, email or validity (a new code is issued).
struct TicketChanges {
    std::optional<std::string> ticketTypeId;
    std::optional<std::string> holderName;
    std::optional<std::string> holderEmail;
    std::optional<std::string> validFrom;
    std::optional<std::string> validUntil;
};

struct Attendee {
    std::string name;
    std::string email;
};

struct OrderLine {
    std::string ticketTypeId;
    int quantity = 0;
    std::vector<Attendee> attendees; // one per ticket
};

// POST /orders.
struct OrderRequest {
    std::string eventId;
    std::vector<OrderLine> lines;
};

struct OrderItem {
    std::string ticketTypeId;
    int quantity = 0;
    std::int64_t unitPrice = 0;
};

struct Order {
    std::string id;
    std::string eventId;
    std::string buyerId;
    OrderStatus status = OrderStatus::Pending;
    std::int64_t total = 0;
    std::string currency;
    std::string paymentId;
    std::optional<std::string> holdExpiresAt;
    std::string createdAt;
    std::string updatedAt;
    std::vector<OrderItem> items;
};

// What POST /orders answers: the order and, when it was free, its tickets.
struct PlacedOrder {
    Order order;
    std::vector<Ticket> tickets;
};

// The organizer's views of an event's sales (GET /events/{id}/orders and /attendees).
struct Buyer {
    std::string id;
    std::string name;  // as the account read when the order was placed
    std::string email; // the same
};

// A ticket of an order, or (before it is paid) an attendee as ordered: then ticketId is empty.
struct OrderAttendee {
    std::string ticketId;
    std::string ticketTypeId;
    std::string name;
    std::string email;
    std::optional<TicketStatus> status; // of the ticket, when issued
};

struct OrderStatusChange {
    OrderStatus status = OrderStatus::Pending;
    std::string at; // RFC 3339 UTC
};

struct EventOrder {
    Order order;
    Buyer buyer;
    std::vector<OrderAttendee> attendees;
    std::vector<OrderStatusChange> history; // oldest first
};

// One row per ticket of an event.
struct EventAttendee {
    std::string ticketId;
    std::string orderId;
    std::string holderName;
    std::string holderEmail;
    std::string ticketTypeId;
    TicketStatus status = TicketStatus::Valid;
    bool blocked = false;
    std::optional<std::string> checkedInAt; // the first admission still standing
    std::optional<std::string> listId;      // where that was
};

nlohmann::json toJson(const EventOrder& order);
nlohmann::json toJson(const EventAttendee& attendee);
void fromJson(const FieldReader& reader, EventOrder& order);
void fromJson(const FieldReader& reader, EventAttendee& attendee);

nlohmann::json toJson(const TicketType& type);
nlohmann::json toJson(const TicketTypeDraft& draft);
nlohmann::json toJson(const TicketTypeChanges& changes);
nlohmann::json toJson(const Ticket& ticket);
nlohmann::json toJson(const TicketChanges& changes);
nlohmann::json toJson(const OrderRequest& request);
nlohmann::json toJson(const Order& order);
nlohmann::json toJson(const PlacedOrder& placed);
void fromJson(const FieldReader& reader, TicketType& type);
void fromJson(const FieldReader& reader, Ticket& ticket);
void fromJson(const FieldReader& reader, Order& order);
void fromJson(const FieldReader& reader, PlacedOrder& placed);

} // namespace sbor::wire
