#pragma once
// The door's DTOs — check-in lists, redeem and its answer, search, the kiosk's sync pages, device
// enrollment — and their one JSON codec, shared by the server and the kiosk (architecture §6).

#include "sbor/error.h"
#include "sbor/wire/decoding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::wire {

enum class ScanKind { Entry, Exit };
const char* scanKindName(ScanKind kind); // "entry" | "exit"

struct CheckInList {
    std::string id;
    std::string eventId;
    std::string name;
    std::vector<std::string> ticketTypeIds; // empty: every type
    bool multiEntry = false;
    bool exitsAllowed = false;
    std::optional<std::string> validFrom; // RFC 3339 UTC
    std::optional<std::string> validUntil;
    std::string createdAt;
};

struct CheckInListDraft {
    std::string name;
    std::vector<std::string> ticketTypeIds;
    bool multiEntry = false;
    bool exitsAllowed = false;
    std::optional<std::string> validFrom;
    std::optional<std::string> validUntil;
};

// One scan as a client sends it: POST /checkin/redeem, or an item of POST /checkin/batch (where
// the list is the batch's and scannedAt is required). Door staff who found a guest by name send
// the ticket's id instead of a code.
struct ScanSubmission {
    std::string code;
    std::string listId;
    std::string scanId;                   // the client's nonce: a replay is answered, not applied twice
    std::optional<std::string> scannedAt; // RFC 3339, the device's clock
    ScanKind kind = ScanKind::Entry;
    std::optional<std::string> ticketId; // instead of `code`
};

struct TicketSummary {
    std::string id;
    std::string eventId;
    std::string ticketTypeId;
    std::string holderName;
};

struct PreviousAdmission {
    std::string at;
    std::string listId;
    std::optional<std::string> deviceId;
};

// Architecture §6: a well-formed redeem always answers 200 with one of these results.
struct RedeemAnswer {
    std::string
        result; // ok | already_redeemed | unknown_ticket | invalid_signature | revoked | blocked | cancelled | unpaid |
                // wrong_event | not_allowed_on_list | too_early | too_late
    std::optional<TicketSummary> ticket;
    std::optional<PreviousAdmission> previous;
    std::string scanId;
    std::optional<Error> error; // batch only: why this one scan was not applied
};

struct AnnulAnswer {
    std::string scanId;
    std::string result;
    std::optional<std::string> annulledAt;
};

// GET /checkin/search: a ticket found by name, email or order code. A kiosk is a screen at a
// door, so it gets names but not email addresses.
struct DoorSearchHit {
    std::string ticketId;
    std::string ticketTypeId;
    std::string holderName;
    std::optional<std::string> holderEmail;
    std::string orderId;
    std::string status;
    bool blocked = false;
    bool checkedIn = false;
};

struct DoorPublicKey {
    int keyId = 0;
    std::string publicKeyHex; // 64 lower-case hex digits, Ed25519
};

struct SyncedTicket {
    std::string id;
    std::string ticketTypeId;
    std::string holderName;
    std::string status;
    bool blocked = false;
};

struct SyncedRevocation {
    std::string code;
    std::string ticketId;
    std::string reason;
};

struct SyncedScan {
    std::string scanId;
    std::string ticketId;
    std::string listId;
    ScanKind kind = ScanKind::Entry;
    std::string at;
    std::optional<std::string> deviceId;
    bool annulled = false;
};

// A ticket type's name, so a verdict can say "Standing" offline.
struct DoorTicketType {
    std::string id;
    std::string name;
};

// GET /devices/me/sync: one page of what changed at the device's event since its cursor.
struct DoorSyncPage {
    std::string eventId;
    std::vector<DoorPublicKey> publicKeys;   // every page: the event's valid keys (rotation)
    std::vector<DoorTicketType> ticketTypes; // every page: the event's ticket types
    std::optional<CheckInList> list;
    std::vector<SyncedTicket> tickets;
    std::vector<SyncedRevocation> revocations;
    std::vector<SyncedScan> scans;
    std::string nextCursor;
    bool hasMore = false;
};

// POST /events/{id}/enrollments: a one-time code, and the handshake an organizer shows as a QR.
struct IssuedEnrollment {
    std::string code;
    std::string expiresAt;
    std::string eventId;
    std::string listId;
    std::string server;        // the handshake's server URL
    std::string handshakeText; // {"v":1,"type":"sbor.kiosk-enrollment","server","code"}
};

// What a kiosk reads from an enrollment QR (or has typed in).
struct EnrollmentHandshake {
    int version = 1;
    std::string server;
    std::string code;
};
// nullopt unless `text` is a version-1 kiosk enrollment handshake.
std::optional<EnrollmentHandshake> parseEnrollmentHandshake(const std::string& text);

// POST /devices/enroll: the device's token and what it is for.
struct EnrolledDevice {
    std::string deviceToken;
    std::string deviceId;
    std::string eventId;
    std::string eventTitle;
    std::string listId;
    std::string listName;
    std::vector<DoorPublicKey> publicKeys;
};

struct Device {
    std::string id;
    std::string eventId;
    std::string listId;
    std::string name;
    std::string createdAt;
    std::optional<std::string> lastSeenAt;
    std::optional<std::string> revokedAt;
};

nlohmann::json toJson(const CheckInList& list);
nlohmann::json toJson(const CheckInListDraft& draft);
nlohmann::json toJson(const ScanSubmission& scan);
nlohmann::json toJson(const RedeemAnswer& answer);
nlohmann::json toJson(const AnnulAnswer& answer);
nlohmann::json toJson(const DoorSearchHit& hit);
nlohmann::json toJson(const DoorPublicKey& key);
nlohmann::json toJson(const DoorSyncPage& page);
nlohmann::json toJson(const IssuedEnrollment& enrollment);
nlohmann::json toJson(const EnrolledDevice& device);
nlohmann::json toJson(const Device& device);
void fromJson(const FieldReader& reader, CheckInList& list);
void fromJson(const FieldReader& reader, RedeemAnswer& answer);
void fromJson(const FieldReader& reader, AnnulAnswer& answer);
void fromJson(const FieldReader& reader, DoorSearchHit& hit);
void fromJson(const FieldReader& reader, DoorPublicKey& key);
void fromJson(const FieldReader& reader, DoorSyncPage& page);
void fromJson(const FieldReader& reader, IssuedEnrollment& enrollment);
void fromJson(const FieldReader& reader, EnrolledDevice& device);
void fromJson(const FieldReader& reader, Device& device);

} // namespace sbor::wire
