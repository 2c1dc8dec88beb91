#pragma once
// SQL of webhook endpoints, deliveries and their attempts (schema `notifications`).

#include "notification.h"

#include "sbor/wire/health.h"

#include "db/transaction.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sbor::notifications {

class WebhookRepository {
public:
    explicit WebhookRepository(db::Transaction& tx) : m_tx(tx) {}

    WebhookEndpoint insertEndpoint(const WebhookEndpoint& endpoint);
    int endpointCountOf(const std::string& ownerId);
    std::optional<WebhookEndpoint> findEndpoint(const std::string& id, bool lock = false);
    std::vector<WebhookEndpoint> listEndpoints(const std::string& ownerId, int limit,
                                               const std::optional<std::pair<std::string, std::string>>& after);
    WebhookEndpoint updateEndpoint(const WebhookEndpoint& endpoint);
    bool deleteEndpoint(const std::string& id);
    // Active endpoints of `ownerId` that asked for `eventType` (or for everything).
    std::vector<WebhookEndpoint> subscribers(const std::string& ownerId, const std::string& eventType);
    void disableEndpoint(const std::string& id, const std::string& reason);

    // Once per endpoint and message: a second call for the same pair does nothing.
    void queueDelivery(const std::string& endpointId, const std::string& messageId, const std::string& eventType,
                       const std::string& payload);
    std::vector<DueDelivery> claimDueDeliveries(int limit, int leaseSeconds);
    void recordAttempt(const std::string& deliveryId, const WebhookAttempt& attempt);
    void markDeliverySucceeded(const std::string& deliveryId, int statusCode);
    void scheduleRetry(const std::string& deliveryId, std::optional<int> statusCode, long long delaySeconds);
    void markDeliveryFailed(const std::string& deliveryId, std::optional<int> statusCode);
    // For the platform's health report: endpoints on and off, deliveries retrying and given up.
    wire::WebhookHealth health();
    std::optional<WebhookDeliveryRecord> findDelivery(const std::string& endpointId, const std::string& deliveryId,
                                                      bool withAttempts);
    std::vector<WebhookDeliveryRecord> listDeliveries(const std::string& endpointId, int limit,
                                                      const std::optional<std::pair<std::string, std::string>>& after);
    // Pending again, due now, with a fresh schedule.
    void redeliver(const std::string& deliveryId);

private:
    db::Transaction& m_tx;
};

} // namespace sbor::notifications
