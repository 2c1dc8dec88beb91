#pragma once
// What services ask of each other (see servicedirectory.h). Plain values in, plain values out:
// each contract can be served in-process or over HTTP.

#include "sbor/error.h"
#include "sbor/wire/door.h"
#include "sbor/statuses.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sbor {

// A seat on an event's team (the events service keeps them; eventaccess.h reads them).
struct TeamSeat {
    std::string userId;
    TeamRole role = TeamRole::Door;
};

// Provided by the events service.
struct EventFacts {
    std::string id;
    std::string organizerId;
    EventStatus status = EventStatus::Draft;
    std::string title;
    std::string timezone;
    std::int64_t startsAt = 0; // unix microseconds
    std::int64_t endsAt = 0;
    std::string venue;
    std::vector<TeamSeat> team;
};

class EventDirectory {
public:
    virtual ~EventDirectory() = default;
    virtual std::optional<EventFacts> eventFacts(const std::string& eventId) = 0;
    // How many events the person organizes, drafts and past ones included (an admin's user page).
    virtual int eventsOrganizedBy(const std::string& organizerId) = 0;
};

// Provided by the tickets service.
class TicketSales {
public:
    virtual ~TicketSales() = default;
    // Ticket types on sale (active) for the event; publishing needs at least one.
    virtual int activeTicketTypeCount(const std::string& eventId) = 0;
    // A copy of an event (POST /events/{id}/copy) gets the source's ticket types (nothing sold;
    // sales windows moved by `shiftMicros`) and check-in lists (their windows moved too, their
    // allowed types mapped to the copies). An event that already has ticket types is left as it
    // is, so a retry copies nothing twice. Returns how many ticket types were copied.
    virtual Result<int> copySalesSetup(const std::string& fromEventId, const std::string& toEventId,
                                       std::int64_t shiftMicros) = 0;
    // How many orders the person placed, in any state (an admin's user page).
    virtual int ordersPlacedBy(const std::string& buyerId) = 0;
};

// Provided by the tickets service: what payments needs to know and do about an order.
struct PayableOrder {
    std::string orderId;
    std::string eventId;
    std::string buyerId;
    OrderStatus status = OrderStatus::Pending;
    std::int64_t total = 0;
    std::string currency;
    std::string paymentId;
};

class OrderSettlement {
public:
    virtual ~OrderSettlement() = default;
    virtual std::optional<PayableOrder> orderByPayment(const std::string& paymentId) = 0;
    // The money was taken: a pending order becomes paid and gets its tickets. Returns the order
    // as it then is — `paid` (now or by an earlier call, so retries are safe), or expired /
    // cancelled (also: its event was cancelled or is over) when the money must go back. An error
    // means nothing is decided yet: ask again later.
    virtual Result<PayableOrder> settleOrder(const std::string& orderId, const std::string& traceId) = 0;
};

// Provided by the tickets service: what enrolling a kiosk needs to know about the door.
struct CheckInListFacts {
    std::string id;
    std::string eventId;
    std::string name;
};

using wire::DoorPublicKey; // Ed25519, 32 bytes as 64 hex digits

class DoorDirectory {
public:
    virtual ~DoorDirectory() = default;
    virtual std::optional<CheckInListFacts> checkInList(const std::string& listId) = 0;
    // The event's valid (unretired) ticket-signing keys, newest first; made if it has none yet.
    virtual std::vector<DoorPublicKey> publicKeys(const std::string& eventId) = 0;
};

// Provided by the tickets service: a cancelled event's sales end — its pending orders are
// cancelled, its paid orders refunded (through PaymentRefunds) and its tickets cancelled and
// revoked, announced as ticket.cancelled. Idempotent: the events service calls it until it
// succeeds. Returns how many tickets were cancelled by this call.
class EventSalesWindUp {
public:
    virtual ~EventSalesWindUp() = default;
    virtual Result<int> windUpSales(const std::string& eventId, const std::string& traceId) = 0;
};

// Provided by the payments service: gives a payment back in full through the ledger
// (refund.issued). Idempotent; a payment never made is nothing to refund.
class PaymentRefunds {
public:
    virtual ~PaymentRefunds() = default;
    virtual Result<bool> refundPayment(const std::string& paymentId, const std::string& reason,
                                       const std::string& traceId) = 0;
};

// Provided by the auth service: how to reach a person (notifications). Null for an unknown or
// deleted account.
struct UserContact {
    std::string userId;
    std::string email;
    std::string name;
    std::string locale;             // "" when the person never chose one
    std::vector<std::string> roles; // wire names (access::roleName)
};

class UserDirectory {
public:
    virtual ~UserDirectory() = default;
    virtual std::optional<UserContact> contactOf(const std::string& userId) = 0;
    // The account with this email, in any letter case; null when there is none (or it was deleted).
    virtual std::optional<UserContact> contactByEmail(const std::string& email) = 0;
};

// Provided by the tickets service: a ticket as its holder receives it (the email with the QR).
struct TicketDocument {
    std::string ticketId;
    std::string eventId;
    std::string ticketTypeName;
    std::string holderName;
    std::string holderEmail;
    TicketStatus status = TicketStatus::Valid;
    std::string code;
    std::string qrPng; // the code as a PNG image, when asked for
};

class TicketDocuments {
public:
    virtual ~TicketDocuments() = default;
    virtual std::optional<TicketDocument> ticketDocument(const std::string& ticketId, bool withQrImage) = 0;
};

// Provided by the tickets service: what an event's sales and door are made of, read from the
// source, for rebuilding the analytics' aggregates (the analytics service's rebuild). Times are
// unix microseconds, the ones the bus messages carried: a ticket's sale is its creation.
struct SoldTicketFact {
    std::string ticketId;
    std::string ticketTypeId;
    std::int64_t unitPrice = 0; // what its order paid for its type, minor units
    std::string currency;
    std::int64_t soldAt = 0;
    std::optional<std::int64_t> cancelledAt;
};

struct AdmissionFact { // an accepted entry or exit still standing
    std::string listId;
    std::string scanId;
    bool exit = false;
    std::int64_t scannedAt = 0; // the scanner's clock, as ticket.checkin says
};

struct EventSalesRecord {
    std::string eventId;
    std::vector<std::int64_t> ordersPlacedAt;
    std::vector<SoldTicketFact> tickets;
    std::vector<AdmissionFact> admissions;
};

class SalesRecords {
public:
    virtual ~SalesRecords() = default;
    // Every event with at least one order.
    virtual std::vector<std::string> eventsWithSales() = 0;
    virtual EventSalesRecord salesRecord(const std::string& eventId) = 0;
};

// Provided by the payments service: an event's payments, for the same rebuild.
struct PaymentFact {
    std::string paymentId;
    std::string currency;
    std::int64_t amount = 0;
    std::int64_t commission = 0;
    std::optional<std::int64_t> succeededAt;
    std::optional<std::int64_t> refundedAt;
};

class PaymentRecords {
public:
    virtual ~PaymentRecords() = default;
    virtual std::vector<PaymentFact> paymentsOfEvent(const std::string& eventId) = 0;
};

} // namespace sbor
