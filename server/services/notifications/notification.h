#pragma once
// What the notifications service keeps, as plain values.

#include "sbor/wire/notification.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sbor::notifications {

using wire::Notification;

struct TicketHolderRecord {
    std::string ticketId;
    std::string eventId;
    std::string orderId;
    std::string buyerId;
    std::string holderName;
    std::string holderEmail;
    bool cancelled = false;
};

struct OutgoingEmail {
    std::string to;
    std::string type;
    std::string locale;
    std::string subject;
    std::string body;
    std::optional<std::string> ticketId; // its QR is attached when sent
};

struct StoredEmail {
    std::string id;
    OutgoingEmail email;
    int attempts = 0;
};

struct WebhookEndpoint {
    std::string id;
    std::string ownerId;
    std::string url;
    std::string description;
    std::vector<std::string> eventTypes; // names, or "*" for all
    bool active = true;
    std::optional<std::string> disabledReason;
    nlohmann::json secrets = nlohmann::json::array(); // [{"secret", "expires_at"}], newest first
    std::string createdAt;
    std::string updatedAt;
};

struct WebhookAttempt {
    std::string at;
    std::optional<int> statusCode;
    std::optional<std::string> error;
    int durationMs = 0;
    std::string responseBody;
};

struct WebhookDeliveryRecord {
    std::string id;
    std::string endpointId;
    std::string messageId;
    std::string eventType;
    std::string payload;
    std::string status; // pending | succeeded | failed
    int attempts = 0;
    std::optional<std::string> nextAttemptAt;
    std::optional<int> lastStatusCode;
    std::string createdAt;
    std::vector<WebhookAttempt> attemptLog;
};

// A delivery claimed for sending, with what sending needs from its endpoint.
struct DueDelivery {
    WebhookDeliveryRecord delivery;
    std::string url;
    nlohmann::json secrets; // as the endpoint keeps them, with their expiry
    bool endpointActive = true;
};

} // namespace sbor::notifications
