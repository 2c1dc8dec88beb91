#include "aggregaterepository.h"

#include "db/sqlfragments.h"
#include "db/sqlvalues.h"
#include "sbor/rfc3339.h"

#include <pqxx/pqxx>

namespace sbor::analytics {

void AggregateRepository::add(const std::vector<Increment>& increments)
{
    if (increments.empty())
        return;
    std::vector<std::string> events, metrics, scopes, currencies, minutes, deltas;
    for (const auto& increment : increments) {
        events.push_back(increment.eventId);
        metrics.emplace_back(metricName(increment.metric));
        scopes.push_back(increment.scope);
        currencies.push_back(increment.currency);
        minutes.push_back(formatRfc3339(increment.minute));
        deltas.push_back(std::to_string(increment.delta));
    }
    // One statement for any number of rows (a rebuild writes thousands).
    m_tx.sql().exec_params(
        "INSERT INTO analytics.minute_totals AS t (event_id, metric, scope, currency, minute, value) "
        "SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[]) "
        "ON CONFLICT (event_id, metric, scope, currency, minute) DO UPDATE SET value = t.value + EXCLUDED.value",
        db::arrayLiteral(events), db::arrayLiteral(metrics), db::arrayLiteral(scopes), db::arrayLiteral(currencies),
        db::arrayLiteral(minutes), db::arrayLiteral(deltas));
}

void AggregateRepository::rememberTicket(const SoldTicket& ticket)
{
    m_tx.sql().exec_params(
        "INSERT INTO analytics.sold_tickets (ticket_id, event_id, ticket_type_id, unit_price, currency, cancelled) "
        "VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6) ON CONFLICT (ticket_id) DO NOTHING",
        ticket.ticketId, ticket.eventId, ticket.ticketTypeId, ticket.unitPrice, ticket.currency, ticket.cancelled);
}

std::optional<SoldTicket> AggregateRepository::cancelTicket(const std::string& ticketId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE analytics.sold_tickets SET cancelled = true WHERE ticket_id = $1::uuid AND NOT cancelled "
        "RETURNING ticket_id::text, event_id::text, ticket_type_id::text, unit_price, currency",
        ticketId);
    if (rows.empty())
        return std::nullopt;
    return SoldTicket{rows[0][0].as<std::string>(),  rows[0][1].as<std::string>(), rows[0][2].as<std::string>(),
                      rows[0][3].as<std::int64_t>(), rows[0][4].as<std::string>(), true};
}

void AggregateRepository::rememberScan(const std::string& eventId, const std::string& listId, const std::string& scanId,
                                       bool exit, std::int64_t minute)
{
    m_tx.sql().exec_params("INSERT INTO analytics.door_scans (event_id, list_id, scan_id, exit, minute) "
                           "VALUES ($1::uuid, $2::uuid, $3, $4, $5::timestamptz)",
                           eventId, listId, scanId, exit, formatRfc3339(minute));
}

std::optional<std::int64_t> AggregateRepository::annulEntry(const std::string& listId, const std::string& scanId)
{
    const pqxx::result rows = m_tx.sql().exec_params(
        "UPDATE analytics.door_scans SET annulled = true WHERE id = (SELECT id FROM analytics.door_scans "
        "WHERE list_id = $1::uuid AND scan_id = $2 AND NOT exit AND NOT annulled ORDER BY id LIMIT 1) "
        "RETURNING " +
            db::rfc3339Sql("minute"),
        listId, scanId);
    if (rows.empty())
        return std::nullopt;
    return parseRfc3339(rows[0][0].as<std::string>());
}

void AggregateRepository::rememberPayment(const std::string& paymentId, const std::string& eventId,
                                          const std::string& currency, std::int64_t amount)
{
    m_tx.sql().exec_params("INSERT INTO analytics.payments (payment_id, event_id, currency, amount) "
                           "VALUES ($1::uuid, $2::uuid, $3, $4) ON CONFLICT (payment_id) DO NOTHING",
                           paymentId, eventId, currency, amount);
}

bool AggregateRepository::refundPayment(const std::string& paymentId)
{
    return !m_tx.sql()
                .exec_params(
                    // Each refund.issued counts (the inbox keeps each message once): a dispute may give
                    // back part of a payment and the event's cancellation the rest.
                    "UPDATE analytics.payments SET refunded = true WHERE payment_id = $1::uuid RETURNING 1", paymentId)
                .empty();
}

void AggregateRepository::forgetEvent(const std::string& eventId)
{
    // The publication fee is not in the records a rebuild reads (tickets' and payments'): it stays.
    m_tx.sql().exec_params(
        "DELETE FROM analytics.minute_totals WHERE event_id = $1::uuid AND metric <> 'publication_fees'", eventId);
    for (const char* table : {"sold_tickets", "door_scans", "payments"})
        m_tx.sql().exec_params("DELETE FROM analytics." + std::string(table) + " WHERE event_id = $1::uuid", eventId);
}

std::vector<std::string> AggregateRepository::currencies(const std::string& eventId, Metric metric)
{
    std::vector<std::string> found;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT DISTINCT currency FROM analytics.minute_totals WHERE event_id = $1::uuid AND metric = $2 "
             "ORDER BY currency",
             eventId, std::string(metricName(metric))))
        found.push_back(row[0].as<std::string>());
    return found;
}

std::vector<SeriesPoint> AggregateRepository::series(const SeriesRequest& request)
{
    // Hours and days are the event's: a day in Moscow starts at 21:00 UTC, and a day with a DST
    // change is 23 or 25 hours long. So the buckets step through the event's wall clock (local
    // timestamps without a zone) and each is turned back into an instant.
    std::vector<SeriesPoint> points;
    for (
        const auto& row : m_tx.sql().exec_params(
            "WITH buckets AS (SELECT local AT TIME ZONE $8 AS starts, (local + ('1 ' || $5)::interval) AT TIME ZONE $8 AS ends "
            "FROM generate_series(date_trunc($5, $6::timestamptz AT TIME ZONE $8), $7::timestamptz AT TIME ZONE $8, "
            "('1 ' || $5)::interval) AS local) "
            "SELECT " +
                db::rfc3339Sql("b.starts") +
                ", coalesce((SELECT sum(t.value) FROM analytics.minute_totals t "
                "WHERE t.event_id = $1::uuid AND t.metric = $2 AND t.scope = $3 AND t.currency = $4 "
                "AND t.minute >= b.starts AND t.minute < b.ends), 0)::bigint "
                "FROM buckets b WHERE b.starts < $7::timestamptz ORDER BY b.starts",
            request.eventId, std::string(metricName(request.metric)), request.scope, request.currency, request.interval,
            request.from, request.to, request.timezone))
        points.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>()});
    return points;
}

} // namespace sbor::analytics
