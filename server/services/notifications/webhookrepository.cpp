#include "webhookrepository.h"

#include "db/sqlfragments.h"

#include <pqxx/pqxx>

namespace sbor::notifications {
namespace {

std::string endpointColumns()
{
    return "id::text, owner_id::text, url, description, array_to_json(event_types)::text, active, disabled_reason, secrets::text, " +
        db::rfc3339Sql("created_at") + ", " + db::rfc3339Sql("updated_at");
}

WebhookEndpoint endpointFrom(const pqxx::row& row)
{
    WebhookEndpoint endpoint;
    endpoint.id = row[0].as<std::string>();
    endpoint.ownerId = row[1].as<std::string>();
    endpoint.url = row[2].as<std::string>();
    endpoint.description = row[3].as<std::string>();
    endpoint.eventTypes = nlohmann::json::parse(row[4].as<std::string>()).get<std::vector<std::string>>();
    endpoint.active = row[5].as<bool>();
    if (!row[6].is_null())
        endpoint.disabledReason = row[6].as<std::string>();
    endpoint.secrets = nlohmann::json::parse(row[7].as<std::string>());
    endpoint.createdAt = row[8].as<std::string>();
    endpoint.updatedAt = row[9].as<std::string>();
    return endpoint;
}

std::string deliveryColumns()
{
    return "d.id::text, d.endpoint_id::text, d.message_id::text, d.event_type, d.payload, d.status, d.attempts, "
           "CASE WHEN d.status = 'pending' THEN " +
        db::rfc3339Sql("d.next_attempt_at") + " END, d.last_status_code, " + db::rfc3339Sql("d.created_at");
}

WebhookDeliveryRecord deliveryFrom(const pqxx::row& row)
{
    WebhookDeliveryRecord delivery;
    delivery.id = row[0].as<std::string>();
    delivery.endpointId = row[1].as<std::string>();
    delivery.messageId = row[2].as<std::string>();
    delivery.eventType = row[3].as<std::string>();
    delivery.payload = row[4].as<std::string>();
    delivery.status = row[5].as<std::string>();
    delivery.attempts = row[6].as<int>();
    if (!row[7].is_null())
        delivery.nextAttemptAt = row[7].as<std::string>();
    if (!row[8].is_null())
        delivery.lastStatusCode = row[8].as<int>();
    delivery.createdAt = row[9].as<std::string>();
    return delivery;
}

std::string textArray(const std::vector<std::string>& values)
{
    return nlohmann::json(values).dump(); // turned into text[] by the SQL below
}

} // namespace

WebhookEndpoint WebhookRepository::insertEndpoint(const WebhookEndpoint& endpoint)
{
    return endpointFrom(m_tx.sql().exec_params1(
        "INSERT INTO notifications.webhook_endpoints (id, owner_id, url, description, event_types, active, secrets) "
        "VALUES (gen_random_uuid(), $1::uuid, $2, $3, ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), $5, $6::jsonb) RETURNING " +
            endpointColumns(),
        endpoint.ownerId, endpoint.url, endpoint.description, textArray(endpoint.eventTypes), endpoint.active,
        endpoint.secrets.dump()));
}

std::optional<WebhookEndpoint> WebhookRepository::findEndpoint(const std::string& id, bool lock)
{
    const auto rows = m_tx.sql().exec_params("SELECT " + endpointColumns() +
                                                 " FROM notifications.webhook_endpoints WHERE id = $1::uuid" +
                                                 (lock ? " FOR UPDATE" : ""),
                                             id);
    return rows.empty() ? std::nullopt : std::optional(endpointFrom(rows[0]));
}

std::vector<WebhookEndpoint> WebhookRepository::listEndpoints(
    const std::string& ownerId, int limit, const std::optional<std::pair<std::string, std::string>>& after)
{
    std::vector<WebhookEndpoint> endpoints;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + endpointColumns() +
                 " FROM notifications.webhook_endpoints WHERE owner_id = $1::uuid "
                 "AND ($2 = '' OR (created_at, id) < (NULLIF($2, '')::timestamptz, NULLIF($3, '')::uuid)) "
                 "ORDER BY created_at DESC, id DESC LIMIT $4",
             ownerId, after ? after->first : std::string(), after ? after->second : std::string(), limit))
        endpoints.push_back(endpointFrom(row));
    return endpoints;
}

WebhookEndpoint WebhookRepository::updateEndpoint(const WebhookEndpoint& endpoint)
{
    return endpointFrom(m_tx.sql().exec_params1(
        "UPDATE notifications.webhook_endpoints SET url = $2, description = $3, event_types = ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), "
        "active = $5, disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END, secrets = $6::jsonb, updated_at = now() "
        "WHERE id = $1::uuid RETURNING " +
            endpointColumns(),
        endpoint.id, endpoint.url, endpoint.description, textArray(endpoint.eventTypes), endpoint.active,
        endpoint.secrets.dump()));
}

bool WebhookRepository::deleteEndpoint(const std::string& id)
{
    return m_tx.sql()
               .exec_params("DELETE FROM notifications.webhook_endpoints WHERE id = $1::uuid", id)
               .affected_rows() > 0;
}

std::vector<WebhookEndpoint> WebhookRepository::subscribers(const std::string& ownerId, const std::string& eventType)
{
    std::vector<WebhookEndpoint> endpoints;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + endpointColumns() +
                 " FROM notifications.webhook_endpoints WHERE owner_id = $1::uuid "
                 "AND active AND ($2 = ANY (event_types) OR '*' = ANY (event_types)) ORDER BY created_at",
             ownerId, eventType))
        endpoints.push_back(endpointFrom(row));
    return endpoints;
}

void WebhookRepository::disableEndpoint(const std::string& id, const std::string& reason)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.webhook_endpoints SET active = false, disabled_reason = $2, updated_at = now() WHERE id = $1::uuid",
        id, reason);
}

void WebhookRepository::queueDelivery(const std::string& endpointId, const std::string& messageId,
                                      const std::string& eventType, const std::string& payload)
{
    m_tx.sql().exec_params(
        "INSERT INTO notifications.webhook_deliveries (id, endpoint_id, message_id, event_type, payload) "
        "VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4) ON CONFLICT (endpoint_id, message_id) DO NOTHING",
        endpointId, messageId, eventType, payload);
}

std::vector<DueDelivery> WebhookRepository::claimDueDeliveries(int limit, int leaseSeconds)
{
    std::vector<DueDelivery> due;
    const auto rows = m_tx.sql().exec_params(
        "WITH claimed AS (UPDATE notifications.webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2) "
        "WHERE id IN (SELECT id FROM notifications.webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now() "
        "ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING *) "
        "SELECT " +
            deliveryColumns() +
            ", e.url, e.secrets::text, e.active FROM claimed d JOIN notifications.webhook_endpoints e ON e.id = d.endpoint_id "
            "ORDER BY d.created_at",
        limit, leaseSeconds);
    for (const auto& row : rows) {
        DueDelivery item;
        item.delivery = deliveryFrom(row);
        item.url = row[10].as<std::string>();
        item.secrets = nlohmann::json::parse(row[11].as<std::string>());
        item.endpointActive = row[12].as<bool>();
        due.push_back(std::move(item));
    }
    return due;
}

void WebhookRepository::recordAttempt(const std::string& deliveryId, const WebhookAttempt& attempt)
{
    m_tx.sql().exec_params(
        "INSERT INTO notifications.webhook_attempts (delivery_id, status_code, error, duration_ms, response_body) "
        "VALUES ($1::uuid, NULLIF($2, 0), NULLIF($3, ''), $4, $5)",
        deliveryId, attempt.statusCode.value_or(0), attempt.error.value_or(""), attempt.durationMs,
        attempt.responseBody);
    m_tx.sql().exec_params("UPDATE notifications.webhook_deliveries SET attempts = attempts + 1 WHERE id = $1::uuid",
                           deliveryId);
}

void WebhookRepository::markDeliverySucceeded(const std::string& deliveryId, int statusCode)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.webhook_deliveries SET status = 'succeeded', last_status_code = $2, finished_at = now() WHERE id = $1::uuid",
        deliveryId, statusCode);
}

void WebhookRepository::scheduleRetry(const std::string& deliveryId, std::optional<int> statusCode,
                                      long long delaySeconds)
{
    m_tx.sql().exec_params("UPDATE notifications.webhook_deliveries SET last_status_code = NULLIF($2, 0), "
                           "next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1::uuid",
                           deliveryId, statusCode.value_or(0), static_cast<double>(delaySeconds));
}

void WebhookRepository::markDeliveryFailed(const std::string& deliveryId, std::optional<int> statusCode)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.webhook_deliveries SET status = 'failed', last_status_code = NULLIF($2, 0), finished_at = now() "
        "WHERE id = $1::uuid",
        deliveryId, statusCode.value_or(0));
}

std::optional<WebhookDeliveryRecord> WebhookRepository::findDelivery(const std::string& endpointId,
                                                                     const std::string& deliveryId, bool withAttempts)
{
    const auto rows = m_tx.sql().exec_params(
        "SELECT " + deliveryColumns() +
            " FROM notifications.webhook_deliveries d WHERE d.id = $1::uuid AND d.endpoint_id = $2::uuid",
        deliveryId, endpointId);
    if (rows.empty())
        return std::nullopt;
    WebhookDeliveryRecord delivery = deliveryFrom(rows[0]);
    if (withAttempts) {
        for (const auto& row : m_tx.sql().exec_params(
                 "SELECT " + db::rfc3339Sql("attempted_at") +
                     ", status_code, error, duration_ms, response_body FROM notifications.webhook_attempts "
                     "WHERE delivery_id = $1::uuid ORDER BY id",
                 deliveryId)) {
            WebhookAttempt attempt;
            attempt.at = row[0].as<std::string>();
            if (!row[1].is_null())
                attempt.statusCode = row[1].as<int>();
            if (!row[2].is_null())
                attempt.error = row[2].as<std::string>();
            attempt.durationMs = row[3].as<int>();
            attempt.responseBody = row[4].as<std::string>();
            delivery.attemptLog.push_back(std::move(attempt));
        }
    }
    return delivery;
}

std::vector<WebhookDeliveryRecord> WebhookRepository::listDeliveries(
    const std::string& endpointId, int limit, const std::optional<std::pair<std::string, std::string>>& after)
{
    std::vector<WebhookDeliveryRecord> deliveries;
    for (const auto& row : m_tx.sql().exec_params(
             "SELECT " + deliveryColumns() +
                 " FROM notifications.webhook_deliveries d WHERE d.endpoint_id = $1::uuid "
                 "AND ($2 = '' OR (d.created_at, d.id) < (NULLIF($2, '')::timestamptz, NULLIF($3, '')::uuid)) "
                 "ORDER BY d.created_at DESC, d.id DESC LIMIT $4",
             endpointId, after ? after->first : std::string(), after ? after->second : std::string(), limit))
        deliveries.push_back(deliveryFrom(row));
    return deliveries;
}

void WebhookRepository::redeliver(const std::string& deliveryId)
{
    m_tx.sql().exec_params(
        "UPDATE notifications.webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), finished_at = NULL "
        "WHERE id = $1::uuid",
        deliveryId);
}

int WebhookRepository::endpointCountOf(const std::string& ownerId)
{
    return m_tx.sql()
        .exec_params1("SELECT count(*) FROM notifications.webhook_endpoints WHERE owner_id = $1::uuid", ownerId)[0]
        .as<int>();
}

wire::WebhookHealth WebhookRepository::health()
{
    // Switched off after failing: off with a reason (an owner switching one off gives none).
    const pqxx::row endpoints = m_tx.sql().exec1(
        "SELECT count(*) FILTER (WHERE active), count(*) FILTER (WHERE NOT active AND disabled_reason IS NOT NULL) "
        "FROM notifications.webhook_endpoints");
    const pqxx::row deliveries = m_tx.sql().exec1(
        "SELECT (SELECT count(*) FROM notifications.webhook_deliveries WHERE status = 'pending' AND attempts > 0), "
        "(SELECT count(*) FROM notifications.webhook_deliveries WHERE status = 'failed' "
        "AND finished_at > now() - interval '1 hour'), "
        "(SELECT " +
        db::rfc3339Sql("min(created_at)") +
        " FROM notifications.webhook_deliveries WHERE status = 'pending' AND attempts > 0)");
    wire::WebhookHealth health;
    health.activeEndpoints = endpoints[0].as<std::int64_t>();
    health.disabledEndpoints = endpoints[1].as<std::int64_t>();
    health.retrying = deliveries[0].as<std::int64_t>();
    health.failedLastHour = deliveries[1].as<std::int64_t>();
    if (!deliveries[2].is_null())
        health.oldestRetryingSince = deliveries[2].as<std::string>();
    return health;
}

} // namespace sbor::notifications
