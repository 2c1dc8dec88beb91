#pragma once
// The kiosk's offline copy of its door (SQLite through Qt SQL, in the app's data dir): the
// event's public keys, its tickets, revoked codes and admissions as the sync endpoint hands them
// out, the sync cursor, and the queue of scans decided here while the server was unreachable.
// Everything a decision needs without the network; the queue survives a restart of the app.

#include "sbor/doorrules.h"
#include "sbor/wire/door.h"

#include <QDateTime>
#include <QString>
#include <QtSql/QSqlDatabase>

#include <optional>
#include <vector>

namespace sbor::kiosk {

// A scan decided here and not yet accepted by the server.
struct QueuedScan {
    wire::ScanSubmission scan; // scannedAt always set
    std::string ticketId;      // when the code named one
    std::string localResult;   // what the kiosk told the guest
};

struct DoorCounts {
    int expected = 0;  // valid tickets this list admits
    int checkedIn = 0; // of those, admitted at least once here
    int inside = 0;    // entries minus exits on this list
};

class DoorStore {
public:
    // Opens (creating) the store at `path`; check error() afterwards.
    explicit DoorStore(const QString& path);
    ~DoorStore();
    DoorStore(const DoorStore&) = delete;
    DoorStore& operator=(const DoorStore&) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // Applies one sync page in one transaction, cursor included.
    bool apply(const wire::DoorSyncPage& page);
    QString cursor() const;
    std::optional<wire::CheckInList> list() const;
    std::string eventId() const;
    std::vector<VerifyingKey> keys() const;
    int ticketCount() const;
    // A ticket type's name ("Standing"), "" when unknown.
    std::string ticketTypeName(const std::string& ticketTypeId) const;

    // What the door rules need to judge `code` here and now (signature → … → entry rules).
    DoorFacts factsFor(const std::string& code, wire::ScanKind kind, std::int64_t nowMicros,
                       const std::string& deviceId, std::optional<wire::TicketSummary>* ticket) const;
    // The same for a ticket door staff picked from the copy by name (no code to check).
    DoorFacts factsForTicket(const std::string& ticketId, wire::ScanKind kind, std::int64_t nowMicros,
                             const std::string& deviceId, std::optional<wire::TicketSummary>* ticket) const;

    // The offline queue, oldest first: scans waiting to be uploaded.
    bool enqueue(const QueuedScan& scan);
    std::vector<QueuedScan> queued(int limit = 500) const;
    int queueLength() const;
    // The server took these scans (answering `result` for each): they leave the queue and, when
    // admitted, become admissions of the copy in the same transaction — so an outage right after
    // an upload does not forget them. A scan annulled meanwhile stays for its annulment.
    bool acceptUploaded(const std::vector<std::pair<QueuedScan, std::string>>& answered, const std::string& deviceId);
    // Scans the server refused as a whole (a clock far off): kept, not sent again, counted.
    bool markRejected(const std::vector<std::string>& scanIds, const QString& reason);
    int rejectedCount() const;
    // An admission of a queued scan was taken back (undo): it no longer counts, and once online
    // the server is told (it may have stored the scan although its answer never arrived).
    bool annulQueued(const std::string& scanId);
    std::vector<std::string> annulledQueued() const;
    bool forgetQueued(const std::string& scanId);
    bool annulSynced(const std::string& scanId);
    std::optional<wire::SyncedTicket> ticket(const std::string& ticketId) const;

    // Local search by holder name (offline, when the server cannot be asked).
    std::vector<wire::DoorSearchHit> searchByName(const QString& text, int limit) const;

    DoorCounts counts() const;

    // Forget everything (a new enrollment).
    bool reset();

private:
    bool exec(const QString& sql) const;
    // The facts every decision starts from (when, what, by whom, the list's rules); the list.
    std::optional<wire::CheckInList> beginFacts(DoorFacts& facts, wire::ScanKind kind, std::int64_t nowMicros,
                                                const std::string& deviceId) const;
    // Accepted admissions of the ticket: synced ones, then this kiosk's queued ones.
    std::vector<Admission> admissionsOf(const std::string& ticketId, const std::string& deviceId) const;
    QString m_connection;
    QString m_error;
};

} // namespace sbor::kiosk
