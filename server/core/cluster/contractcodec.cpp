#include "cluster/contractcodec.h"

#include "sbor/base64url.h"

namespace sbor {

void to_json(nlohmann::json& json, const EventFacts& facts)
{
    json = {{"id", facts.id},
            {"organizer_id", facts.organizerId},
            {"status", facts.status},
            {"title", facts.title},
            {"timezone", facts.timezone},
            {"starts_at", facts.startsAt},
            {"ends_at", facts.endsAt},
            {"venue", facts.venue},
            {"team", nlohmann::json::array()}};
    for (const auto& seat : facts.team)
        json["team"].push_back({{"user_id", seat.userId}, {"role", seat.role}});
}

void from_json(const nlohmann::json& json, EventFacts& facts)
{
    json.at("id").get_to(facts.id);
    json.at("organizer_id").get_to(facts.organizerId);
    json.at("status").get_to(facts.status);
    json.at("title").get_to(facts.title);
    json.at("timezone").get_to(facts.timezone);
    json.at("starts_at").get_to(facts.startsAt);
    json.at("ends_at").get_to(facts.endsAt);
    json.at("venue").get_to(facts.venue);
    facts.team.clear();
    for (const auto& seat : json.at("team"))
        facts.team.push_back({seat.at("user_id").get<std::string>(), seat.at("role").get<TeamRole>()});
}

namespace {
nlohmann::json optionalTime(const std::optional<std::int64_t>& time)
{
    return time ? nlohmann::json(*time) : nlohmann::json();
}
std::optional<std::int64_t> optionalTimeAt(const nlohmann::json& json, const char* key)
{
    const auto& value = json.at(key);
    return value.is_null() ? std::nullopt : std::optional(value.get<std::int64_t>());
}
} // namespace

// Arrays of arrays, not of objects: a rebuild of a large event carries tens of thousands of rows.
void to_json(nlohmann::json& json, const EventSalesRecord& record)
{
    json = {{"event_id", record.eventId},
            {"orders_placed_at", record.ordersPlacedAt},
            {"tickets", nlohmann::json::array()},
            {"admissions", nlohmann::json::array()}};
    for (const auto& t : record.tickets)
        json["tickets"].push_back(
            {t.ticketId, t.ticketTypeId, t.unitPrice, t.currency, t.soldAt, optionalTime(t.cancelledAt)});
    for (const auto& a : record.admissions)
        json["admissions"].push_back({a.listId, a.scanId, a.exit, a.scannedAt});
}

void from_json(const nlohmann::json& json, EventSalesRecord& record)
{
    json.at("event_id").get_to(record.eventId);
    json.at("orders_placed_at").get_to(record.ordersPlacedAt);
    record.tickets.clear();
    for (const auto& t : json.at("tickets"))
        record.tickets.push_back({t.at(0).get<std::string>(), t.at(1).get<std::string>(), t.at(2).get<std::int64_t>(),
                                  t.at(3).get<std::string>(), t.at(4).get<std::int64_t>(),
                                  t.at(5).is_null() ? std::nullopt : std::optional(t.at(5).get<std::int64_t>())});
    record.admissions.clear();
    for (const auto& a : json.at("admissions"))
        record.admissions.push_back(
            {a.at(0).get<std::string>(), a.at(1).get<std::string>(), a.at(2).get<bool>(), a.at(3).get<std::int64_t>()});
}

void to_json(nlohmann::json& json, const PaymentFact& payment)
{
    json = {{"payment_id", payment.paymentId},
            {"currency", payment.currency},
            {"amount", payment.amount},
            {"commission", payment.commission},
            {"succeeded_at", optionalTime(payment.succeededAt)},
            {"refunded_at", optionalTime(payment.refundedAt)}};
}

void from_json(const nlohmann::json& json, PaymentFact& payment)
{
    json.at("payment_id").get_to(payment.paymentId);
    json.at("currency").get_to(payment.currency);
    json.at("amount").get_to(payment.amount);
    json.at("commission").get_to(payment.commission);
    payment.succeededAt = optionalTimeAt(json, "succeeded_at");
    payment.refundedAt = optionalTimeAt(json, "refunded_at");
}

void to_json(nlohmann::json& json, const PayableOrder& order)
{
    json = {{"order_id", order.orderId},    {"event_id", order.eventId}, {"buyer_id", order.buyerId},
            {"status", order.status},       {"total", order.total},      {"currency", order.currency},
            {"payment_id", order.paymentId}};
}

void from_json(const nlohmann::json& json, PayableOrder& order)
{
    json.at("order_id").get_to(order.orderId);
    json.at("event_id").get_to(order.eventId);
    json.at("buyer_id").get_to(order.buyerId);
    json.at("status").get_to(order.status);
    json.at("total").get_to(order.total);
    json.at("currency").get_to(order.currency);
    json.at("payment_id").get_to(order.paymentId);
}

void to_json(nlohmann::json& json, const CheckInListFacts& list)
{
    json = {{"id", list.id}, {"event_id", list.eventId}, {"name", list.name}};
}

void from_json(const nlohmann::json& json, CheckInListFacts& list)
{
    json.at("id").get_to(list.id);
    json.at("event_id").get_to(list.eventId);
    json.at("name").get_to(list.name);
}

void to_json(nlohmann::json& json, const OrderRefund& refund)
{
    json = {{"order_id", refund.orderId},
            {"amount", refund.amount},
            {"cancelled_tickets", refund.cancelledTickets},
            {"status", refund.status}};
}

void from_json(const nlohmann::json& json, OrderRefund& refund)
{
    json.at("order_id").get_to(refund.orderId);
    json.at("amount").get_to(refund.amount);
    json.at("cancelled_tickets").get_to(refund.cancelledTickets);
    json.at("status").get_to(refund.status);
}

void to_json(nlohmann::json& json, const UserContact& contact)
{
    json = {{"user_id", contact.userId},
            {"email", contact.email},
            {"name", contact.name},
            {"locale", contact.locale},
            {"roles", contact.roles}};
}

void from_json(const nlohmann::json& json, UserContact& contact)
{
    json.at("user_id").get_to(contact.userId);
    json.at("email").get_to(contact.email);
    json.at("name").get_to(contact.name);
    json.at("locale").get_to(contact.locale);
    // A process of an older release sends no roles: the contact is then nobody's staff.
    if (const auto roles = json.find("roles"); roles != json.end() && roles->is_array())
        roles->get_to(contact.roles);
}

void to_json(nlohmann::json& json, const TicketDocument& document)
{
    json = {{"ticket_id", document.ticketId},
            {"event_id", document.eventId},
            {"ticket_type_name", document.ticketTypeName},
            {"holder_name", document.holderName},
            {"holder_email", document.holderEmail},
            {"status", document.status},
            {"code", document.code},
            {"qr_png_base64", base64Encode(document.qrPng)}};
}

void from_json(const nlohmann::json& json, TicketDocument& document)
{
    json.at("ticket_id").get_to(document.ticketId);
    json.at("event_id").get_to(document.eventId);
    json.at("ticket_type_name").get_to(document.ticketTypeName);
    json.at("holder_name").get_to(document.holderName);
    json.at("holder_email").get_to(document.holderEmail);
    json.at("status").get_to(document.status);
    json.at("code").get_to(document.code);
    const auto image = base64Decode(json.at("qr_png_base64").get<std::string>());
    if (!image)
        throw std::invalid_argument("qr_png_base64 is not base64");
    document.qrPng = *image;
}

namespace access {

void to_json(nlohmann::json& json, const Principal& principal)
{
    json = {{"user_id", principal.userId},
            {"roles", principal.roleNames()},
            {"session_id", principal.sessionId},
            {"signed_in_at", principal.signedInAt},
            {"device", nullptr}};
    if (principal.device)
        json["device"] = {{"device_id", principal.device->deviceId},
                          {"event_id", principal.device->eventId},
                          {"list_id", principal.device->listId}};
}

void from_json(const nlohmann::json& json, Principal& principal)
{
    json.at("user_id").get_to(principal.userId);
    json.at("session_id").get_to(principal.sessionId);
    // A process of an older build does not send it: no recent sign-in is assumed.
    principal.signedInAt = json.contains("signed_in_at") && json["signed_in_at"].is_number_integer()
        ? json["signed_in_at"].get<std::int64_t>()
        : 0;
    principal.roles.clear();
    for (const auto& name : json.at("roles")) {
        const auto role = parseRole(name.get<std::string>());
        if (!role)
            throw std::invalid_argument("unknown role " + name.get<std::string>());
        principal.roles.push_back(*role);
    }
    principal.device.reset();
    if (const auto& device = json.at("device"); device.is_object())
        principal.device = DeviceScope{device.at("device_id").get<std::string>(),
                                       device.at("event_id").get<std::string>(),
                                       device.at("list_id").get<std::string>()};
}

} // namespace access

Error errorFromResponseBody(const std::string& body, int status, const std::string& service)
{
    const auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object() && parsed.contains("error")) {
        if (auto error = errorFromJson(parsed["error"]))
            return *error;
    }
    return Error(ErrorCode::UpstreamUnavailable,
                 "the " + service + " service answered " + std::to_string(status) + " without a Sbor error",
                 {{"service", service}, {"status", status}});
}

} // namespace sbor

namespace sbor::wire {

// A public key crosses the cluster in its API form (sbor/wire/door.h).
void to_json(nlohmann::json& json, const DoorPublicKey& key) { json = toJson(key); }
void from_json(const nlohmann::json& json, DoorPublicKey& key) { key = decode<DoorPublicKey>(json, "key"); }

} // namespace sbor::wire
