#include "sbor/wire/door.h"

#include "sbor/jsonvalue.h"

namespace sbor::wire {

namespace {

ScanKind scanKindFrom(const FieldReader& reader, const char* key)
{
    const std::string name = reader.optionalString(key).value_or("entry");
    if (name == "exit")
        return ScanKind::Exit;
    if (name != "entry")
        throw DecodeError(reader.pathOf(key) + " must be entry or exit");
    return ScanKind::Entry;
}

std::vector<DoorPublicKey> publicKeysFrom(const FieldReader& reader)
{
    return decodeList<DoorPublicKey>(reader.array("public_keys"), reader.pathOf("public_keys"));
}

} // namespace

const char* scanKindName(ScanKind kind) { return kind == ScanKind::Exit ? "exit" : "entry"; }

nlohmann::json toJson(const CheckInList& list)
{
    return {{"id", list.id},
            {"event_id", list.eventId},
            {"name", list.name},
            {"ticket_type_ids", list.ticketTypeIds},
            {"multi_entry", list.multiEntry},
            {"exits_allowed", list.exitsAllowed},
            {"valid_from", jsonOrNull(list.validFrom)},
            {"valid_until", jsonOrNull(list.validUntil)},
            {"created_at", list.createdAt}};
}

void fromJson(const FieldReader& reader, CheckInList& list)
{
    list.id = reader.string("id");
    list.eventId = reader.string("event_id");
    list.name = reader.string("name");
    list.ticketTypeIds = reader.strings("ticket_type_ids");
    list.multiEntry = reader.boolean("multi_entry");
    list.exitsAllowed = reader.boolean("exits_allowed");
    list.validFrom = reader.optionalString("valid_from");
    list.validUntil = reader.optionalString("valid_until");
    list.createdAt = reader.string("created_at");
}

nlohmann::json toJson(const CheckInListDraft& draft)
{
    nlohmann::json json = {{"name", draft.name},
                           {"ticket_type_ids", draft.ticketTypeIds},
                           {"multi_entry", draft.multiEntry},
                           {"exits_allowed", draft.exitsAllowed}};
    if (draft.validFrom)
        json["valid_from"] = *draft.validFrom;
    if (draft.validUntil)
        json["valid_until"] = *draft.validUntil;
    return json;
}

nlohmann::json toJson(const ScanSubmission& scan)
{
    nlohmann::json json = {{"scan_id", scan.scanId}, {"type", scanKindName(scan.kind)}};
    if (scan.ticketId && scan.code.empty())
        json["ticket_id"] = *scan.ticketId;
    else
        json["code"] = scan.code;
    if (!scan.listId.empty())
        json["list_id"] = scan.listId;
    if (scan.scannedAt)
        json["scanned_at"] = *scan.scannedAt;
    return json;
}

nlohmann::json toJson(const RedeemAnswer& answer)
{
    if (answer.error)
        return {{"scan_id", answer.scanId}, {"result", nullptr}, {"error", answer.error->toJson()}};
    nlohmann::json ticket = nullptr;
    if (answer.ticket)
        ticket = {{"id", answer.ticket->id},
                  {"event_id", answer.ticket->eventId},
                  {"ticket_type_id", answer.ticket->ticketTypeId},
                  {"holder_name", answer.ticket->holderName}};
    nlohmann::json previous = nullptr;
    if (answer.previous)
        previous = {{"at", answer.previous->at},
                    {"list_id", answer.previous->listId},
                    {"device_id", jsonOrNull(answer.previous->deviceId)}};
    return {{"result", answer.result}, {"ticket", ticket}, {"previous", previous}, {"scan_id", answer.scanId}};
}

void fromJson(const FieldReader& reader, RedeemAnswer& answer)
{
    answer.scanId = reader.optionalString("scan_id").value_or("");
    if (const auto* error = reader.optionalObject("error")) {
        answer.error = errorFromJson(*error);
        if (!answer.error)
            throw DecodeError(reader.pathOf("error") + " must be an error with a known code");
        return;
    }
    answer.result = reader.string("result");
    if (const auto* ticket = reader.optionalObject("ticket")) {
        const FieldReader fields(*ticket, reader.pathOf("ticket"));
        answer.ticket = TicketSummary{fields.string("id"), fields.string("event_id"), fields.string("ticket_type_id"),
                                      fields.string("holder_name")};
    }
    if (const auto* previous = reader.optionalObject("previous")) {
        const FieldReader fields(*previous, reader.pathOf("previous"));
        answer.previous = PreviousAdmission{fields.string("at"), fields.string("list_id"),
                                            fields.optionalString("device_id")};
    }
}

nlohmann::json toJson(const AnnulAnswer& answer)
{
    return {{"scan_id", answer.scanId}, {"result", answer.result}, {"annulled_at", jsonOrNull(answer.annulledAt)}};
}

void fromJson(const FieldReader& reader, AnnulAnswer& answer)
{
    answer.scanId = reader.string("scan_id");
    answer.result = reader.string("result");
    answer.annulledAt = reader.optionalString("annulled_at");
}

nlohmann::json toJson(const DoorSearchHit& hit)
{
    nlohmann::json json = {{"ticket_id", hit.ticketId},     {"ticket_type_id", hit.ticketTypeId},
                           {"holder_name", hit.holderName}, {"order_id", hit.orderId},
                           {"status", hit.status},          {"blocked", hit.blocked},
                           {"checked_in", hit.checkedIn}};
    if (hit.holderEmail)
        json["holder_email"] = *hit.holderEmail;
    return json;
}

void fromJson(const FieldReader& reader, DoorSearchHit& hit)
{
    hit.ticketId = reader.string("ticket_id");
    hit.ticketTypeId = reader.string("ticket_type_id");
    hit.holderName = reader.string("holder_name");
    hit.holderEmail = reader.optionalString("holder_email");
    hit.orderId = reader.string("order_id");
    hit.status = reader.string("status");
    hit.blocked = reader.boolean("blocked");
    hit.checkedIn = reader.boolean("checked_in");
}

nlohmann::json toJson(const DoorPublicKey& key)
{
    return {{"key_id", key.keyId}, {"public_key", key.publicKeyHex}, {"algorithm", "Ed25519"}};
}

void fromJson(const FieldReader& reader, DoorPublicKey& key)
{
    key.keyId = static_cast<int>(reader.integer("key_id"));
    key.publicKeyHex = reader.string("public_key");
    if (const auto algorithm = reader.optionalString("algorithm"); algorithm && *algorithm != "Ed25519")
        throw DecodeError(reader.pathOf("algorithm") + " must be Ed25519");
}

nlohmann::json toJson(const DoorSyncPage& page)
{
    nlohmann::json tickets = nlohmann::json::array();
    for (const auto& ticket : page.tickets)
        tickets.push_back({{"id", ticket.id},
                           {"ticket_type_id", ticket.ticketTypeId},
                           {"holder_name", ticket.holderName},
                           {"status", ticket.status},
                           {"blocked", ticket.blocked}});
    nlohmann::json revoked = nlohmann::json::array();
    for (const auto& revocation : page.revocations)
        revoked.push_back(
            {{"code", revocation.code}, {"ticket_id", revocation.ticketId}, {"reason", revocation.reason}});
    nlohmann::json scans = nlohmann::json::array();
    for (const auto& scan : page.scans)
        scans.push_back({{"scan_id", scan.scanId},
                         {"ticket_id", scan.ticketId},
                         {"list_id", scan.listId},
                         {"type", scanKindName(scan.kind)},
                         {"at", scan.at},
                         {"device_id", jsonOrNull(scan.deviceId)},
                         {"annulled", scan.annulled}});
    nlohmann::json types = nlohmann::json::array();
    for (const auto& type : page.ticketTypes)
        types.push_back({{"id", type.id}, {"name", type.name}});
    return {{"event_id", page.eventId}, {"public_keys", encodeList(page.publicKeys)},
            {"ticket_types", types},    {"list", page.list ? toJson(*page.list) : nlohmann::json(nullptr)},
            {"tickets", tickets},       {"revoked_codes", revoked},
            {"scans", scans},           {"next_cursor", page.nextCursor},
            {"has_more", page.hasMore}};
}

void fromJson(const FieldReader& reader, DoorSyncPage& page)
{
    page.eventId = reader.string("event_id");
    page.publicKeys = publicKeysFrom(reader);
    if (reader.json().contains("ticket_types")) {
        const auto& types = reader.array("ticket_types");
        for (std::size_t i = 0; i < types.size(); ++i) {
            const FieldReader item(types[i], reader.pathOf("ticket_types") + "[" + std::to_string(i) + "]");
            page.ticketTypes.push_back({item.string("id"), item.string("name")});
        }
    }
    if (const auto* list = reader.optionalObject("list"))
        page.list = decode<CheckInList>(*list, reader.pathOf("list"));
    const auto& tickets = reader.array("tickets");
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        const FieldReader item(tickets[i], reader.pathOf("tickets") + "[" + std::to_string(i) + "]");
        page.tickets.push_back({item.string("id"), item.string("ticket_type_id"), item.string("holder_name"),
                                item.string("status"), item.boolean("blocked")});
    }
    const auto& revoked = reader.array("revoked_codes");
    for (std::size_t i = 0; i < revoked.size(); ++i) {
        const FieldReader item(revoked[i], reader.pathOf("revoked_codes") + "[" + std::to_string(i) + "]");
        page.revocations.push_back(
            {item.string("code"), item.string("ticket_id"), item.optionalString("reason").value_or("")});
    }
    const auto& scans = reader.array("scans");
    for (std::size_t i = 0; i < scans.size(); ++i) {
        const FieldReader item(scans[i], reader.pathOf("scans") + "[" + std::to_string(i) + "]");
        page.scans.push_back({item.string("scan_id"), item.string("ticket_id"), item.string("list_id"),
                              scanKindFrom(item, "type"), item.string("at"), item.optionalString("device_id"),
                              item.boolean("annulled")});
    }
    page.nextCursor = reader.string("next_cursor");
    page.hasMore = reader.boolean("has_more");
}

namespace {
constexpr const char* kHandshakeType = "sbor.kiosk-enrollment";
}

nlohmann::json toJson(const IssuedEnrollment& enrollment)
{
    const nlohmann::json handshake = {
        {"v", 1}, {"type", kHandshakeType}, {"server", enrollment.server}, {"code", enrollment.code}};
    return {{"code", enrollment.code},        {"expires_at", enrollment.expiresAt},
            {"event_id", enrollment.eventId}, {"list_id", enrollment.listId},
            {"handshake", handshake},         {"handshake_text", handshake.dump()}};
}

void fromJson(const FieldReader& reader, IssuedEnrollment& enrollment)
{
    enrollment.code = reader.string("code");
    enrollment.expiresAt = reader.string("expires_at");
    enrollment.eventId = reader.string("event_id");
    enrollment.listId = reader.string("list_id");
    enrollment.handshakeText = reader.string("handshake_text");
    const auto handshake = parseEnrollmentHandshake(enrollment.handshakeText);
    if (!handshake)
        throw DecodeError("handshake_text must be a kiosk enrollment handshake");
    enrollment.server = handshake->server;
}

std::optional<EnrollmentHandshake> parseEnrollmentHandshake(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    // The text of any QR code held up to a kiosk: every member's type is checked before it is read
    // (json.value() would throw for a "type" that is not a string), and the version is compared as
    // JSON, not narrowed to int first (4294967297 is not version 1).
    const auto type = json.find("type");
    const auto version = json.find("v");
    const auto server = json.find("server");
    const auto code = json.find("code");
    if (type == json.end() || !type->is_string() || *type != kHandshakeType || version == json.end() ||
        !version->is_number_integer() || *version != 1 || server == json.end() || !server->is_string() ||
        code == json.end() || !code->is_string())
        return std::nullopt;
    return EnrollmentHandshake{1, server->get<std::string>(), code->get<std::string>()};
}

nlohmann::json toJson(const EnrolledDevice& device)
{
    return {{"device_token", device.deviceToken},
            {"device_id", device.deviceId},
            {"event", {{"id", device.eventId}, {"title", device.eventTitle}}},
            {"list", {{"id", device.listId}, {"name", device.listName}}},
            {"public_keys", encodeList(device.publicKeys)}};
}

void fromJson(const FieldReader& reader, EnrolledDevice& device)
{
    device.deviceToken = reader.string("device_token");
    device.deviceId = reader.string("device_id");
    const FieldReader event(reader.object("event"), reader.pathOf("event"));
    device.eventId = event.string("id");
    device.eventTitle = event.string("title");
    const FieldReader list(reader.object("list"), reader.pathOf("list"));
    device.listId = list.string("id");
    device.listName = list.string("name");
    device.publicKeys = publicKeysFrom(reader);
}

nlohmann::json toJson(const Device& device)
{
    return {{"id", device.id},
            {"event_id", device.eventId},
            {"list_id", device.listId},
            {"name", device.name},
            {"created_at", device.createdAt},
            {"last_seen_at", jsonOrNull(device.lastSeenAt)},
            {"revoked_at", jsonOrNull(device.revokedAt)}};
}

void fromJson(const FieldReader& reader, Device& device)
{
    device.id = reader.string("id");
    device.eventId = reader.string("event_id");
    device.listId = reader.string("list_id");
    device.name = reader.string("name");
    device.createdAt = reader.string("created_at");
    device.lastSeenAt = reader.optionalString("last_seen_at");
    device.revokedAt = reader.optionalString("revoked_at");
}

} // namespace sbor::wire
