#pragma once
// The wire form of the contracts (service/contracts.h) and of an authenticated caller, when they
// are served over HTTP between Sbor processes. One codec per type, used by both ends.

#include "access/access.h"
#include "service/contracts.h"
#include "service/refundcontracts.h"

#include <nlohmann/json.hpp>

namespace sbor {

void to_json(nlohmann::json& json, const EventFacts& facts);
void from_json(const nlohmann::json& json, EventFacts& facts);
void to_json(nlohmann::json& json, const PayableOrder& order);
void from_json(const nlohmann::json& json, PayableOrder& order);
void to_json(nlohmann::json& json, const OrderRefund& refund);
void from_json(const nlohmann::json& json, OrderRefund& refund);
void to_json(nlohmann::json& json, const CheckInListFacts& list);
void from_json(const nlohmann::json& json, CheckInListFacts& list);
void to_json(nlohmann::json& json, const UserContact& contact);
void from_json(const nlohmann::json& json, UserContact& contact);
void to_json(nlohmann::json& json, const EventSalesRecord& record);
void from_json(const nlohmann::json& json, EventSalesRecord& record);
void to_json(nlohmann::json& json, const PaymentFact& payment);
void from_json(const nlohmann::json& json, PaymentFact& payment);
// The QR image travels as base64: JSON strings are text.
void to_json(nlohmann::json& json, const TicketDocument& document);
void from_json(const nlohmann::json& json, TicketDocument& document);

namespace access {
void to_json(nlohmann::json& json, const Principal& principal);
// Throws (std::invalid_argument, nlohmann::json::exception) on a role this build does not know or a missing field.
void from_json(const nlohmann::json& json, Principal& principal);
} // namespace access

// An Error as the HTTP error body carries it ({"error":{code,message,details}}); a body of
// another shape (not from a Sbor process) reads as UpstreamUnavailable.
Error errorFromResponseBody(const std::string& body, int status, const std::string& service);

} // namespace sbor

namespace sbor::wire {
void to_json(nlohmann::json& json, const DoorPublicKey& key);
void from_json(const nlohmann::json& json, DoorPublicKey& key);
} // namespace sbor::wire
