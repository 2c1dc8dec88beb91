#include "notificationjson.h"

#include "sbor/jsonvalue.h"

namespace sbor::notifications {

nlohmann::json notificationJson(const Notification& notification) { return wire::toJson(notification); }

nlohmann::json webhookEndpointJson(const WebhookEndpoint& endpoint, bool withSecret)
{
    nlohmann::json json = {{"id", endpoint.id},
                           {"url", endpoint.url},
                           {"description", endpoint.description},
                           {"event_types", endpoint.eventTypes},
                           {"active", endpoint.active},
                           {"disabled_reason", jsonOrNull(endpoint.disabledReason)},
                           {"created_at", endpoint.createdAt},
                           {"updated_at", endpoint.updatedAt}};
    if (withSecret && !endpoint.secrets.empty())
        json["secret"] = endpoint.secrets.front().at("secret");
    return json;
}

nlohmann::json webhookDeliveryJson(const WebhookDeliveryRecord& delivery)
{
    nlohmann::json attempts = nlohmann::json::array();
    for (const auto& attempt : delivery.attemptLog)
        attempts.push_back({{"at", attempt.at},
                            {"status_code", jsonOrNull(attempt.statusCode)},
                            {"error", jsonOrNull(attempt.error)},
                            {"duration_ms", attempt.durationMs},
                            {"response_body", attempt.responseBody}});
    nlohmann::json payload = nlohmann::json::parse(delivery.payload, nullptr, false);
    return {{"id", delivery.id},
            {"endpoint_id", delivery.endpointId},
            {"message_id", delivery.messageId},
            {"event_type", delivery.eventType},
            {"status", delivery.status},
            {"attempt_count", delivery.attempts},
            {"next_attempt_at", jsonOrNull(delivery.nextAttemptAt)},
            {"last_status_code", jsonOrNull(delivery.lastStatusCode)},
            {"created_at", delivery.createdAt},
            {"payload", payload.is_discarded() ? nlohmann::json(delivery.payload) : payload},
            {"attempts", attempts}};
}

} // namespace sbor::notifications
