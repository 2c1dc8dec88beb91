#pragma once
// The door as plain values: check-in lists (gates), scans and what a redeem answers.

#include "sbor/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

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

enum class ScanKind { Entry, Exit };

// Who scans: a signed-in organizer or door staff (userId), or an enrolled device (deviceId).
struct Scanner {
    std::string userId;
    std::string deviceId;
};

struct RedeemRequest {
    std::string code;
    std::string listId;
    std::string scanId;
    std::optional<std::int64_t> scannedAt; // unix microseconds on the device's clock; now if absent
    ScanKind kind = ScanKind::Entry;
    // Uploaded from a kiosk's offline queue: judged at scanned_at, and a second admission of the
    // ticket elsewhere is a conflict however long ago the first was.
    bool offline = false;
};

// A scan as stored.
struct Scan {
    std::int64_t row = 0; // its row id
    std::string scanId;
    std::string listId;
    std::optional<std::string> ticketId;
    std::string code;
    ScanKind kind = ScanKind::Entry;
    std::string result;
    std::optional<std::string> deviceId;
    std::optional<std::string> userId;
    std::string scannedAt;
    std::string receivedAt;
    std::optional<std::string> annulledAt;
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
    std::string result; // ok | already_redeemed | unknown_ticket | invalid_signature | revoked | blocked | cancelled | unpaid |
                        // wrong_event | not_allowed_on_list | too_early | too_late
    std::optional<TicketSummary> ticket;
    std::optional<PreviousAdmission> previous;
    std::string scanId;
    std::optional<Error> error; // batch only: why this one scan was not applied
};

// What changed at an event's door since a cursor, for a kiosk's offline copy.
struct SyncedTicket {
    std::int64_t sequence = 0;
    std::string id;
    std::string ticketTypeId;
    std::string holderName;
    std::string status;
    bool blocked = false;
};

struct SyncedRevocation {
    std::int64_t sequence = 0;
    std::string code;
    std::string ticketId;
    std::string reason;
};

struct SyncedScan {
    std::int64_t sequence = 0;
    std::string scanId;
    std::string ticketId;
    std::string listId;
    ScanKind kind = ScanKind::Entry;
    std::string at;
    std::optional<std::string> deviceId;
    bool annulled = false;
};

// Where a kiosk's copy stands: every change up to `after` seen, except what transactions from
// `horizon` on (still running then) may commit later below it.
struct SyncCursor {
    std::int64_t after = 0;
    std::optional<std::string> horizon; // xid8 as text
};

struct SyncedKey {
    int keyId = 0;
    std::string publicKeyHex;
};

struct DoorChanges {
    std::vector<SyncedKey> publicKeys; // every page: the event's valid keys (rotation)
    std::vector<SyncedTicket> tickets;
    std::vector<SyncedRevocation> revocations;
    std::vector<SyncedScan> scans;
    SyncCursor cursor;
    bool more = false;
};

} // namespace sbor::tickets
