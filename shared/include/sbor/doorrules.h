#pragma once
// The door's decision, pure: given what is known about a scanned code, its ticket and the ticket's
// earlier admissions, the result. Architecture §6's order: signature → revoked → blocked
// (cancelled too) → validity window → ticket type allowed on the list → entry rules. The server
// judges with it, and so does a kiosk that decides offline: one rule book for both.

#include "sbor/doorresult.h"
#include "sbor/ticketcode.h"
#include "sbor/wire/door.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor {

using wire::ScanKind;

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
    bool codeReadable = false;    // base32, right length and version
    bool sameEventPrefix = false; // the code's event prefix is the list's event
    bool signatureValid = false;  // by one of the event's keys
    bool ticketFound = false;
    bool codeCurrent = false; // the ticket's current code, not a replaced one
    bool revoked = false;     // on the revocation list
    bool cancelled = false;
    bool blocked = false;
    std::int64_t now = 0;       // unix microseconds: when the scan happened
    std::int64_t validFrom = 0; // the code's window, narrowed by the list's
    std::int64_t validUntil = 0;
    bool typeAllowed = false;
    ScanKind kind = ScanKind::Entry;
    bool multiEntry = false;
    bool exitsAllowed = false;
    bool offline = false;              // judged later from a kiosk's queue
    std::string scannedBy;             // this scan's device, or person
    std::vector<Admission> admissions; // oldest first, single-entry lists only
};

struct DoorVerdict {
    DoorResult result = DoorResult::Ok;
    std::optional<Admission> previous; // for already_redeemed: the first admission
};

DoorVerdict judgeScan(const DoorFacts& facts);

// What a code says about itself: readable, for this event, signed by one of its keys.
struct CodeCheck {
    bool readable = false;
    bool sameEventPrefix = false;
    bool signatureValid = false;
    std::optional<std::string> ticketId; // when the signature holds
};

struct VerifyingKey {
    int keyId = 0;
    SigningPublicKey publicKey{};
};

// `keys`: the event's valid public keys (retired ones left out).
CodeCheck checkTicketCode(std::string_view code, const std::string& eventId, const std::vector<VerifyingKey>& keys);

// A key as devices receive it (64 hex digits); nullopt for anything else.
std::optional<VerifyingKey> verifyingKeyOf(const wire::DoorPublicKey& key);

} // namespace sbor
