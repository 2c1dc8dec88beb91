#pragma once
// Check-in lists, scans and conflicts (SQL only).

#include "checkin.h"
#include "sbor/doorrules.h"

#include "db/transaction.h"
#include "sbor/statuses.h"

#include <optional>
#include <string>
#include <vector>

namespace sbor::tickets {

// A ticket as the door sees it, locked so two scans of it take turns.
struct DoorTicket {
    TicketSummary summary;
    std::string code;
    TicketStatus status = TicketStatus::Valid;
    bool blocked = false;
    std::int64_t validFrom = 0; // unix microseconds
    std::int64_t validUntil = 0;
};

struct SearchHit {
    TicketSummary ticket;
    std::string holderEmail;
    std::string orderId;
    std::string status;
    bool blocked = false;
    bool checkedIn = false;
};

class CheckInRepository {
public:
    explicit CheckInRepository(db::Transaction& tx) : m_tx(tx) {}

    CheckInList insertList(const std::string& eventId, const CheckInListDraft& draft);
    std::optional<CheckInList> findList(const std::string& id);
    std::vector<CheckInList> listsOf(const std::string& eventId);
    // Types of `typeIds` that are not the event's.
    std::vector<std::string> foreignTypes(const std::string& eventId, const std::vector<std::string>& typeIds);

    // A scanner's scan by its scan_id (scanner: the device, or the person without one).
    std::optional<Scan> findScan(const std::string& scannerId, const std::string& scanId);
    // Every scan with this scan_id at the event's door, whoever made it.
    std::vector<Scan> scansWithId(const std::string& scanId);
    std::optional<DoorTicket> lockTicket(const std::string& ticketId);
    bool isRevoked(const std::string& code);
    // Accepted, not annulled scans of the ticket on the event's single-entry lists, oldest first.
    std::vector<Admission> singleEntryAdmissions(const std::string& ticketId);
    // False when a scan with this scan_id exists already (nothing is stored then).
    bool insertScan(const std::string& eventId, const Scan& scan);
    void recordConflict(const std::string& eventId, const std::string& ticketId, const std::string& firstScanId,
                        const std::string& secondScanId);
    // Locked for annulment.
    std::optional<Scan> lockScan(std::int64_t row);
    void annul(std::int64_t row, const std::string& by);

    // The oldest transaction running at this snapshot (xid8 as text): anything it or a later one
    // writes may still appear below a cursor taken now.
    std::string oldestRunningTransaction();
    // Changes with a sequence number above `after`, at most `limit` of each kind, oldest first;
    // with `lateSince`, instead the changes at or below `after` written by transactions from
    // `lateSince` on (they committed after the read that moved the cursor past them).
    std::vector<SyncedTicket> ticketsChangedSince(const std::string& eventId, std::int64_t after, int limit,
                                                  const std::optional<std::string>& lateSince = std::nullopt);
    std::vector<SyncedRevocation> revocationsSince(const std::string& eventId, std::int64_t after, int limit,
                                                   const std::optional<std::string>& lateSince = std::nullopt);
    std::vector<SyncedScan> admissionsSince(const std::string& eventId, const std::string& listId, std::int64_t after,
                                            int limit, const std::optional<std::string>& lateSince = std::nullopt);

    std::vector<SearchHit> search(const CheckInList& list, const std::string& query, int limit);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::tickets
