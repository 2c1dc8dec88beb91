#include "checkinhandlers.h"

#include "http/jsonbody.h"
#include "paging/cursor.h"
#include "sbor/rfc3339.h"
#include "sbor/uuid.h"
#include "validation/textrules.h"

#include <sodium.h>

#include <set>

namespace sbor::tickets {

using http::HttpRequest;
using http::HttpResponse;
using http::Reply;

namespace {

constexpr std::size_t kMaxCodeLength = 400; // a code is 164; room for other systems' barcodes to be refused politely
constexpr std::size_t kMaxScanIdLength = 100;
constexpr std::size_t kMaxBatchScans = 500;
constexpr std::int64_t kOfflineMicroseconds = 72LL * 3600 * 1000000; // how long a kiosk may queue
constexpr std::int64_t kClockSkewMicroseconds = 5LL * 60 * 1000000;  // a kiosk clock ahead of ours

Scanner scannerOf(const HttpRequest& request)
{
    if (request.principal->device)
        return Scanner{{}, request.principal->device->deviceId};
    return Scanner{request.principal->userId, {}};
}

// A scan id is the client's nonce: visible ASCII, so it can be logged and compared safely.
bool isAcceptableScanId(const std::string& scanId)
{
    return !scanId.empty() && scanId.size() <= kMaxScanIdLength &&
        std::all_of(scanId.begin(), scanId.end(), [](char c) { return c > ' ' && c < 127; });
}

// A scan names a code, or — picked from a search — a ticket, never both.
void readCodeOrTicket(http::JsonFieldReader& reader, const nlohmann::json& body, RedeemRequest& redeem)
{
    if (body.contains("ticket_id")) {
        if (body.contains("code"))
            reader.addProblem("ticket_id", "must not come with code: a scan names one or the other");
        redeem.ticketId = canonicalUuid(reader.requiredId("ticket_id", "a ticket id"));
        return;
    }
    redeem.code = reader.requiredString("code", 1, kMaxCodeLength);
}

// "type": entry (the default) or exit.
ScanKind readScanKind(http::JsonFieldReader& reader)
{
    return reader.optionalChoice("type", {"entry", "exit"}) == "exit" ? ScanKind::Exit : ScanKind::Entry;
}

std::string randomScanId()
{
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    return "srv-" + std::string(sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes));
}

} // namespace

void CheckInHandlers::registerRoutes(http::Router& router, const std::string& service)
{
    using access::Access;
    router.add("POST", "/api/v1/events/{id}/checkin-lists", service, Access::signedIn(),
               [this](HttpRequest& request) { return createList(request); });
    router.add("GET", "/api/v1/events/{id}/checkin-lists", service, Access::door(),
               [this](HttpRequest& request) { return listLists(request); });
    router.add("POST", "/api/v1/checkin/redeem", service, Access::door(),
               [this](HttpRequest& request) { return redeem(request); });
    router.add("POST", "/api/v1/checkin/annul", service, Access::door(),
               [this](HttpRequest& request) { return annul(request); });
    router.add("GET", "/api/v1/checkin/search", service, Access::door(),
               [this](HttpRequest& request) { return search(request); });
    router.add("GET", "/api/v1/devices/me/sync", service, Access::door(),
               [this](HttpRequest& request) { return sync(request); });
    router.add("POST", "/api/v1/checkin/batch", service, Access::door(),
               [this](HttpRequest& request) { return batch(request); });
    router.add("GET", "/api/v1/events/{id}/stats", service, Access::signedIn(),
               [this](HttpRequest& request) { return statistics(request); });
    router.add("POST", "/api/v1/tickets/{code}/validate", service, Access::door(),
               [this](HttpRequest& request) { return codeAlias(request, true); });
    router.add("POST", "/api/v1/tickets/{code}/checkin", service, Access::door(),
               [this](HttpRequest& request) { return codeAlias(request, false); });
}

Reply CheckInHandlers::createList(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    CheckInListDraft draft;
    draft.name = reader.requiredString("name", 1, 200);
    if (auto problem = validation::nameProblem(draft.name); problem && !draft.name.empty())
        reader.addProblem("name", *problem);
    for (const auto& id : reader.optionalStringArray("ticket_type_ids", 100)) {
        if (!isUuid(id))
            reader.addProblem("ticket_type_ids", "must list ticket type ids");
        else
            draft.ticketTypeIds.push_back(canonicalUuid(id));
    }
    draft.multiEntry = reader.optionalBoolean("multi_entry").value_or(false);
    draft.exitsAllowed = reader.optionalBoolean("exits_allowed").value_or(false);
    for (const auto& [field, target] :
         {std::pair{"valid_from", &draft.validFrom}, std::pair{"valid_until", &draft.validUntil}}) {
        if (const auto at = reader.optionalTime(field))
            *target = formatRfc3339(*at);
    }
    if (draft.validFrom && draft.validUntil && *parseRfc3339(*draft.validUntil) <= *parseRfc3339(*draft.validFrom))
        reader.addProblem("valid_until", "must be after valid_from");
    if (auto problem = reader.finish())
        return *problem;
    auto list = m_desk.createList(*request.principal, request.pathParameter("id"), draft);
    if (!list)
        return list.error();
    return HttpResponse::json(201, wire::toJson(*list));
}

Reply CheckInHandlers::listLists(HttpRequest& request)
{
    auto lists = m_desk.lists(*request.principal, request.pathParameter("id"));
    if (!lists)
        return lists.error();
    return HttpResponse::json(200, wire::toJson(wire::Page<CheckInList>{*lists, std::nullopt}));
}

Reply CheckInHandlers::redeem(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    RedeemRequest redeem;
    readCodeOrTicket(reader, *body, redeem);
    redeem.listId = reader.requiredId("list_id", "a check-in list id");
    redeem.scanId = reader.requiredString("scan_id", 1, kMaxScanIdLength);
    if (!redeem.scanId.empty() && !isAcceptableScanId(redeem.scanId))
        reader.addProblem("scan_id", "must be 1 to 100 visible ASCII characters");
    redeem.scannedAt = reader.optionalTime("scanned_at");
    redeem.kind = readScanKind(reader);
    if (auto problem = reader.finish())
        return *problem;
    auto answer = m_desk.redeem(*request.principal, scannerOf(request), redeem, false, request.traceId);
    if (!answer)
        return answer.error();
    return HttpResponse::json(200, wire::toJson(*answer));
}

Reply CheckInHandlers::annul(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    const std::string scanId = reader.requiredString("scan_id", 1, kMaxScanIdLength);
    if (auto problem = reader.finish())
        return *problem;
    auto scan = m_desk.annul(*request.principal, scannerOf(request), scanId, request.traceId);
    if (!scan)
        return scan.error();
    return HttpResponse::json(
        200, wire::toJson(wire::AnnulAnswer{scan->scanId, doorResultText(scan->result), scan->annulledAt}));
}

Reply CheckInHandlers::search(HttpRequest& request)
{
    const std::string listId = request.queryValue("list_id");
    if (!isUuid(listId))
        return invalidQueryParameter("list_id", "must be a check-in list id");
    const std::string query = request.queryValue("q");
    if (validation::utf8Length(query) < 2 || query.size() > 200)
        return invalidQueryParameter("q", "must be 2 to 200 characters");
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 20, 100);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 100");
    auto hits = m_desk.search(*request.principal, listId, query, *limit);
    if (!hits)
        return hits.error();
    wire::Page<wire::DoorSearchHit> page;
    for (const auto& hit : *hits) {
        // A kiosk is a screen at a door: names, not email addresses.
        const auto email = request.principal->device ? std::nullopt : std::optional<std::string>(hit.holderEmail);
        page.items.push_back({hit.ticket.id, hit.ticket.ticketTypeId, hit.ticket.holderName, email, hit.orderId,
                              hit.status, hit.blocked, hit.checkedIn});
    }
    return HttpResponse::json(200, wire::toJson(page));
}

Reply CheckInHandlers::codeAlias(HttpRequest& request, bool dryRun)
{
    // Seed 003: POST /tickets/{code}/validate and /checkin. The body may name the list and the
    // scan id; without a list the event's first one is used.
    nlohmann::json body = nlohmann::json::object();
    if (!request.body.empty()) {
        auto parsed = http::parseJsonBody(request);
        if (!parsed)
            return parsed.error();
        body = *parsed;
    }
    http::JsonFieldReader reader(body);
    RedeemRequest redeem;
    redeem.code = request.pathParameter("code");
    if (redeem.code.size() > kMaxCodeLength)
        return invalidField("code", "is too long", "code is too long to be a ticket code");
    const auto listId = reader.optionalId("list_id", "a check-in list id");
    redeem.scanId = reader.optionalString("scan_id", kMaxScanIdLength).value_or(randomScanId());
    if (!isAcceptableScanId(redeem.scanId))
        reader.addProblem("scan_id", "must be 1 to 100 visible ASCII characters");
    if (auto problem = reader.finish())
        return *problem;
    if (listId) {
        redeem.listId = *listId;
    } else {
        // Without a list there is nothing to judge the scan on: a code that leads to no door of
        // the caller's is answered as redeem answers a list that is not theirs.
        auto first = m_desk.firstListForCode(*request.principal, redeem.code);
        if (!first)
            return first.error();
        redeem.listId = *first;
    }
    auto answer = m_desk.redeem(*request.principal, scannerOf(request), redeem, dryRun, request.traceId);
    if (!answer)
        return answer.error();
    return HttpResponse::json(200, wire::toJson(*answer));
}

Reply CheckInHandlers::statistics(HttpRequest& request)
{
    auto stats = m_desk.statistics(*request.principal, request.pathParameter("id"));
    if (!stats)
        return stats.error();
    stats->eventId = canonicalUuid(request.pathParameter("id"));
    return HttpResponse::json(200, wire::toJson(*stats));
}

Reply CheckInHandlers::sync(HttpRequest& request)
{
    // Who may ask comes before what was asked: a person learns nothing of the parameters' rules.
    if (!request.principal->device)
        return Error(ErrorCode::Forbidden, "sync is for enrolled devices");
    SyncCursor cursor;
    if (const std::string text = request.queryValue("cursor"); !text.empty()) {
        const auto position = paging::decodeCursor(text);
        if (!position || !position->contains("s") || !(*position)["s"].is_number_integer() ||
            (*position)["s"].get<std::int64_t>() < 0 || !position->contains("h") || !(*position)["h"].is_string() ||
            (*position)["h"].get<std::string>().empty() ||
            (*position)["h"].get<std::string>().find_first_not_of("0123456789") != std::string::npos ||
            (*position)["h"].get<std::string>().size() > 20)
            return invalidQueryParameter("cursor", "is not one this API returned");
        cursor.after = (*position)["s"].get<std::int64_t>();
        cursor.horizon = (*position)["h"].get<std::string>();
    }
    const auto limit = paging::parsePageLimit(request.queryValue("limit"), 500, 1000);
    if (!limit)
        return invalidQueryParameter("limit", "must be an integer from 1 to 1000");
    auto changes = m_desk.changesSince(*request.principal, cursor, *limit);
    if (!changes)
        return changes.error();
    auto lists = m_desk.lists(*request.principal, request.principal->device->eventId);
    wire::DoorSyncPage page;
    page.eventId = request.principal->device->eventId;
    page.publicKeys = changes->publicKeys;
    page.ticketTypes = changes->ticketTypes;
    if (lists && !lists->empty())
        page.list = lists->front();
    page.tickets.assign(changes->tickets.begin(), changes->tickets.end()); // the wire part of each
    page.revocations.assign(changes->revocations.begin(), changes->revocations.end());
    page.scans.assign(changes->scans.begin(), changes->scans.end());
    page.nextCursor = paging::encodeCursor({{"s", changes->cursor.after}, {"h", *changes->cursor.horizon}});
    page.hasMore = changes->more;
    return HttpResponse::json(200, wire::toJson(page));
}

Reply CheckInHandlers::batch(HttpRequest& request)
{
    auto body = http::parseJsonBody(request);
    if (!body)
        return body.error();
    http::JsonFieldReader reader(*body);
    std::string listId = request.principal->device ? request.principal->device->listId : std::string();
    if (const auto named = reader.optionalId("list_id", "a check-in list id")) {
        listId = *named;
    } else if (listId.empty()) {
        reader.addProblem("list_id", "is required (only a device's batch names its list by itself)");
    }
    reader.acceptField("scans");
    std::vector<RedeemRequest> scans;
    const std::int64_t now = unixNowMicroseconds();
    const auto list = body->find("scans");
    if (list == body->end() || !list->is_array() || list->empty() || list->size() > kMaxBatchScans) {
        reader.addProblem("scans", "must be a list of 1 to 500 scans");
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = "scans[" + std::to_string(i) + "]";
            if (!(*list)[i].is_object()) {
                reader.addProblem(path, "must be an object");
                continue;
            }
            http::JsonFieldReader item((*list)[i], path);
            RedeemRequest scan;
            scan.listId = listId;
            readCodeOrTicket(item, (*list)[i], scan);
            scan.scanId = item.requiredString("scan_id", 1, kMaxScanIdLength);
            if (!scan.scanId.empty() && (!isAcceptableScanId(scan.scanId) || !seen.insert(scan.scanId).second))
                item.addProblem("scan_id", "must be 1 to 100 visible ASCII characters, once per batch");
            // An offline scan is judged at its own time, so that time is bounded: a clock cannot
            // be set back to admit an expired ticket long after the fact.
            scan.scannedAt = item.requiredTime("scanned_at");
            if (scan.scannedAt &&
                (*scan.scannedAt > now + kClockSkewMicroseconds || *scan.scannedAt < now - kOfflineMicroseconds))
                item.addProblem("scanned_at", "must lie within the last 72 hours (and not in the future)");
            scan.kind = readScanKind(item);
            if (auto problem = item.finish()) {
                for (const auto& detail : problem->details["fields"])
                    reader.addProblem(detail["field"].get<std::string>(), detail["problem"].get<std::string>());
            }
            scans.push_back(std::move(scan));
        }
    }
    if (auto problem = reader.finish())
        return *problem;
    auto answers = m_desk.redeemBatch(*request.principal, scannerOf(request), std::move(scans), request.traceId);
    if (!answers)
        return answers.error();
    nlohmann::json results = nlohmann::json::array();
    for (const auto& answer : *answers)
        results.push_back(wire::toJson(answer));
    return HttpResponse::json(200, {{"results", results}});
}

} // namespace sbor::tickets
