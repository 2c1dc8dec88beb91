#include "paymentrepository.h"
#include "db/sqlvalues.h"

#include "db/sqlfragments.h"

#include <numeric>
#include <stdexcept>

namespace sbor::payments {
namespace {

using db::rfc3339Sql;

std::string paymentColumns()
{
    return "p.id::text, p.order_id::text, p.event_id::text, p.organizer_id::text, p.buyer_id::text, p.amount, p.currency, p.status, "
           "p.commission, p.card_last4, " +
        rfc3339Sql("p.succeeded_at") + ", " + rfc3339Sql("p.refunded_at") + ", " + rfc3339Sql("p.created_at") +
        ", p.refunded_amount, p.refunded_commission";
}

Payment paymentFrom(const pqxx::row& row)
{
    Payment payment;
    payment.id = row[0].as<std::string>();
    payment.orderId = row[1].as<std::string>();
    payment.eventId = row[2].as<std::string>();
    payment.organizerId = row[3].as<std::string>();
    payment.buyerId = row[4].as<std::string>();
    payment.amount = row[5].as<std::int64_t>();
    payment.currency = row[6].as<std::string>();
    payment.status = db::statusValue<PaymentStatus>(row[7]);
    payment.commission = db::optionalValue<std::int64_t>(row[8]);
    payment.cardLast4 = db::optionalValue<std::string>(row[9]);
    payment.succeededAt = db::optionalValue<std::string>(row[10]);
    payment.refundedAt = db::optionalValue<std::string>(row[11]);
    payment.createdAt = row[12].as<std::string>();
    payment.refundedAmount = row[13].as<std::int64_t>();
    payment.refundedCommission = row[14].as<std::int64_t>();
    return payment;
}

} // namespace

Payment PaymentRepository::lockOrCreate(const Payment& fresh)
{
    m_tx.sql().exec_params(
        "INSERT INTO payments.payments (id, order_id, event_id, organizer_id, buyer_id, amount, currency, status) "
        "VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, 'requires_payment') ON CONFLICT (id) DO NOTHING",
        fresh.id, fresh.orderId, fresh.eventId, fresh.organizerId, fresh.buyerId, fresh.amount, fresh.currency);
    return *find(fresh.id, true);
}

std::optional<Payment> PaymentRepository::find(const std::string& id, bool lock)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "SELECT " + paymentColumns() + " FROM payments.payments p WHERE p.id = $1::uuid" + (lock ? " FOR UPDATE" : ""),
        id);
    if (rows.empty())
        return std::nullopt;
    Payment payment = paymentFrom(rows[0]);
    payment.attempts = attemptsOf(id);
    return payment;
}

std::vector<PaymentAttempt> PaymentRepository::attemptsOf(const std::string& paymentId)
{
    std::vector<PaymentAttempt> attempts;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT card_last4, outcome, decline_code, " + rfc3339Sql("created_at") +
                                    " FROM payments.attempts WHERE payment_id = $1::uuid ORDER BY id",
                                paymentId))
        attempts.push_back({row[0].as<std::string>(), row[1].as<std::string>(), db::optionalValue<std::string>(row[2]),
                            row[3].as<std::string>()});
    return attempts;
}

void PaymentRepository::recordAttempt(const std::string& paymentId, const std::string& last4,
                                      const std::string& outcome, const std::string& declineCode)
{
    m_tx.sql().exec_params(
        "INSERT INTO payments.attempts (payment_id, card_last4, outcome, decline_code) VALUES ($1::uuid, $2, $3, NULLIF($4, ''))",
        paymentId, last4, outcome, declineCode);
}

void PaymentRepository::markCaptured(const std::string& paymentId, const std::string& last4)
{
    m_tx.sql().exec_params(
        "UPDATE payments.payments SET status = 'captured', card_last4 = $2, captured_at = now(), updated_at = now() "
        "WHERE id = $1::uuid",
        paymentId, last4);
}

void PaymentRepository::markSucceeded(const std::string& paymentId, std::int64_t commission)
{
    m_tx.sql().exec_params(
        "UPDATE payments.payments SET status = 'succeeded', commission = $2, succeeded_at = now(), updated_at = now() "
        "WHERE id = $1::uuid",
        paymentId, commission);
}

void PaymentRepository::markRefunded(const std::string& paymentId)
{
    m_tx.sql().exec_params(
        "UPDATE payments.payments SET status = 'refunded', refunded_at = now(), updated_at = now(), "
        "refunded_amount = amount, refunded_commission = coalesce(commission, 0) WHERE id = $1::uuid",
        paymentId);
}

bool PaymentRepository::partialRefundDone(const std::string& refundKey)
{
    return !m_tx.sql().exec_params("SELECT 1 FROM payments.refunds WHERE refund_key = $1", refundKey).empty();
}

bool PaymentRepository::recordPartialRefund(const std::string& paymentId, const std::string& refundKey,
                                            std::int64_t amount, std::int64_t commission, const std::string& reason)
{
    if (m_tx.sql()
            .exec_params("INSERT INTO payments.refunds (refund_key, payment_id, amount, commission, reason) "
                         "VALUES ($1, $2::uuid, $3, $4, $5) ON CONFLICT (refund_key) DO NOTHING RETURNING refund_key",
                         refundKey, paymentId, amount, commission, reason)
            .empty())
        return false;
    m_tx.sql().exec_params("UPDATE payments.payments SET refunded_amount = refunded_amount + $2, "
                           "refunded_commission = refunded_commission + $3, updated_at = now() WHERE id = $1::uuid",
                           paymentId, amount, commission);
    return true;
}

std::vector<std::string> PaymentRepository::capturedBefore(int seconds, int limit)
{
    std::vector<std::string> ids;
    for (const auto& row :
         m_tx.sql().exec_params("SELECT id::text FROM payments.payments WHERE status = 'captured' "
                                "AND captured_at < now() - make_interval(secs => $1) ORDER BY captured_at LIMIT $2",
                                seconds, limit))
        ids.push_back(row[0].as<std::string>());
    return ids;
}

void PaymentRepository::post(const std::string& paymentId, const std::string& movement, const std::string& currency,
                             const std::vector<std::pair<std::string, std::int64_t>>& entries)
{
    const std::int64_t sum = std::accumulate(
        entries.begin(), entries.end(), std::int64_t(0),
        [](std::int64_t total, const auto& entry) { return total + entry.second; });
    if (sum != 0)
        throw std::logic_error("ledger entries of one movement must sum to zero");
    for (const auto& [account, amount] : entries) {
        if (amount != 0)
            m_tx.sql().exec_params(
                "INSERT INTO payments.ledger_entries (payment_id, movement, account, amount, currency) VALUES ($1::uuid, $2, $3, $4, $5)",
                paymentId, movement, account, amount, currency);
    }
}

std::vector<OrganizerBalance> PaymentRepository::balanceOf(const std::string& organizerId)
{
    // Gross and commission come from the same movements as the organizer's own entries; the
    // publication fees are the organizer's entries without a payment.
    std::vector<OrganizerBalance> balances;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT currency, "
             "COALESCE(-sum(amount) FILTER (WHERE account = 'card_network'), 0), "
             "COALESCE(sum(amount) FILTER (WHERE account = 'platform_commission'), 0), "
             "COALESCE(-sum(amount) FILTER (WHERE movement = 'publication_fee' AND account = 'organizer:' || $1), 0), "
             "COALESCE(sum(amount) FILTER (WHERE account = 'organizer:' || $1), 0) "
             "FROM payments.ledger_entries "
             "WHERE payment_id IN (SELECT id FROM payments.payments WHERE organizer_id = $1::uuid) "
             "OR (movement = 'publication_fee' AND account = 'organizer:' || $1) "
             "GROUP BY currency ORDER BY currency",
             organizerId))
        balances.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::int64_t>(),
                            row[3].as<std::int64_t>(), row[4].as<std::int64_t>()});
    return balances;
}

std::vector<PaymentFact> PaymentRepository::factsOfEvent(const std::string& eventId)
{
    std::vector<PaymentFact> facts;
    for (
        const auto& row : m_tx.sql().exec_params(
            "SELECT id::text, currency, amount, coalesce(commission, 0), "
            "(extract(epoch FROM succeeded_at) * 1000000)::bigint, (extract(epoch FROM refunded_at) * 1000000)::bigint "
            "FROM payments.payments WHERE event_id = $1::uuid",
            eventId))
        facts.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::int64_t>(),
                         row[3].as<std::int64_t>(), db::optionalValue<std::int64_t>(row[4]),
                         db::optionalValue<std::int64_t>(row[5])});
    return facts;
}

} // namespace sbor::payments
