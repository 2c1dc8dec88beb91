#pragma once
// The statuses of events, orders, tickets and payments as types, each from its one table
// (eventstatuses.def, orderstatuses.def, ticketstatuses.def, paymentstatuses.def), and the roles
// on an event's team (teamroles.def), a word family of the same kind. The wire word is what the
// API, the bus and the database carry; code compares the enums.

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sbor {

enum class EventStatus {
#define SBOR_STATUS(name, wire) name,
#include "sbor/eventstatuses.def"
#undef SBOR_STATUS
};

enum class OrderStatus {
#define SBOR_STATUS(name, wire) name,
#include "sbor/orderstatuses.def"
#undef SBOR_STATUS
};

enum class TicketStatus {
#define SBOR_STATUS(name, wire) name,
#include "sbor/ticketstatuses.def"
#undef SBOR_STATUS
};

enum class PaymentStatus {
#define SBOR_STATUS(name, wire) name,
#include "sbor/paymentstatuses.def"
#undef SBOR_STATUS
};

enum class TeamRole {
#define SBOR_STATUS(name, wire) name,
#include "sbor/teamroles.def"
#undef SBOR_STATUS
};

// The wire word ("published").
std::string_view statusName(EventStatus status);
std::string_view statusName(OrderStatus status);
std::string_view statusName(TicketStatus status);
std::string_view statusName(PaymentStatus status);
std::string_view statusName(TeamRole role);
template <typename Status> std::string statusText(Status status) { return std::string(statusName(status)); }

// The status a wire word names; nullopt for a word this build does not know.
template <typename Status> std::optional<Status> statusFromName(std::string_view name);
template <> std::optional<EventStatus> statusFromName<EventStatus>(std::string_view name);
template <> std::optional<OrderStatus> statusFromName<OrderStatus>(std::string_view name);
template <> std::optional<TicketStatus> statusFromName<TicketStatus>(std::string_view name);
template <> std::optional<PaymentStatus> statusFromName<PaymentStatus>(std::string_view name);
template <> std::optional<TeamRole> statusFromName<TeamRole>(std::string_view name);

// Every wire word of a status family, in the table's order (for checks against the database's
// CHECK constraints, and for listing the allowed words in a problem).
template <typename Status> const std::vector<std::string_view>& statusNames();
template <> const std::vector<std::string_view>& statusNames<EventStatus>();
template <> const std::vector<std::string_view>& statusNames<OrderStatus>();
template <> const std::vector<std::string_view>& statusNames<TicketStatus>();
template <> const std::vector<std::string_view>& statusNames<PaymentStatus>();
template <> const std::vector<std::string_view>& statusNames<TeamRole>();

// JSON carries a status as its wire word, wherever one is put into a document (nlohmann's ADL
// hooks: without them an enum would silently become a number); reading an unknown word throws
// nlohmann::json::type_error.
void to_json(nlohmann::json& json, EventStatus status);
void to_json(nlohmann::json& json, OrderStatus status);
void to_json(nlohmann::json& json, TicketStatus status);
void to_json(nlohmann::json& json, PaymentStatus status);
void to_json(nlohmann::json& json, TeamRole role);
void from_json(const nlohmann::json& json, EventStatus& status);
void from_json(const nlohmann::json& json, OrderStatus& status);
void from_json(const nlohmann::json& json, TicketStatus& status);
void from_json(const nlohmann::json& json, PaymentStatus& status);
void from_json(const nlohmann::json& json, TeamRole& role);

} // namespace sbor
