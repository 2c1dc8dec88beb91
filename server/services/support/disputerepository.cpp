#include "disputerepository.h"

#include "db/sqlfragments.h"
#include "db/sqlvalues.h"

#include <pqxx/pqxx>

namespace sbor::support {
namespace {

using db::rfc3339Sql;

std::string columns()
{
    return "id::text, order_id::text, event_id::text, organizer_id::text, buyer_id::text, amount, currency, reason, "
           "details, status, " +
        rfc3339Sql("respond_by") + ", evidence, " + rfc3339Sql("responded_at") +
        ", review_note, refund_amount, refunded, decision_note, decided_by::text, " + rfc3339Sql("decided_at") + ", " +
        rfc3339Sql("created_at") + ", " + rfc3339Sql("updated_at");
}

Dispute disputeFrom(const pqxx::row& row)
{
    Dispute dispute;
    dispute.id = row[0].as<std::string>();
    dispute.orderId = row[1].as<std::string>();
    dispute.eventId = row[2].as<std::string>();
    dispute.organizerId = row[3].as<std::string>();
    dispute.buyerId = row[4].as<std::string>();
    dispute.amount = row[5].as<std::int64_t>();
    dispute.currency = row[6].as<std::string>();
    dispute.reason = row[7].as<std::string>();
    dispute.details = row[8].as<std::string>();
    dispute.status = row[9].as<std::string>();
    dispute.respondBy = row[10].as<std::string>();
    dispute.evidence = db::optionalValue<std::string>(row[11]);
    dispute.respondedAt = db::optionalValue<std::string>(row[12]);
    dispute.reviewNote = db::optionalValue<std::string>(row[13]);
    dispute.refundAmount = db::optionalValue<std::int64_t>(row[14]);
    dispute.refunded = row[15].as<bool>();
    dispute.decisionNote = db::optionalValue<std::string>(row[16]);
    dispute.decidedBy = db::optionalValue<std::string>(row[17]);
    dispute.decidedAt = db::optionalValue<std::string>(row[18]);
    dispute.createdAt = row[19].as<std::string>();
    dispute.updatedAt = row[20].as<std::string>();
    return dispute;
}

} // namespace

std::optional<Dispute> DisputeRepository::insert(const NewDispute& dispute)
{
    const auto rows = m_tx.sql().exec_params(
        "INSERT INTO support.disputes (order_id, event_id, organizer_id, buyer_id, amount, currency, reason, details, "
        "respond_by) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7, $8, $9::timestamptz) "
        "ON CONFLICT (order_id) WHERE status IN ('needs_response', 'under_review') DO NOTHING RETURNING " +
            columns(),
        dispute.orderId, dispute.eventId, dispute.organizerId, dispute.buyerId, dispute.amount, dispute.currency,
        dispute.reason, dispute.details, dispute.respondBy);
    if (rows.empty())
        return std::nullopt;
    return disputeFrom(rows[0]);
}

std::optional<Dispute> DisputeRepository::find(const std::string& id, bool lock)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT " + columns() + " FROM support.disputes WHERE id = $1::uuid" + (lock ? " FOR UPDATE" : ""), id);
    if (rows.empty())
        return std::nullopt;
    return disputeFrom(rows[0]);
}

std::vector<Dispute> DisputeRepository::list(const DisputeQuery& query)
{
    std::vector<Dispute> disputes;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + columns() +
                 " FROM support.disputes WHERE ($1 = '' OR buyer_id = NULLIF($1, '')::uuid OR "
                 "organizer_id = NULLIF($1, '')::uuid) AND (cardinality($2::text[]) = 0 OR status = ANY($2::text[])) "
                 "AND ($3 = '' OR (respond_by, id) > (NULLIF($3, '')::timestamptz, NULLIF($4, '')::uuid)) "
                 "ORDER BY respond_by, id LIMIT $5",
             query.involvingId, db::arrayLiteral(query.statuses), query.after ? query.after->first : std::string(),
             query.after ? query.after->second : std::string(), query.limit))
        disputes.push_back(disputeFrom(row));
    return disputes;
}

void DisputeRepository::respond(const std::string& id, const std::string& evidence, const std::string& at)
{
    m_tx.sql().exec_params("UPDATE support.disputes SET status = 'under_review', evidence = $2, "
                           "responded_at = $3::timestamptz, updated_at = now() WHERE id = $1::uuid",
                           id, evidence, at);
}

void DisputeRepository::decide(const std::string& id, const std::string& outcome,
                               std::optional<std::int64_t> refundAmount, const std::string& note,
                               const std::string& byId, const std::string& at)
{
    m_tx.sql().exec_params(
        "UPDATE support.disputes SET status = $2, refund_amount = NULLIF($3::bigint, 0), decision_note = $4, "
        "decided_by = $5::uuid, decided_at = $6::timestamptz, updated_at = now() WHERE id = $1::uuid",
        id, outcome, refundAmount.value_or(0), note, byId, at);
}

void DisputeRepository::markRefunded(const std::string& id)
{
    m_tx.sql().exec_params("UPDATE support.disputes SET refunded = true, updated_at = now() WHERE id = $1::uuid", id);
}

std::vector<std::string> DisputeRepository::reviewOverdue(const std::string& now, int limit)
{
    std::vector<std::string> ids;
    for (const auto& row : m_tx.sql().exec_params(
             "UPDATE support.disputes SET status = 'under_review', updated_at = now(), "
             "review_note = 'the organizer did not respond by the deadline' WHERE id IN (SELECT id FROM "
             "support.disputes WHERE status = 'needs_response' AND respond_by < $1::timestamptz ORDER BY respond_by "
             "LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING id::text",
             now, limit))
        ids.push_back(row[0].as<std::string>());
    return ids;
}

std::vector<Dispute> DisputeRepository::refundsPending(int limit)
{
    std::vector<Dispute> disputes;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT " + columns() +
                                    " FROM support.disputes WHERE status = 'lost' AND NOT refunded ORDER BY decided_at "
                                    "LIMIT $1",
                                limit))
        disputes.push_back(disputeFrom(row));
    return disputes;
}

} // namespace sbor::support
