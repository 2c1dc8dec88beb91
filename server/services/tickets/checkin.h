#pragma once
// The door as plain values: check-in lists (gates), scans and what a redeem answers.

#include "sbor/doorresult.h"
#include "sbor/error.h"
#include "sbor/wire/door.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

using wire::CheckInList;
using wire::CheckInListDraft;

using wire::ScanKind;

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
    // Door staff who found the guest by name: the ticket instead of a code (its current code is used).
    std::string ticketId;
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
    DoorResult result = DoorResult::Ok;
    std::optional<std::string> deviceId;
    std::optional<std::string> userId;
    std::string scannedAt;
    std::string receivedAt;
    std::optional<std::string> annulledAt;
};

// What a redeem answers is the shared wire type (architecture §6).
using wire::PreviousAdmission;
using wire::RedeemAnswer;
using wire::TicketSummary;

// What changed at an event's door since a cursor, for a kiosk's offline copy: the wire items,
// each with its place in the event's change sequence (which orders and pages them).
struct SyncedTicket : wire::SyncedTicket {
    std::int64_t sequence = 0;
};

struct SyncedRevocation : wire::SyncedRevocation {
    std::int64_t sequence = 0;
};

struct SyncedScan : wire::SyncedScan {
    std::int64_t sequence = 0;
};

// Where a kiosk's copy stands: every change up to `after` seen, except what transactions from
// `horizon` on (still running then) may commit later below it.
struct SyncCursor {
    std::int64_t after = 0;
    std::optional<std::string> horizon; // xid8 as text
};

using SyncedKey = wire::DoorPublicKey;

struct DoorChanges {
    std::vector<SyncedKey> publicKeys;             // every page: the event's valid keys (rotation)
    std::vector<wire::DoorTicketType> ticketTypes; // every page: names for verdicts
    std::vector<SyncedTicket> tickets;
    std::vector<SyncedRevocation> revocations;
    std::vector<SyncedScan> scans;
    SyncCursor cursor;
    bool more = false;
};

} // namespace sbor::tickets
