#pragma once
// The support API's DTOs — requests and the messages of their threads — and their one JSON codec,
// shared by the server and the console (GET/POST /api/v1/support/requests…).

#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

struct SupportMessage {
    std::string id;
    std::string authorId;
    bool fromStaff = false;
    bool internal = false; // a note among staff: the requester never sees it
    std::string body;
    std::string createdAt;
};

struct SupportRequest {
    std::string id;
    std::int64_t number = 0; // what people quote ("request #1042")
    std::string requesterId;
    std::string subject;
    std::string category; // order | payment | event | account | other
    std::optional<std::string> orderId;
    std::optional<std::string> eventId;
    std::string status; // open | pending_customer | resolved | closed
    std::optional<std::string> assigneeId;
    std::optional<std::string> escalatedAt;
    std::optional<std::string> escalatedBy;
    std::optional<std::string> escalationReason;
    std::string firstResponseDueAt;
    std::string resolutionDueAt;
    std::optional<std::string> firstRespondedAt;
    std::optional<std::string> resolvedAt;
    std::optional<std::string> closedAt;
    std::optional<std::string> nextDueAt;
    bool overdue = false; // a deadline that matters now has passed
    std::string lastMessageAt;
    std::string createdAt;
    std::string updatedAt;
    std::vector<SupportMessage> messages; // filled when one request is read
};

// A dispute about an order (GET/POST /api/v1/disputes…).
struct Dispute {
    std::string id;
    std::string orderId;
    std::string eventId;
    std::string organizerId;
    std::string buyerId;
    std::int64_t amount = 0; // what the order was paid, minor units
    std::string currency;
    std::string reason; // not_received | not_as_described | duplicate | fraudulent | refund_not_processed | other
    std::string details;
    std::string status; // needs_response | under_review | won | lost
    std::string respondBy;
    std::optional<std::string> evidence;
    std::optional<std::string> respondedAt;
    std::optional<std::string> reviewNote; // e.g. the organizer did not answer by the deadline
    std::optional<std::int64_t> refundAmount;
    bool refunded = false; // a lost dispute's money went back
    std::optional<std::string> decisionNote;
    std::optional<std::string> decidedBy;
    std::optional<std::string> decidedAt;
    std::string createdAt;
    std::string updatedAt;
};

nlohmann::json toJson(const SupportMessage& message);
nlohmann::json toJson(const Dispute& dispute);
void fromJson(const FieldReader& reader, Dispute& dispute);
// The request with its `messages` when `withMessages` (one request read), without in lists.
nlohmann::json toJson(const SupportRequest& request, bool withMessages = false);
void fromJson(const FieldReader& reader, SupportMessage& message);
void fromJson(const FieldReader& reader, SupportRequest& request);

} // namespace sbor::wire
