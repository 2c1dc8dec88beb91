#pragma once
// Issued tickets as plain values.

#include <string>

namespace sbor::tickets {

struct Ticket {
    std::string id;
    std::string orderId;
    std::string eventId;
    std::string ticketTypeId;
    std::string buyerId;
    std::string holderName;
    std::string holderEmail;
    std::string status = "valid"; // valid | cancelled
    bool blocked = false;
    std::string code;
    int keyId = 0;
    std::string issuedAt; // RFC 3339 UTC
    std::string validFrom;
    std::string validUntil;
    std::string updatedAt;
};

} // namespace sbor::tickets
