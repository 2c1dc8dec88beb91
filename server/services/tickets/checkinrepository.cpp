#include "checkinrepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"
#include "sbor/rfc3339.h"

namespace sbor::tickets {
namespace {

using db::rfc3339Sql;

std::string listColumns()
{
    return "l.id::text, l.event_id::text, l.name, array_to_string(l.ticket_type_ids, ','), l.multi_entry, l.exits_allowed, " +
        rfc3339Sql("l.valid_from") + ", " + rfc3339Sql("l.valid_until") + ", " + rfc3339Sql("l.created_at");
}

std::vector<std::string> splitIds(const std::string& joined)
{
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start < joined.size()) {
        const std::size_t comma = joined.find(',', start);
        ids.push_back(joined.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return ids;
}

CheckInList listFrom(const pqxx::row& row)
{
    CheckInList list;
    list.id = row[0].as<std::string>();
    list.eventId = row[1].as<std::string>();
    list.name = row[2].as<std::string>();
    list.ticketTypeIds = splitIds(row[3].as<std::string>());
    list.multiEntry = row[4].as<bool>();
    list.exitsAllowed = row[5].as<bool>();
    list.validFrom = db::optionalText(row[6]);
    list.validUntil = db::optionalText(row[7]);
    list.createdAt = row[8].as<std::string>();
    return list;
}

std::string scanColumns()
{
    return "s.id, s.scan_id, s.list_id::text, s.ticket_id::text, s.code, s.kind, s.result, s.device_id::text, s.user_id::text, " +
        rfc3339Sql("s.scanned_at") + ", " + rfc3339Sql("s.received_at") + ", " + rfc3339Sql("s.annulled_at");
}

Scan scanFrom(const pqxx::row& row)
{
    Scan scan;
    scan.row = row[0].as<std::int64_t>();
    scan.scanId = row[1].as<std::string>();
    scan.listId = row[2].as<std::string>();
    scan.ticketId = db::optionalText(row[3]);
    scan.code = row[4].as<std::string>();
    scan.kind = row[5].as<std::string>() == "exit" ? ScanKind::Exit : ScanKind::Entry;
    // Every stored result came from the door rules, so from the one table.
    scan.result = doorResultFromName(row[6].as<std::string>()).value_or(DoorResult::UnknownTicket);
    scan.deviceId = db::optionalText(row[7]);
    scan.userId = db::optionalText(row[8]);
    scan.scannedAt = row[9].as<std::string>();
    scan.receivedAt = row[10].as<std::string>();
    scan.annulledAt = db::optionalText(row[11]);
    return scan;
}

} // namespace

CheckInList CheckInRepository::insertList(const std::string& eventId, const CheckInListDraft& draft)
{
    return listFrom(m_tx.sql().exec_params1(
        // created_at is the insert's moment: lists made together (a copied event's) keep their order.
        "INSERT INTO tickets.checkin_lists AS l (event_id, name, ticket_type_ids, multi_entry, exits_allowed, valid_from, "
        "valid_until, created_at) VALUES ($1::uuid, $2, $3::uuid[], $4, $5, NULLIF($6, '')::timestamptz, "
        "NULLIF($7, '')::timestamptz, clock_timestamp()) "
        "RETURNING " +
            listColumns(),
        eventId, draft.name, db::arrayLiteral(draft.ticketTypeIds), draft.multiEntry, draft.exitsAllowed,
        draft.validFrom.value_or(""), draft.validUntil.value_or("")));
}

std::optional<CheckInList> CheckInRepository::findList(const std::string& id)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + listColumns() + " FROM tickets.checkin_lists l WHERE l.id = $1::uuid", id);
    if (rows.empty())
        return std::nullopt;
    return listFrom(rows[0]);
}

std::vector<CheckInList> CheckInRepository::listsOf(const std::string& eventId)
{
    std::vector<CheckInList> lists;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + listColumns() +
                 " FROM tickets.checkin_lists l WHERE l.event_id = $1::uuid ORDER BY l.created_at, l.id",
             eventId))
        lists.push_back(listFrom(row));
    return lists;
}

std::vector<std::string> CheckInRepository::foreignTypes(const std::string& eventId,
                                                         const std::vector<std::string>& typeIds)
{
    std::vector<std::string> foreign;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT wanted::text FROM unnest($2::uuid[]) AS wanted WHERE NOT EXISTS ("
                                "SELECT 1 FROM tickets.ticket_types t WHERE t.id = wanted AND t.event_id = $1::uuid)",
                                eventId, db::arrayLiteral(typeIds)))
        foreign.push_back(row[0].as<std::string>());
    return foreign;
}

std::optional<Scan> CheckInRepository::findScan(const std::string& scannerId, const std::string& scanId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + scanColumns() +
            " FROM tickets.scans s WHERE COALESCE(s.device_id, s.user_id) = $1::uuid AND s.scan_id = $2",
        scannerId, scanId);
    if (rows.empty())
        return std::nullopt;
    return scanFrom(rows[0]);
}

std::vector<Scan> CheckInRepository::scansWithId(const std::string& scanId)
{
    std::vector<Scan> scans;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + scanColumns() + " FROM tickets.scans s WHERE s.scan_id = $1 ORDER BY s.id", scanId))
        scans.push_back(scanFrom(row));
    return scans;
}

std::optional<DoorTicket> CheckInRepository::lockTicket(const std::string& ticketId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT id::text, event_id::text, ticket_type_id::text, holder_name, code, status, blocked, "
        "(extract(epoch FROM valid_from) * 1000000)::bigint, (extract(epoch FROM valid_until) * 1000000)::bigint "
        "FROM tickets.tickets WHERE id = $1::uuid FOR NO KEY UPDATE",
        ticketId);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    DoorTicket ticket;
    ticket.summary = {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                      row[3].as<std::string>()};
    ticket.code = row[4].as<std::string>();
    ticket.status = db::statusValue<TicketStatus>(row[5]);
    ticket.blocked = row[6].as<bool>();
    ticket.validFrom = row[7].as<std::int64_t>();
    ticket.validUntil = row[8].as<std::int64_t>();
    return ticket;
}

bool CheckInRepository::isRevoked(const std::string& code)
{
    return !m_tx.sql().exec_params("SELECT 1 FROM tickets.revoked_codes WHERE code = $1", code).empty();
}

std::vector<Admission> CheckInRepository::singleEntryAdmissions(const std::string& ticketId)
{
    std::vector<Admission> admissions;
    for (
        const auto& row : m_tx.sql().exec_params(
            "SELECT s.kind, (extract(epoch FROM s.received_at) * 1000000)::bigint, s.list_id::text, s.device_id::text, "
            "COALESCE(s.device_id, s.user_id)::text, s.scan_id FROM tickets.scans s JOIN tickets.checkin_lists l ON l.id = s.list_id "
            "WHERE s.ticket_id = $1::uuid AND s.result = 'ok' AND s.annulled_at IS NULL AND NOT l.multi_entry "
            "ORDER BY s.id",
            ticketId))
        admissions.push_back({row[0].as<std::string>() == "exit" ? ScanKind::Exit : ScanKind::Entry,
                              row[1].as<std::int64_t>(), row[2].as<std::string>(), db::optionalText(row[3]),
                              row[4].is_null() ? std::string() : row[4].as<std::string>(), row[5].as<std::string>()});
    return admissions;
}

bool CheckInRepository::insertScan(const std::string& eventId, const Scan& scan)
{
    return !m_tx.sql()
                .exec_params(
                    "INSERT INTO tickets.scans (scan_id, event_id, list_id, ticket_id, code, kind, result, device_id, user_id, scanned_at) "
                    "VALUES ($1, $2::uuid, $3::uuid, NULLIF($4, '')::uuid, $5, $6, $7, NULLIF($8, '')::uuid, NULLIF($9, '')::uuid, "
                    "$10::timestamptz) ON CONFLICT ((COALESCE(device_id, user_id)), scan_id) DO NOTHING RETURNING 1",
                    scan.scanId, eventId, scan.listId, scan.ticketId.value_or(""), scan.code,
                    scan.kind == ScanKind::Exit ? "exit" : "entry", doorResultText(scan.result),
                    scan.deviceId.value_or(""), scan.userId.value_or(""), scan.scannedAt)
                .empty();
}

void CheckInRepository::recordConflict(const std::string& eventId, const std::string& ticketId,
                                       const std::string& firstScanId, const std::string& secondScanId)
{
    m_tx.sql().exec_params(
        "INSERT INTO tickets.checkin_conflicts (event_id, ticket_id, first_scan_id, second_scan_id) VALUES ($1::uuid, $2::uuid, $3, $4)",
        eventId, ticketId, firstScanId, secondScanId);
}

std::optional<Scan> CheckInRepository::lockScan(std::int64_t row)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + scanColumns() + " FROM tickets.scans s WHERE s.id = $1 FOR UPDATE", row);
    if (rows.empty())
        return std::nullopt;
    return scanFrom(rows[0]);
}

void CheckInRepository::annul(std::int64_t row, const std::string& by)
{
    m_tx.sql().exec_params(
        "UPDATE tickets.scans SET annulled_at = now(), annulled_by = $2::uuid, change_seq = nextval('tickets.change_sequence'), "
        "change_xid = pg_current_xact_id() WHERE id = $1",
        row, by);
}

namespace {
// Either the next page above the cursor, or (lateSince set) what transactions that were still
// running at the last read wrote at or below it.
std::string syncWindow(const std::optional<std::string>& lateSince)
{
    return lateSince ? " AND change_seq <= $2 AND change_xid >= $4::xid8" : " AND change_seq > $2 AND $4 = ''";
}
} // namespace

std::string CheckInRepository::oldestRunningTransaction()
{
    return m_tx.sql().exec1("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")[0].as<std::string>();
}

std::vector<SyncedTicket> CheckInRepository::ticketsChangedSince(const std::string& eventId, std::int64_t after,
                                                                 int limit, const std::optional<std::string>& lateSince)
{
    std::vector<SyncedTicket> tickets;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT change_seq, id::text, ticket_type_id::text, holder_name, status, blocked FROM tickets.tickets "
             "WHERE event_id = $1::uuid" +
                 syncWindow(lateSince) + " ORDER BY change_seq LIMIT $3",
             eventId, after, limit, lateSince.value_or("")))
        tickets.push_back({{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                            row[4].as<std::string>(), row[5].as<bool>()},
                           row[0].as<std::int64_t>()});
    return tickets;
}

std::vector<SyncedRevocation> CheckInRepository::revocationsSince(const std::string& eventId, std::int64_t after,
                                                                  int limit,
                                                                  const std::optional<std::string>& lateSince)
{
    std::vector<SyncedRevocation> revocations;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT change_seq, code, ticket_id::text, reason FROM tickets.revoked_codes "
                                "WHERE event_id = $1::uuid" +
                                    syncWindow(lateSince) + " ORDER BY change_seq LIMIT $3",
                                eventId, after, limit, lateSince.value_or("")))
        revocations.push_back({{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()},
                               row[0].as<std::int64_t>()});
    return revocations;
}

std::vector<SyncedScan> CheckInRepository::admissionsSince(const std::string& eventId, const std::string& listId,
                                                           std::int64_t after, int limit,
                                                           const std::optional<std::string>& lateSince)
{
    // The device's own list, and the admissions that count against it: those on single-entry
    // lists (the same ones the server's judge counts). Another gate's multi-entry lounge does not.
    std::vector<SyncedScan> scans;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT s.change_seq, s.scan_id, s.ticket_id::text, s.list_id::text, s.kind, " +
                 db::rfc3339Sql("s.received_at") +
                 ", s.device_id::text, s.annulled_at IS NOT NULL FROM tickets.scans s "
                 "JOIN tickets.checkin_lists l ON l.id = s.list_id "
                 "WHERE s.event_id = $1::uuid AND s.result = 'ok' AND (s.list_id = $5::uuid OR NOT l.multi_entry)" +
                 syncWindow(lateSince) + " ORDER BY s.change_seq LIMIT $3",
             eventId, after, limit, lateSince.value_or(""), listId))
        scans.push_back({{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                          row[4].as<std::string>() == "exit" ? ScanKind::Exit : ScanKind::Entry,
                          row[5].as<std::string>(), db::optionalText(row[6]), row[7].as<bool>()},
                         row[0].as<std::int64_t>()});
    return scans;
}

std::vector<SearchHit> CheckInRepository::search(const CheckInList& list, const std::string& query, int limit)
{
    // Holder name or email anywhere, order id by prefix, a code only whole: a code prefix would let
    // a door rebuild codes letter by letter.
    const std::string anywhere = db::containsPattern(query);
    std::string prefix;
    for (char c : query)
        prefix += (c == '%' || c == '_' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    prefix += "%";
    std::vector<SearchHit> hits;
    for (
        const auto& row : m_tx.sql().exec_params(
            "SELECT t.id::text, t.event_id::text, t.ticket_type_id::text, t.holder_name, t.holder_email, t.order_id::text, t.status, t.blocked, "
            "EXISTS (SELECT 1 FROM tickets.scans s WHERE s.ticket_id = t.id AND s.list_id = $2::uuid AND s.result = 'ok' AND s.kind = 'entry' "
            "AND s.annulled_at IS NULL) "
            "FROM tickets.tickets t WHERE t.event_id = $1::uuid "
            "AND (cardinality($6::uuid[]) = 0 OR t.ticket_type_id = ANY ($6::uuid[])) "
            "AND (t.holder_name ILIKE $3 OR t.holder_email ILIKE $3 OR t.order_id::text LIKE lower($4) OR t.code = upper($7)) "
            "ORDER BY t.holder_name, t.id LIMIT $5",
            list.eventId, list.id, anywhere, prefix, limit, db::arrayLiteral(list.ticketTypeIds), query))
        hits.push_back(
            {{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()},
             row[4].as<std::string>(),
             row[5].as<std::string>(),
             row[6].as<std::string>(),
             row[7].as<bool>(),
             row[8].as<bool>()});
    return hits;
}

} // namespace sbor::tickets
