#pragma once
// Orders as plain values.

#include "ticket.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

struct Attendee {
    std::string name;
    std::string email;
};

struct OrderLine {
    std::string ticketTypeId;
    int quantity = 0;
    std::vector<Attendee> attendees; // one per ticket
};

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
    std::string status; // pending | paid | cancelled | refunded | expired
    std::int64_t total = 0;
    std::string currency;
    std::string paymentId;
    std::optional<std::string> holdExpiresAt;
    std::string createdAt;
    std::string updatedAt;
    std::vector<OrderItem> items;
    std::vector<Ticket> tickets; // filled where a caller gets them: placing, paying
};

} // namespace sbor::tickets
