#include "sbor/statuses.h"

#include <nlohmann/json.hpp>

#include <iterator>

namespace sbor {
namespace {

constexpr std::string_view kEventStatusNames[] = {
#define SBOR_STATUS(name, wire) wire,
#include "sbor/eventstatuses.def"
#undef SBOR_STATUS
};

constexpr std::string_view kOrderStatusNames[] = {
#define SBOR_STATUS(name, wire) wire,
#include "sbor/orderstatuses.def"
#undef SBOR_STATUS
};

constexpr std::string_view kTicketStatusNames[] = {
#define SBOR_STATUS(name, wire) wire,
#include "sbor/ticketstatuses.def"
#undef SBOR_STATUS
};

constexpr std::string_view kPaymentStatusNames[] = {
#define SBOR_STATUS(name, wire) wire,
#include "sbor/paymentstatuses.def"
#undef SBOR_STATUS
};

constexpr std::string_view kTeamRoleNames[] = {
#define SBOR_STATUS(name, wire) wire,
#include "sbor/teamroles.def"
#undef SBOR_STATUS
};

template <typename Status, std::size_t N>
std::optional<Status> fromName(const std::string_view (&names)[N], std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == name)
            return static_cast<Status>(i);
    }
    return std::nullopt;
}

template <typename Status> void readStatus(const nlohmann::json& json, Status& status)
{
    const auto known = json.is_string() ? statusFromName<Status>(json.get_ref<const std::string&>()) : std::nullopt;
    if (!known)
        throw nlohmann::json::type_error::create(302, "not a known status: " + json.dump(), &json);
    status = *known;
}

} // namespace

std::string_view statusName(EventStatus status) { return kEventStatusNames[static_cast<std::size_t>(status)]; }

template <> const std::vector<std::string_view>& statusNames<EventStatus>()
{
    static const std::vector<std::string_view> names(std::begin(kEventStatusNames), std::end(kEventStatusNames));
    return names;
}

template <> std::optional<EventStatus> statusFromName<EventStatus>(std::string_view name)
{
    return fromName<EventStatus>(kEventStatusNames, name);
}

std::string_view statusName(OrderStatus status) { return kOrderStatusNames[static_cast<std::size_t>(status)]; }

template <> const std::vector<std::string_view>& statusNames<OrderStatus>()
{
    static const std::vector<std::string_view> names(std::begin(kOrderStatusNames), std::end(kOrderStatusNames));
    return names;
}

template <> std::optional<OrderStatus> statusFromName<OrderStatus>(std::string_view name)
{
    return fromName<OrderStatus>(kOrderStatusNames, name);
}

std::string_view statusName(TicketStatus status) { return kTicketStatusNames[static_cast<std::size_t>(status)]; }

template <> const std::vector<std::string_view>& statusNames<TicketStatus>()
{
    static const std::vector<std::string_view> names(std::begin(kTicketStatusNames), std::end(kTicketStatusNames));
    return names;
}

template <> std::optional<TicketStatus> statusFromName<TicketStatus>(std::string_view name)
{
    return fromName<TicketStatus>(kTicketStatusNames, name);
}

std::string_view statusName(PaymentStatus status) { return kPaymentStatusNames[static_cast<std::size_t>(status)]; }

template <> const std::vector<std::string_view>& statusNames<PaymentStatus>()
{
    static const std::vector<std::string_view> names(std::begin(kPaymentStatusNames), std::end(kPaymentStatusNames));
    return names;
}

template <> std::optional<PaymentStatus> statusFromName<PaymentStatus>(std::string_view name)
{
    return fromName<PaymentStatus>(kPaymentStatusNames, name);
}

std::string_view statusName(TeamRole role) { return kTeamRoleNames[static_cast<std::size_t>(role)]; }

template <> const std::vector<std::string_view>& statusNames<TeamRole>()
{
    static const std::vector<std::string_view> names(std::begin(kTeamRoleNames), std::end(kTeamRoleNames));
    return names;
}

template <> std::optional<TeamRole> statusFromName<TeamRole>(std::string_view name)
{
    return fromName<TeamRole>(kTeamRoleNames, name);
}

void to_json(nlohmann::json& json, EventStatus status) { json = statusText(status); }
void to_json(nlohmann::json& json, OrderStatus status) { json = statusText(status); }
void to_json(nlohmann::json& json, TicketStatus status) { json = statusText(status); }
void to_json(nlohmann::json& json, PaymentStatus status) { json = statusText(status); }
void from_json(const nlohmann::json& json, EventStatus& status) { readStatus(json, status); }
void from_json(const nlohmann::json& json, OrderStatus& status) { readStatus(json, status); }
void from_json(const nlohmann::json& json, TicketStatus& status) { readStatus(json, status); }
void from_json(const nlohmann::json& json, PaymentStatus& status) { readStatus(json, status); }
void to_json(nlohmann::json& json, TeamRole role) { json = statusText(role); }
void from_json(const nlohmann::json& json, TeamRole& role) { readStatus(json, role); }

} // namespace sbor
