#include "supportrepository.h"

#include "db/sqlfragments.h"
#include "sbor/wire/platform.h"

#include <pqxx/pqxx>

namespace sbor::support {
namespace {

using db::rfc3339Sql;

std::string requestColumns()
{
    return "r.id::text, r.number, r.requester_id::text, r.subject, r.category, r.order_id::text, r.event_id::text, "
           "r.status, r.assignee_id::text, " +
        rfc3339Sql("r.escalated_at") + ", r.escalated_by::text, r.escalation_reason, " +
        rfc3339Sql("r.first_response_due_at") + ", " + rfc3339Sql("r.resolution_due_at") + ", " +
        rfc3339Sql("r.first_responded_at") + ", " + rfc3339Sql("r.resolved_at") + ", " + rfc3339Sql("r.closed_at") +
        ", " + rfc3339Sql("r.next_due_at") + ", coalesce(r.next_due_at < now(), false), " +
        rfc3339Sql("r.last_message_at") + ", " + rfc3339Sql("r.created_at") + ", " + rfc3339Sql("r.updated_at");
}

std::optional<std::string> optionalText(const pqxx::field& field)
{
    return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

SupportRequest requestFrom(const pqxx::row& row)
{
    SupportRequest request;
    request.id = row[0].as<std::string>();
    request.number = row[1].as<std::int64_t>();
    request.requesterId = row[2].as<std::string>();
    request.subject = row[3].as<std::string>();
    request.category = row[4].as<std::string>();
    request.orderId = optionalText(row[5]);
    request.eventId = optionalText(row[6]);
    request.status = row[7].as<std::string>();
    request.assigneeId = optionalText(row[8]);
    request.escalatedAt = optionalText(row[9]);
    request.escalatedBy = optionalText(row[10]);
    request.escalationReason = optionalText(row[11]);
    request.firstResponseDueAt = row[12].as<std::string>();
    request.resolutionDueAt = row[13].as<std::string>();
    request.firstRespondedAt = optionalText(row[14]);
    request.resolvedAt = optionalText(row[15]);
    request.closedAt = optionalText(row[16]);
    request.nextDueAt = optionalText(row[17]);
    request.overdue = row[18].as<bool>();
    request.lastMessageAt = row[19].as<std::string>();
    request.createdAt = row[20].as<std::string>();
    request.updatedAt = row[21].as<std::string>();
    return request;
}

SupportMessage messageFrom(const pqxx::row& row)
{
    return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<bool>(),
            row[3].as<bool>(),        row[4].as<std::string>(), row[5].as<std::string>()};
}

std::string messageColumns()
{
    return "id::text, author_id::text, from_staff, internal, body, " + rfc3339Sql("created_at");
}

} // namespace

SupportRequest SupportRepository::insert(const std::string& requesterId, const NewRequest& request,
                                         const ResponseTargets& targets)
{
    const std::string id =
        m_tx.sql()
            .exec_params1("INSERT INTO support.requests (requester_id, subject, category, order_id, event_id, "
                          "first_response_due_at, resolution_due_at, next_due_at) VALUES ($1::uuid, $2, $3, "
                          "NULLIF($4, '')::uuid, NULLIF($5, '')::uuid, now() + make_interval(mins => $6), "
                          "now() + make_interval(mins => $7), now() + make_interval(mins => $6)) RETURNING id::text",
                          requesterId, request.subject, request.category, request.orderId.value_or(""),
                          request.eventId.value_or(""), static_cast<int>(targets.firstResponseMinutes),
                          static_cast<int>(targets.resolutionMinutes))[0]
            .as<std::string>();
    addMessage(id, requesterId, false, false, request.body);
    return *find(id);
}

std::optional<SupportRequest> SupportRepository::find(const std::string& id, bool lock)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT " + requestColumns() + " FROM support.requests r WHERE r.id = $1::uuid" + (lock ? " FOR UPDATE" : ""),
        id);
    if (rows.empty())
        return std::nullopt;
    return requestFrom(rows[0]);
}

std::vector<SupportRequest> SupportRepository::list(const RequestQuery& query)
{
    // One statement for both orders: the queue by its next deadline (settled ones, without one,
    // last — ASC puts NULLs last, as the index is), a person's own newest first. Keyset pages on
    // (deadline, number); after a row without a deadline only rows without one follow. $8 and $9
    // are always named (PostgreSQL needs a type for each parameter sent), used when $11.
    const std::string order = query.byDueDate ? " ORDER BY r.next_due_at, r.number" : " ORDER BY r.number DESC";
    const std::string after = query.byDueDate
        ? "(NOT $11 OR (NULLIF($8, '')::timestamptz IS NULL AND r.next_due_at IS NULL AND r.number > $9::bigint) OR "
          "(NULLIF($8, '')::timestamptz IS NOT NULL AND ((r.next_due_at, r.number) > (NULLIF($8, '')::timestamptz, $9::bigint) OR "
          "r.next_due_at IS NULL)))"
        : "(NOT $11 OR (r.number < $9::bigint AND length($8) >= 0))";
    std::string statuses = "{";
    for (std::size_t i = 0; i < query.statuses.size(); ++i)
        statuses += (i ? "," : "") + query.statuses[i];
    statuses += "}";
    const std::string pattern = query.text.empty() ? std::string() : db::containsPattern(query.text);
    const auto rows = m_tx.sql().exec_params(
        "SELECT " + requestColumns() +
            " FROM support.requests r WHERE ($1 = '' OR r.requester_id = NULLIF($1, '')::uuid) "
            "AND (cardinality($2::text[]) = 0 OR r.status = ANY($2::text[])) AND ($3 = '' OR r.category = $3) "
            "AND ($4 = '' OR ($4 = 'none' AND r.assignee_id IS NULL) OR "
            "($4 <> 'none' AND r.assignee_id = NULLIF(NULLIF($4, 'none'), '')::uuid)) "
            "AND (NOT $5 OR r.next_due_at < now()) AND (NOT $6 OR r.escalated_at IS NOT NULL) "
            "AND ($7 = '' OR r.subject ILIKE $7) AND " +
            after + order + " LIMIT $10",
        query.requesterId, statuses, query.category, query.assignee, query.overdueOnly, query.escalatedOnly, pattern,
        query.after ? query.after->first : std::string(), query.after ? query.after->second : 0, query.limit,
        query.after.has_value());
    std::vector<SupportRequest> requests;
    for (const auto& row : rows)
        requests.push_back(requestFrom(row));
    return requests;
}

std::vector<SupportMessage> SupportRepository::messagesOf(const std::string& requestId, bool withInternal)
{
    std::vector<SupportMessage> messages;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT " + messageColumns() +
                                    " FROM support.messages WHERE request_id = $1::uuid AND ($2 OR NOT internal) "
                                    "ORDER BY created_at, id",
                                requestId, withInternal))
        messages.push_back(messageFrom(row));
    return messages;
}

SupportMessage SupportRepository::addMessage(const std::string& requestId, const std::string& authorId, bool fromStaff,
                                             bool internal, const std::string& body)
{
    const auto row = m_tx.sql().exec_params1(
        "INSERT INTO support.messages (request_id, author_id, from_staff, internal, body) "
        "VALUES ($1::uuid, $2::uuid, $3, $4, $5) RETURNING " +
            messageColumns(),
        requestId, authorId, fromStaff, internal, body);
    if (!internal)
        m_tx.sql().exec_params(
            "UPDATE support.requests SET last_message_at = now(), updated_at = now() WHERE id = $1::uuid", requestId);
    return messageFrom(row);
}

void SupportRepository::recordStaffAnswer(const std::string& id)
{
    m_tx.sql().exec_params(
        "UPDATE support.requests SET first_responded_at = coalesce(first_responded_at, now()), "
        "next_due_at = CASE WHEN status IN ('resolved', 'closed') THEN NULL ELSE resolution_due_at END "
        "WHERE id = $1::uuid",
        id);
}

void SupportRepository::setStatus(const std::string& id, const std::string& status)
{
    // Resolving stops the clocks; reopening starts the resolution clock again where it stood.
    m_tx.sql().exec_params(
        "UPDATE support.requests SET status = $2, updated_at = now(), "
        "resolved_at = CASE WHEN $2 = 'resolved' THEN now() WHEN $2 = 'closed' THEN resolved_at ELSE NULL END, "
        "closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END, "
        "next_due_at = CASE WHEN $2 IN ('resolved', 'closed') THEN NULL "
        "WHEN first_responded_at IS NULL THEN first_response_due_at ELSE resolution_due_at END "
        "WHERE id = $1::uuid",
        id, status);
}

bool SupportRepository::reopenable(const std::string& id, int days)
{
    return m_tx.sql()
        .exec_params1("SELECT coalesce(resolved_at > now() - make_interval(days => $2), false) FROM support.requests "
                      "WHERE id = $1::uuid",
                      id, days)[0]
        .as<bool>();
}

void SupportRepository::setAssignee(const std::string& id, const std::optional<std::string>& assigneeId)
{
    m_tx.sql().exec_params(
        "UPDATE support.requests SET assignee_id = NULLIF($2, '')::uuid, updated_at = now() WHERE id = $1::uuid", id,
        assigneeId.value_or(""));
}

void SupportRepository::escalate(const std::string& id, const std::string& byId, const std::string& reason)
{
    m_tx.sql().exec_params("UPDATE support.requests SET escalated_at = now(), escalated_by = $2::uuid, "
                           "escalation_reason = $3, updated_at = now() WHERE id = $1::uuid",
                           id, byId, reason);
}

std::vector<std::string> SupportRepository::closeResolvedBefore(int days, int limit)
{
    std::vector<std::string> closed;
    for (
        const auto& row : m_tx.sql().exec_params(
            "UPDATE support.requests SET status = 'closed', closed_at = now(), updated_at = now() "
            "WHERE id IN (SELECT id FROM support.requests WHERE status = 'resolved' "
            "AND resolved_at < now() - make_interval(days => $1) ORDER BY resolved_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
            "RETURNING id::text",
            days, limit))
        closed.push_back(row[0].as<std::string>());
    return closed;
}

ResponseTargets SupportRepository::targets()
{
    const auto rows = m_tx.sql().exec(
        "SELECT version, first_response_minutes, resolution_minutes FROM support.targets");
    if (rows.empty()) {
        const wire::PlatformSettings defaults;
        return {0, defaults.supportFirstResponseMinutes, defaults.supportResolutionMinutes};
    }
    return {rows[0][0].as<std::int64_t>(), rows[0][1].as<std::int64_t>(), rows[0][2].as<std::int64_t>()};
}

void SupportRepository::rememberTargets(const ResponseTargets& targets)
{
    m_tx.sql().exec_params(
        "INSERT INTO support.targets (id, version, first_response_minutes, resolution_minutes) VALUES (1, $1, $2, $3) "
        "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, first_response_minutes = "
        "EXCLUDED.first_response_minutes, resolution_minutes = EXCLUDED.resolution_minutes, heard_at = now() "
        "WHERE support.targets.version < EXCLUDED.version",
        targets.version, static_cast<int>(targets.firstResponseMinutes), static_cast<int>(targets.resolutionMinutes));
}

} // namespace sbor::support
