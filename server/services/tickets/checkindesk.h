#pragma once
// The door (architecture.md §6, pretix's check-in model): check-in lists, redeeming a scanned code
// with an answer for every well-formed scan, annulling a mistaken check-in, searching the guest
// list. Scans are idempotent by the client's scan_id and kept for good; two admissions of one
// ticket at different gates within minutes are recorded as a conflict.

#include "checkin.h"
#include "checkinrepository.h"
#include "eventkeyrepository.h"
#include "eventstatistics.h"

#include "access/access.h"
#include "cache/expiringcache.h"
#include "db/connectionpool.h"
#include "sbor/error.h"
#include "service/contracts.h"
#include "service/servicedirectory.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sbor::tickets {

// How long after an admission a second one elsewhere counts as a conflict, not just a reuse.
inline constexpr std::int64_t kConflictWindowMicroseconds = 5LL * 60 * 1000000;
// How long a scanner may annul its own check-in; organizers may always.
inline constexpr std::int64_t kAnnulWindowMicroseconds = 15LL * 60 * 1000000;

class CheckInDesk {
public:
    CheckInDesk(db::ConnectionPool& database, std::shared_ptr<ServiceDirectory> directory)
        : m_database(database), m_directory(std::move(directory))
    {}

    Result<CheckInList> createList(const access::Principal& caller, const std::string& eventId,
                                   const CheckInListDraft& draft);
    Result<std::vector<CheckInList>> lists(const access::Principal& caller, const std::string& eventId);
    // `dryRun`: the answer a redeem would give, nothing stored (the validate alias).
    Result<RedeemAnswer> redeem(const access::Principal& caller, const Scanner& scanner, const RedeemRequest& request,
                                bool dryRun, const std::string& traceId);
    Result<Scan> annul(const access::Principal& caller, const Scanner& scanner, const std::string& scanId,
                       const std::string& traceId);
    Result<std::vector<SearchHit>> search(const access::Principal& caller, const std::string& listId,
                                          const std::string& query, int limit);
    // A kiosk's offline queue, judged in scan order (each as redeem would, at its scan time).
    // Answers in the order given.
    Result<std::vector<RedeemAnswer>> redeemBatch(const access::Principal& caller, const Scanner& scanner,
                                                  std::vector<RedeemRequest> scans, const std::string& traceId);
    // What changed at the kiosk's door since `cursor` (default: everything). A change may come
    // twice (a late commit is fetched again); devices apply changes by id, so that is harmless.
    Result<DoorChanges> changesSince(const access::Principal& caller, const SyncCursor& cursor, int limit);
    // For whoever works the event's door (its organizer, co-organizers, door staff, admins).
    Result<EventStatistics> statistics(const access::Principal& caller, const std::string& eventId);
    // The event's first list, for the aliases that name no list: the event is read off the code.
    Result<std::string> firstListForCode(const access::Principal& caller, const std::string& code);

private:
    // The list, if `caller` may work its door (the event's organizer, an admin, door staff).
    Result<CheckInList> doorList(const access::Principal& caller, const std::string& listId);
    bool mayWorkTheDoor(const access::Principal& caller, const std::string& eventId);
    bool managesEvent(const access::Principal& caller, const std::string& eventId);
    std::optional<EventFacts> eventFacts(const std::string& eventId, bool fresh);
    // Does `rule` hold for the event (cached facts first; a refusal is checked against fresh ones)?
    bool allows(const std::string& eventId, const std::function<bool(const EventFacts&)>& rule);
    // The event's keys, cached; read afresh when a code names a key id not among them (rotation).
    std::vector<EventPublicKey> eventKeys(db::Transaction& tx, const std::string& eventId, int keyId);

    db::ConnectionPool& m_database;
    std::shared_ptr<ServiceDirectory> m_directory;
    // Read on every scan and rarely changed: an event with its team, a list's rules, an event's
    // public keys. Cached so a scan costs the ticket, not the setup. The team is trusted for two
    // seconds only: someone taken off the team loses the door that quickly (someone added gets
    // it at once: refusals are checked against fresh facts, see allows()).
    ExpiringCache<std::string, EventFacts> m_events{std::chrono::seconds(2)};
    ExpiringCache<std::string, CheckInList> m_lists{std::chrono::seconds(30)};
    ExpiringCache<std::string, std::vector<EventPublicKey>> m_keys{std::chrono::minutes(1)};
};

} // namespace sbor::tickets
