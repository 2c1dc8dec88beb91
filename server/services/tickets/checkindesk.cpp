#include "checkindesk.h"

#include "eventkeyrepository.h"
#include "ticketrepository.h"
#include "tickettyperepository.h"

#include "sbor/doorrules.h"
#include "outbox/outbox.h"
#include "sbor/jsonvalue.h"
#include "sbor/rfc3339.h"
#include "sbor/ticketcode.h"
#include "sbor/uuid.h"
#include "service/contracts.h"
#include "service/eventaccess.h"

#include <algorithm>

namespace sbor::tickets {
namespace {

Error noSuchList(const std::string& id) { return noSuch("check-in list", id); }

std::string kindText(ScanKind kind) { return kind == ScanKind::Exit ? "exit" : "entry"; }

// What the code itself says, checked against the list's event keys.
template <typename KeysOf> CodeCheck checkCode(const std::string& code, const std::string& eventId, KeysOf&& keysOf)
{
    const auto read = readTicketCode(code);
    std::vector<VerifyingKey> keys;
    if (read) {
        for (const auto& key : keysOf(read->fields.keyId))
            if (!key.retired)
                keys.push_back({key.keyId, key.publicKey});
    }
    return checkTicketCode(code, eventId, keys);
}

std::int64_t microsecondsOf(const std::optional<std::string>& rfc3339, std::int64_t fallback)
{
    return rfc3339 ? parseRfc3339(*rfc3339).value_or(fallback) : fallback;
}

// What the door rules judge a scan by, and the ticket the code names (when it exists).
struct ScanFacts {
    DoorFacts facts;
    std::optional<DoorTicket> ticket;
};

ScanFacts gatherFacts(CheckInRepository& repository, const CodeCheck& code, const RedeemRequest& request,
                      const CheckInList& list, const Scanner& scanner, std::int64_t now)
{
    ScanFacts gathered;
    DoorFacts& facts = gathered.facts;
    facts.codeReadable = code.readable;
    facts.sameEventPrefix = code.sameEventPrefix;
    facts.signatureValid = code.signatureValid;
    facts.now = request.offline && request.scannedAt ? *request.scannedAt : now;
    facts.kind = request.kind;
    facts.multiEntry = list.multiEntry;
    facts.exitsAllowed = list.exitsAllowed;
    facts.offline = request.offline;
    facts.scannedBy = scanner.deviceId.empty() ? scanner.userId : scanner.deviceId;
    if (code.ticketId)
        gathered.ticket = repository.lockTicket(*code.ticketId);
    if (const auto& ticket = gathered.ticket) {
        facts.ticketFound = true;
        facts.codeCurrent = ticket->code == request.code;
        facts.revoked = !facts.codeCurrent && repository.isRevoked(request.code);
        facts.cancelled = ticket->status == TicketStatus::Cancelled;
        facts.blocked = ticket->blocked;
        facts.validFrom = std::max(ticket->validFrom, microsecondsOf(list.validFrom, ticket->validFrom));
        facts.validUntil = std::min(ticket->validUntil, microsecondsOf(list.validUntil, ticket->validUntil));
        facts.typeAllowed = list.ticketTypeIds.empty() ||
            std::find(list.ticketTypeIds.begin(), list.ticketTypeIds.end(), ticket->summary.ticketTypeId) !=
                list.ticketTypeIds.end();
        if (!list.multiEntry)
            facts.admissions = repository.singleEntryAdmissions(ticket->summary.id);
    }
    return gathered;
}

PreviousAdmission previousAdmissionOf(const Admission& admission)
{
    return PreviousAdmission{formatRfc3339(admission.at), admission.listId, admission.deviceId};
}

RedeemAnswer answerOf(const DoorVerdict& verdict, const std::optional<DoorTicket>& ticket, const std::string& scanId)
{
    RedeemAnswer answer;
    answer.scanId = scanId;
    answer.result = doorResultText(verdict.result);
    if (ticket)
        answer.ticket = ticket->summary;
    if (verdict.previous)
        answer.previous = previousAdmissionOf(*verdict.previous);
    return answer;
}

Scan scanOf(const RedeemRequest& request, const CheckInList& list, const std::optional<DoorTicket>& ticket,
            DoorResult result, const Scanner& scanner, std::int64_t now)
{
    Scan scan;
    scan.scanId = request.scanId;
    scan.listId = list.id;
    scan.ticketId = ticket ? std::optional(ticket->summary.id) : std::nullopt;
    scan.code = request.code;
    scan.kind = request.kind;
    scan.result = result;
    scan.deviceId = scanner.deviceId.empty() ? std::nullopt : std::optional(scanner.deviceId);
    scan.userId = scanner.deviceId.empty() ? std::optional(scanner.userId) : std::nullopt;
    scan.scannedAt = formatRfc3339(request.scannedAt.value_or(now));
    return scan;
}

// A replayed scan (an offline queue sent twice, a retry): the first answer stands.
Result<RedeemAnswer> replay(CheckInRepository& repository, const Scan& earlier, const RedeemRequest& request,
                            const CheckInList& list)
{
    if (earlier.code != request.code || earlier.listId != list.id)
        return Error(ErrorCode::Conflict, "this scan_id was already used for another scan",
                     {{"scan_id", request.scanId}});
    RedeemAnswer first;
    first.scanId = request.scanId;
    first.result = doorResultText(earlier.result);
    if (earlier.ticketId) {
        if (const auto ticket = repository.lockTicket(*earlier.ticketId))
            first.ticket = ticket->summary;
        if (earlier.result == DoorResult::AlreadyRedeemed) {
            const auto admissions = repository.singleEntryAdmissions(*earlier.ticketId);
            const auto entry = std::find_if(admissions.begin(), admissions.end(),
                                            [](const Admission& a) { return a.kind == ScanKind::Entry; });
            if (entry != admissions.end())
                first.previous = previousAdmissionOf(*entry);
        }
    }
    return first;
}

void announceAdmission(db::Transaction& tx, const CheckInList& list, const Scan& scan, const std::string& ticketId,
                       const std::string& traceId)
{
    outbox::append(tx, "tickets",
                   {"checkin",
                    list.eventId,
                    "ticket.checkin",
                    {{"ticket_id", ticketId},
                     {"event_id", list.eventId},
                     {"list_id", list.id},
                     {"scan_id", scan.scanId},
                     {"kind", kindText(scan.kind)},
                     {"device_id", jsonOrNull(scan.deviceId)},
                     {"scanned_at", scan.scannedAt}},
                    traceId});
}

void recordConflict(db::Transaction& tx, CheckInRepository& repository, const CheckInList& list, const Scan& scan,
                    const TicketSummary& ticket, const Admission& first, std::int64_t now, const std::string& traceId)
{
    const std::string& ticketId = ticket.id;
    repository.recordConflict(list.eventId, ticketId, first.scanId, scan.scanId);
    outbox::append(tx, "tickets",
                   {"checkin",
                    list.eventId,
                    "checkin.conflict",
                    {{"event_id", list.eventId},
                     {"ticket_id", ticketId},
                     // Who it is, so the alert names a person (the door's audience may read it).
                     {"holder_name", ticket.holderName},
                     {"first",
                      {{"scan_id", first.scanId},
                       {"list_id", first.listId},
                       {"at", formatRfc3339(first.at)},
                       {"device_id", jsonOrNull(first.deviceId)}}},
                     {"second",
                      {{"scan_id", scan.scanId},
                       {"list_id", list.id},
                       {"at", formatRfc3339(now)},
                       {"device_id", jsonOrNull(scan.deviceId)}}}},
                    traceId});
}

} // namespace

std::optional<EventFacts> CheckInDesk::eventFacts(const std::string& eventId, bool fresh)
{
    if (!fresh) {
        if (auto cached = m_events.get(eventId))
            return cached;
    }
    const auto events = m_directory->find<EventDirectory>();
    auto event = events ? events->eventFacts(eventId) : std::nullopt;
    if (event)
        m_events.put(eventId, *event);
    return event;
}

bool CheckInDesk::allows(const std::string& eventId, const std::function<bool(const EventFacts&)>& rule)
{
    const auto cached = eventFacts(eventId, false);
    if (cached && rule(*cached))
        return true;
    // A refusal is asked again of the events service: someone just added to the team is let in
    // at once; only a removal waits for the cache.
    const auto current = eventFacts(eventId, true);
    return current && rule(*current);
}

bool CheckInDesk::managesEvent(const access::Principal& caller, const std::string& eventId)
{
    if (caller.device)
        return false; // a kiosk works its door, nothing more
    return allows(eventId, [&](const EventFacts& event) { return sbor::managesEvent(caller, event); });
}

std::vector<EventPublicKey> CheckInDesk::eventKeys(db::Transaction& tx, const std::string& eventId, int keyId)
{
    auto keys = m_keys.get(eventId);
    const auto named = [keyId](const std::vector<EventPublicKey>& list) {
        return std::any_of(list.begin(), list.end(), [keyId](const EventPublicKey& key) { return key.keyId == keyId; });
    };
    if (!keys || !named(*keys)) {
        keys = EventKeyRepository(tx).publicKeys(eventId);
        m_keys.put(eventId, *keys);
    }
    return *keys;
}

bool CheckInDesk::mayWorkTheDoor(const access::Principal& caller, const std::string& eventId)
{
    if (caller.device)
        return caller.device->eventId == eventId;
    return allows(eventId, [&](const EventFacts& event) { return worksTheDoor(caller, event); });
}

Result<CheckInList> CheckInDesk::createList(const access::Principal& caller, const std::string& eventId,
                                            const CheckInListDraft& draft)
{
    if (!isUuid(eventId) || !mayWorkTheDoor(caller, canonicalUuid(eventId)))
        return noSuchEvent(eventId);
    if (!managesEvent(caller, canonicalUuid(eventId)))
        return Error(ErrorCode::Forbidden, "door staff work the lists; the organizer or a co-organizer makes them");
    return m_database.transact([&](db::Transaction& tx) -> Result<CheckInList> {
        CheckInRepository repository(tx);
        if (const auto foreign = repository.foreignTypes(canonicalUuid(eventId), draft.ticketTypeIds); !foreign.empty())
            return invalidField("ticket_type_ids", "names ticket types this event does not sell",
                                "unknown ticket type " + foreign.front());
        CheckInList list = repository.insertList(canonicalUuid(eventId), draft);
        return list;
    });
}

Result<std::vector<CheckInList>> CheckInDesk::lists(const access::Principal& caller, const std::string& eventId)
{
    if (!isUuid(eventId) || !mayWorkTheDoor(caller, canonicalUuid(eventId)))
        return noSuchEvent(eventId);
    auto lists = m_database.read(
        [&](db::Transaction& tx) { return CheckInRepository(tx).listsOf(canonicalUuid(eventId)); });
    if (caller.device)
        std::erase_if(lists, [&](const CheckInList& list) { return list.id != caller.device->listId; });
    return lists;
}

Result<CheckInList> CheckInDesk::doorList(const access::Principal& caller, const std::string& listId)
{
    if (!isUuid(listId) || (caller.device && caller.device->listId != canonicalUuid(listId)))
        return noSuchList(listId); // a kiosk sees only the list it was enrolled for
    auto list = m_lists.get(canonicalUuid(listId));
    if (!list) {
        list = m_database.read([&](db::Transaction& tx) {
            // one statement: one round trip
            return CheckInRepository(tx).findList(canonicalUuid(listId));
        });
        if (list)
            m_lists.put(list->id, *list);
    }
    // Event facts after the connection went back (no contract call while holding one).
    if (!list || !mayWorkTheDoor(caller, list->eventId))
        return noSuchList(listId);
    return *list;
}

Result<RedeemAnswer> CheckInDesk::redeem(const access::Principal& caller, const Scanner& scanner,
                                         const RedeemRequest& asScanned, bool dryRun, const std::string& traceId)
{
    RedeemRequest request = asScanned;
    request.code = canonicalTicketCode(asScanned.code);
    auto list = doorList(caller, request.listId);
    if (!list)
        return list.error();
    return m_database.transact([&](db::Transaction& tx) -> Result<RedeemAnswer> {
        CheckInRepository repository(tx);
        const std::int64_t now = unixNowMicroseconds();
        if (!request.ticketId.empty()) {
            // Picked from a search: the ticket's current code stands for it. A ticket of another
            // event is as unknown here as a code nobody issued.
            const auto picked = repository.lockTicket(request.ticketId);
            if (!picked || picked->summary.eventId != list->eventId)
                return RedeemAnswer{doorResultText(DoorResult::UnknownTicket), std::nullopt, std::nullopt,
                                    request.scanId, std::nullopt};
            request.code = picked->code;
        }
        const CodeCheck code = checkCode(request.code, list->eventId,
                                         [&](int keyId) { return eventKeys(tx, list->eventId, keyId); });
        const ScanFacts gathered = gatherFacts(repository, code, request, *list, scanner, now);
        const DoorVerdict verdict = judgeScan(gathered.facts);
        const RedeemAnswer answer = answerOf(verdict, gathered.ticket, request.scanId);
        if (dryRun)
            return answer;
        const Scan scan = scanOf(request, *list, gathered.ticket, verdict.result, scanner, now);
        // Stored first-come by scan_id: a replay finds the first scan and answers as it did.
        if (!repository.insertScan(list->eventId, scan))
            return replay(repository, *repository.findScan(gathered.facts.scannedBy, request.scanId), request, *list);
        if (verdict.result == DoorResult::Ok)
            announceAdmission(tx, *list, scan, gathered.ticket->summary.id, traceId);
        else if (verdict.previous && verdict.previous->scannedBy != gathered.facts.scannedBy &&
                 (request.offline || now - verdict.previous->at < kConflictWindowMicroseconds))
            // Admitted moments ago somewhere else: a shared screenshot, a cloned code. Tell the organizer.
            recordConflict(tx, repository, *list, scan, gathered.ticket->summary, *verdict.previous, now, traceId);
        return answer;
    });
}

Result<Scan> CheckInDesk::annul(const access::Principal& caller, const Scanner& scanner, const std::string& scanId,
                                const std::string& traceId)
{
    const auto noSuchScan = Error(ErrorCode::NotFound, "no such scan", {{"scan_id", scanId}});
    const std::string scannerId = scanner.deviceId.empty() ? scanner.userId : scanner.deviceId;
    // The caller's own scan by that id; else, for a person, one made by someone else at a door
    // they may work (the organizer may annul any; others learn they may not).
    auto found = m_database.read([&](db::Transaction& tx) {
        CheckInRepository repository(tx);
        if (auto own = repository.findScan(scannerId, scanId))
            return std::vector<Scan>{*own};
        return scanner.deviceId.empty() ? repository.scansWithId(scanId) : std::vector<Scan>{};
    });
    std::erase_if(found, [&](const Scan& scan) { return !doorList(caller, scan.listId); });
    if (found.empty())
        return noSuchScan;
    if (found.size() > 1)
        return Error(ErrorCode::Conflict, "several scanners used this scan_id; ask each scanner to annul its own",
                     {{"scan_id", scanId}});
    const Scan target = found.front();
    auto list = doorList(caller, target.listId);
    const bool organizer = scanner.deviceId.empty() && managesEvent(caller, list->eventId);
    const bool sameScanner = scanner.deviceId.empty() ? target.userId == scanner.userId
                                                      : target.deviceId == scanner.deviceId;
    return m_database.transact([&](db::Transaction& tx) -> Result<Scan> {
        CheckInRepository repository(tx);
        auto scan = repository.lockScan(target.row);
        if (scan->annulledAt)
            return *scan; // twice: nothing changes
        if (scan->result != DoorResult::Ok || scan->kind != ScanKind::Entry)
            return Error(ErrorCode::Conflict, "only an accepted entry can be annulled",
                         {{"scan_id", scanId}, {"result", doorResultName(scan->result)}});
        const auto received = parseRfc3339(scan->receivedAt).value_or(0);
        if (!organizer && !(sameScanner && unixNowMicroseconds() - received <= kAnnulWindowMicroseconds))
            return Error(ErrorCode::Forbidden,
                         "a check-in can be annulled by its own scanner within 15 minutes, or by the organizer",
                         {{"scan_id", scanId}});
        repository.annul(target.row, scannerId);
        outbox::append(tx, "tickets",
                       {"checkin",
                        list->eventId,
                        "ticket.checkin",
                        {{"ticket_id", scan->ticketId.value_or("")},
                         {"event_id", list->eventId},
                         {"list_id", list->id},
                         {"scan_id", scanId},
                         {"kind", "annulled"}},
                        traceId});
        Scan annulled = *repository.lockScan(target.row);
        return annulled;
    });
}

Result<std::vector<SearchHit>> CheckInDesk::search(const access::Principal& caller, const std::string& listId,
                                                   const std::string& query, int limit)
{
    auto list = doorList(caller, listId);
    if (!list)
        return list.error();
    return m_database.read([&](db::Transaction& tx) { return CheckInRepository(tx).search(*list, query, limit); });
}

Result<std::vector<RedeemAnswer>> CheckInDesk::redeemBatch(const access::Principal& caller, const Scanner& scanner,
                                                           std::vector<RedeemRequest> scans, const std::string& traceId)
{
    if (scans.empty())
        return std::vector<RedeemAnswer>{};
    if (auto list = doorList(caller, scans.front().listId); !list)
        return list.error(); // one list per batch: refused whole
    // Scan order, the order things happened at the door; answers go back in the order sent.
    std::vector<std::size_t> order(scans.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scans[a].scannedAt < scans[b].scannedAt; });
    std::vector<RedeemAnswer> answers(scans.size());
    for (const std::size_t index : order) {
        scans[index].offline = true;
        auto answer = redeem(caller, scanner, scans[index], false, traceId);
        if (!answer) {
            // One bad scan (its scan_id reused for another code) must not lose the others.
            answers[index] = RedeemAnswer{"error", std::nullopt, std::nullopt, scans[index].scanId, std::nullopt};
            answers[index].error = answer.error();
            continue;
        }
        answers[index] = *answer;
    }
    return answers;
}

Result<DoorChanges> CheckInDesk::changesSince(const access::Principal& caller, const SyncCursor& cursor, int limit)
{
    if (!caller.device)
        return Error(ErrorCode::Forbidden, "sync is for enrolled devices");
    const std::string eventId = caller.device->eventId;
    return m_database.readSnapshot([&](db::Transaction& tx) {
        // One snapshot: the three kinds of change, and the horizon, agree with each other.
        CheckInRepository repository(tx);
        const std::string runningNow = repository.oldestRunningTransaction();
        DoorChanges page;
        for (const auto& key : EventKeyRepository(tx).publicKeys(eventId)) {
            if (!key.retired)
                page.publicKeys.push_back({key.keyId, publicKeyHex(key.publicKey)});
        }
        for (const auto& type : TicketTypeRepository(tx).listForEvent(eventId, false))
            page.ticketTypes.push_back({type.id, type.name});
        auto tickets = repository.ticketsChangedSince(eventId, cursor.after, limit + 1);
        auto revocations = repository.revocationsSince(eventId, cursor.after, limit + 1);
        auto scans = repository.admissionsSince(eventId, caller.device->listId, cursor.after, limit + 1);
        // The first `limit` changes of all kinds by sequence (numbers are unique across kinds).
        std::vector<std::int64_t> sequences;
        for (const auto& t : tickets)
            sequences.push_back(t.sequence);
        for (const auto& r : revocations)
            sequences.push_back(r.sequence);
        for (const auto& s : scans)
            sequences.push_back(s.sequence);
        std::sort(sequences.begin(), sequences.end());
        page.more = static_cast<int>(sequences.size()) > limit;
        page.cursor.after = sequences.empty() ? cursor.after
                                              : sequences[std::min<std::size_t>(sequences.size(), limit) - 1];
        const auto within = [&](std::int64_t sequence) { return sequence <= page.cursor.after; };
        for (auto& t : tickets)
            if (within(t.sequence))
                page.tickets.push_back(std::move(t));
        for (auto& r : revocations)
            if (within(r.sequence))
                page.revocations.push_back(std::move(r));
        for (auto& s : scans)
            if (within(s.sequence))
                page.scans.push_back(std::move(s));
        if (page.more) {
            // Mid-way: keep the oldest horizon until the last page has fetched what it covers.
            page.cursor.horizon = cursor.horizon.value_or(runningNow);
            return page;
        }
        if (cursor.horizon) {
            // Caught up: what the transactions running at an earlier read committed below the
            // cursor since (a repeat for any that had committed before; harmless).
            constexpr int kLateLimit = 100000;
            for (auto& t : repository.ticketsChangedSince(eventId, cursor.after, kLateLimit, cursor.horizon))
                page.tickets.push_back(std::move(t));
            for (auto& r : repository.revocationsSince(eventId, cursor.after, kLateLimit, cursor.horizon))
                page.revocations.push_back(std::move(r));
            for (auto& s :
                 repository.admissionsSince(eventId, caller.device->listId, cursor.after, kLateLimit, cursor.horizon))
                page.scans.push_back(std::move(s));
        }
        page.cursor.horizon = runningNow;
        return page;
    });
}

Result<EventStatistics> CheckInDesk::statistics(const access::Principal& caller, const std::string& eventId)
{
    if (!isUuid(eventId) || !mayWorkTheDoor(caller, canonicalUuid(eventId)))
        return noSuchEvent(eventId);
    auto statistics = m_database.readSnapshot([&](db::Transaction& tx) {
        // One snapshot, so the numbers agree with each other.
        return readEventStatistics(tx, canonicalUuid(eventId));
    });
    if (!managesEvent(caller, canonicalUuid(eventId)))
        statistics.revenue.clear(); // the door's counters, not the money (as on the live feed)
    return statistics;
}

Result<std::string> CheckInDesk::firstListForCode(const access::Principal& caller, const std::string& code)
{
    // A kiosk works its own list; whether the code belongs there is the verdict's business.
    if (caller.device)
        return caller.device->listId;
    const auto read = readTicketCode(canonicalTicketCode(code));
    const auto notFound = Error(
        ErrorCode::NotFound,
        "this code names no ticket of an event whose door you work; name list_id to judge it on a list");
    if (!read)
        return notFound;
    const std::string ticketId = uuidText(read->fields.ticketId.data());
    const auto ticket = m_database.read([&](db::Transaction& tx) { return TicketRepository(tx).find(ticketId); });
    if (!ticket)
        return notFound;
    auto lists = this->lists(caller, ticket->eventId);
    if (!lists || lists->empty())
        return notFound;
    return lists->front().id;
}

} // namespace sbor::tickets
