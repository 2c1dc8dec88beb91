#pragma once
// The door's decision, pure: given what is known about a scanned code, its ticket and the ticket's
// earlier admissions, the result. Architecture §6's order: signature → revoked → blocked
// (cancelled too) → validity window → ticket type allowed on the list → entry rules.

#include "checkin.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

// An earlier accepted scan of the ticket on a list where single entry counts.
struct Admission {
    ScanKind kind = ScanKind::Entry;
    std::int64_t at = 0; // unix microseconds (received)
    std::string listId;
    std::optional<std::string> deviceId;
    std::string scannedBy; // the device, or the signed-in person without one
    std::string scanId;
};

struct DoorFacts {
    bool codeReadable = false;       // base32, right length and version
    bool sameEventPrefix = false;    // the code's event prefix is the list's event
    bool signatureValid = false;     // by one of the event's keys
    bool ticketFound = false;
    bool codeCurrent = false;        // the ticket's current code, not a replaced one
    bool revoked = false;            // on the revocation list
    bool cancelled = false;
    bool blocked = false;
    std::int64_t now = 0;            // unix microseconds: when the scan happened
    std::int64_t validFrom = 0;      // the code's window, narrowed by the list's
    std::int64_t validUntil = 0;
    bool typeAllowed = false;
    ScanKind kind = ScanKind::Entry;
    bool multiEntry = false;
    bool exitsAllowed = false;
    bool offline = false;       // judged later from a kiosk's queue
    std::string scannedBy;      // this scan's device, or person
    std::vector<Admission> admissions; // oldest first, single-entry lists only
};

struct DoorVerdict {
    std::string result;
    std::optional<Admission> previous; // for already_redeemed: the first admission
};

DoorVerdict judgeScan(const DoorFacts& facts);

} // namespace sbor::tickets
